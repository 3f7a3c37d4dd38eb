/**
 * Meldcodewijzer service worker, written by the build (sitebuild/service_worker.py).
 *
 * What it keeps, per build, in its own cache `mdx-<version>`:
 * - CORE, stored when it installs (on the first visit to any page): every
 *   page, stylesheet, script and image, so every page and every check's
 *   no-JavaScript scheme work offline after one visit.
 * - RUNTIME (Python: Pyodide, the standard library, the snapshot, the checks
 *   zip), about ten times the rest: stored only as a check page loads it, or
 *   all at once when the visitor asks for it (the "download" button, which
 *   posts {type: "mdx-cache-runtime"}).
 * - ON_DEMAND (the whole standard library, which a check page does not load:
 *   Python starts from its memory snapshot): stored only when a page fetches it.
 *
 * Both lists map each site-relative URL to the sha256 the build computed
 * (as a Subresource Integrity string). A response is stored only when its
 * bytes match, so a half-uploaded deploy cannot end up in the cache; the
 * install then fails, and the browser tries again on a later visit.
 *
 * A new build installs next to the old one and copies every file whose hash
 * did not change from the old cache: a returning visitor downloads only what
 * changed. It then waits: pages of the old build keep their own worker and
 * cache, so they never load a file of the new build. It takes over once no
 * page of the old build is open, or when the only such page is reloaded.
 * It only reads and answers requests to this site's own origin.
 */
const VERSION = "__MDX_VERSION__";
/** @type {Record<string, string>} site-relative URL → integrity; a folder stands for its index.html */
const CORE = __MDX_CORE__;
/** @type {Record<string, string>} */
const RUNTIME = __MDX_RUNTIME__;
/** @type {Record<string, string>} */
const ON_DEMAND = __MDX_ON_DEMAND__;
const CACHE = `mdx-${VERSION}`;
const SCOPE = new URL(self.registration.scope);
// Each stored response carries the hash it was checked against, so a later
// build can tell which files it may copy instead of downloading them again.
const INTEGRITY_HEADER = "X-Mdx-Integrity";
// Shown for an instant while the reloaded page switches to the new build.
const SWITCH_PAGE = `<!doctype html><html lang="nl"><meta charset="utf-8"><meta http-equiv="refresh" content="0"><link rel="icon" href="data:,"><title>Nieuwe versie laden</title><p>De nieuwe versie van de site wordt geladen.</p></html>`;

/** @type {Map<string, string>} absolute URL → integrity, the runtime and its on-demand files */
const RUNTIME_INTEGRITY = new Map(
  Object.entries({ ...RUNTIME, ...ON_DEMAND }).map(([path, integrity]) => [new URL(path, SCOPE).href, integrity]),
);
/** What a check needs offline, and what "download" stores. */
const RUNTIME_URLS = Object.keys(RUNTIME).map((path) => new URL(path, SCOPE).href);

/** The key a request is stored under: a folder's index.html is the folder. */
function keyOf(url) {
  const key = new URL(url);
  key.pathname = key.pathname.replace(/\/index\.html$/, "/");
  key.search = "";
  key.hash = "";
  return key.href;
}

/** The visitor asked the browser to save data: no download they did not ask for. */
function savingData() {
  return self.navigator.connection?.saveData === true;
}

/**
 * @param {Response} response
 * @param {string} integrity
 * @returns {Response} the same response, marked with the hash it matched
 */
function marked(response, integrity) {
  const headers = new Headers(response.headers);
  headers.set(INTEGRITY_HEADER, integrity);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** A copy of this URL from an older build's cache, if its hash is the one wanted. */
async function storedElsewhere(url, integrity) {
  for (const name of await caches.keys()) {
    if (!name.startsWith("mdx-") || name === CACHE) continue;
    const old = await (await caches.open(name)).match(url, { ignoreVary: true });
    if (old && old.headers.get(INTEGRITY_HEADER) === integrity) return old;
  }
  return undefined;
}

/**
 * Store one file in this build's cache: copied from an older cache when it
 * did not change, otherwise downloaded (unless `download` is false) and
 * checked against its hash (the browser refuses a body that does not match
 * `integrity`).
 */
async function store(cache, url, integrity, { download = true } = {}) {
  if (await cache.match(url, { ignoreVary: true })) return;
  const copy = await storedElsewhere(url, integrity);
  if (copy) return cache.put(url, copy);
  if (!download) return;
  // "no-cache": the HTTP cache may answer, but only after the server said it is current.
  const response = await fetch(new Request(url, { cache: "no-cache", integrity }));
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  await cache.put(url, marked(response, integrity));
}

/** Whether an older build's cache held the runtime (the visitor used a check or asked for it). */
async function hadRuntime() {
  for (const url of RUNTIME_URLS) {
    for (const name of await caches.keys()) {
      if (name.startsWith("mdx-") && name !== CACHE && (await (await caches.open(name)).match(url, { ignoreVary: true }))) return true;
    }
  }
  return false;
}

/** Store every runtime file this build's cache still lacks. */
async function storeRuntime({ download = true } = {}) {
  const cache = await caches.open(CACHE);
  await Promise.all(RUNTIME_URLS.map((url) => store(cache, url, RUNTIME_INTEGRITY.get(url), { download })));
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await Promise.all(Object.entries(CORE).map(([path, integrity]) => store(cache, new URL(path, SCOPE).href, integrity)));
      // A visitor who had the checks offline keeps them: unchanged files are
      // copied, changed ones downloaded (not when saving data: a check page
      // then loads those when it is opened, online).
      if (await hadRuntime()) {
        await storeRuntime({ download: !savingData() }).catch((error) =>
          console.info("Meldcodewijzer: runtime not updated for offline use:", error),
        );
      }
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      // No page of an older build is left (or the last one is being reloaded).
      for (const key of await caches.keys()) {
        if (key.startsWith("mdx-") && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

// Pages ask over a MessageChannel (mdx-offline.mjs); the answer goes to its port.
self.addEventListener("message", (event) => {
  const { data, ports } = event;
  const reply = (message) => ports[0]?.postMessage(message);
  if (data?.type === "mdx-activate") {
    event.waitUntil(self.skipWaiting());
  } else if (data?.type === "mdx-runtime-status") {
    event.waitUntil(runtimeStatus().then(reply));
  } else if (data?.type === "mdx-cache-runtime") {
    event.waitUntil(
      storeRuntime().then(
        () => reply({ ok: true }),
        (error) => reply({ ok: false, message: String(error?.message ?? error) }),
      ),
    );
  }
});

/** @returns {Promise<{complete: boolean}>} */
async function runtimeStatus() {
  const cache = await caches.open(CACHE);
  const found = await Promise.all(RUNTIME_URLS.map((url) => cache.match(url, { ignoreVary: true })));
  return { complete: found.every(Boolean) };
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== SCOPE.origin) return;
  event.respondWith(respond(event, request));
});

/**
 * A newer build is installed and the page being loaded is the only one of
 * this build: let the newer build take over, and have the browser load the
 * page again (it then goes to the newer worker). Pages of this build that
 * are open elsewhere keep it until they close.
 */
async function handOver(request) {
  const waiting = self.registration.waiting;
  if (request.mode !== "navigate" || waiting?.state !== "installed") return undefined;
  const windows = await self.clients.matchAll({ type: "window" });
  if (windows.length > 1 || (windows.length === 1 && keyOf(windows[0].url) !== keyOf(request.url))) return undefined;
  waiting.postMessage({ type: "mdx-activate" });
  return new Response(SWITCH_PAGE, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

/**
 * This build's cache first. A runtime file not stored yet comes from the
 * network and is stored once its bytes match this build's hash. A file that
 * does not match (the server has a newer deploy, or a broken upload) is
 * refused, so a page never runs files of two builds; only the 9.6 MB wasm
 * is passed on as it streams in (Pyodide compiles it while it downloads)
 * and checked before it is stored.
 * @param {FetchEvent} event
 * @param {Request} request
 */
async function respond(event, request) {
  const switching = await handOver(request);
  if (switching) return switching;
  const cache = await caches.open(CACHE);
  const key = keyOf(request.url);
  const cached = await cache.match(key, { ignoreVary: true });
  if (cached) return cached;
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    if (request.mode === "navigate") {
      const notFound = await cache.match(new URL("404.html", SCOPE).href);
      if (notFound) return notFound;
    }
    throw error;
  }
  const integrity = RUNTIME_INTEGRITY.get(key);
  if (!integrity || !response.ok) return response;
  if (key.endsWith(".wasm")) {
    event.waitUntil(storeIfMatching(cache, key, response.clone(), integrity));
    return response;
  }
  const stored = await storeIfMatching(cache, key, response, integrity);
  return stored ?? new Response(`${key} is not a file of this build`, { status: 409, headers: { "Content-Type": "text/plain" } });
}

/**
 * @param {Cache} cache
 * @param {string} key
 * @param {Response} response
 * @param {string} integrity
 * @returns {Promise<Response | undefined>} the stored response, or undefined when the bytes do not match
 */
async function storeIfMatching(cache, key, response, integrity) {
  const body = await response.arrayBuffer();
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
  let binary = "";
  for (const byte of digest) binary += String.fromCharCode(byte);
  if (`sha256-${btoa(binary)}` !== integrity) {
    console.warn(`Meldcodewijzer: ${key} does not match this build; not used, not stored`);
    return undefined;
  }
  const headers = new Headers(response.headers);
  headers.set(INTEGRITY_HEADER, integrity);
  const init = { status: response.status, statusText: response.statusText, headers };
  await cache.put(key, new Response(body, init));
  return new Response(body, init);
}
