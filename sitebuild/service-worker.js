/**
 * Meldcodewijzer service worker, written by the build (sitebuild/service_worker.py).
 *
 * On the first visit it stores every file of the site, so afterwards every
 * page and both checks work without a network. Each build has its own cache;
 * a new build's worker fills a new cache and deletes the old ones.
 * It only reads and answers requests to this site's own origin.
 */
const VERSION = "__MDX_VERSION__";
/** @type {string[]} site-relative URLs; a folder stands for its index.html */
const PRECACHE = __MDX_PRECACHE__;
const CACHE = `mdx-${VERSION}`;
const SCOPE = new URL(self.registration.scope);

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // "no-cache" revalidates against the server instead of downloading
      // again: the 9.6 MB wasm the page just loaded comes from the HTTP cache.
      await cache.addAll(PRECACHE.map((path) => new Request(new URL(path, SCOPE), { cache: "no-cache" })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith("mdx-") && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== SCOPE.origin) return;
  event.respondWith(respond(request, url));
});

/**
 * Cache first: the cache holds exactly this build's files.
 * @param {Request} request
 * @param {URL} url
 */
async function respond(request, url) {
  const cache = await caches.open(CACHE);
  const key = new URL(url.pathname.replace(/\/index\.html$/, "/"), url);
  const cached = await cache.match(key, { ignoreSearch: true });
  if (cached) return cached;
  try {
    return await fetch(request);
  } catch (error) {
    if (request.mode === "navigate") {
      const notFound = await cache.match(new URL("404.html", SCOPE));
      if (notFound) return notFound;
    }
    throw error;
  }
}
