// mdx-offline.mjs asks the service worker over a MessageChannel to store
// Python ({type: "mdx-cache-runtime"}) and is answered once every file is in
// the cache. This passes the answer on unchanged and keeps it, so a test can
// await that answer instead of asking the cache again and again.
// Loaded as an init script by tests/support/offline.py.

(() => {
    // Init scripts also run where there is no service worker API (a worker's scope).
    if (typeof ServiceWorker === "undefined") return;
    const post = ServiceWorker.prototype.postMessage;
    let answered;
    window.__mdxRuntimeStored = new Promise((resolve) => { answered = resolve; });
    ServiceWorker.prototype.postMessage = function (message, transfer) {
        if (message?.type !== "mdx-cache-runtime" || !transfer?.length) return post.call(this, message, transfer);
        const [pagePort] = transfer;
        const relay = new MessageChannel();
        relay.port1.onmessage = ({ data }) => { pagePort.postMessage(data); answered(data); };
        return post.call(this, message, [relay.port2]);
    };
})();
