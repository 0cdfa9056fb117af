// Cloud Lab's service worker: keeps one build of the lab in the browser so that, after
// one visit, a reload works with no network.
//
// The build's file list and its id are written into PRECACHE below by a post-build hook
// (scripts/precache.py), so every deployment ships a different sw.js: the browser then
// installs the new worker, which caches the new build whole in a cache named after it
// (cache.addAll fails as a whole if one file does), takes over, and deletes every older
// build's cache. index.html and the files it names always come from the same cache, so
// a page never mixes two builds.
const PRECACHE = { build: 'unbuilt', files: [] };

const PREFIX = 'cloud-lab-';
// A file named by a hash of its contents (as tests/serve.py and deploy/publish.sh tell them) is
// the same wherever it comes from: the HTTP cache's copy, which the page has just fetched, will do.
const HASHED = /-[0-9a-f]{1,16}(_bg)?\.(js|wasm|css|svg)$/;
const CACHE = PREFIX + PRECACHE.build;
const INDEX = new URL('./index.html', self.location).href;
const SCOPE = new URL('./', self.location).href;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // 'reload' for the files with fixed names: from the server, not from an older visit's
    // HTTP cache.
    await cache.addAll(PRECACHE.files.map((file) =>
      new Request(file, { cache: HASHED.test(file) ? 'default' : 'reload' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names
      .filter((name) => name.startsWith(PREFIX) && name !== CACHE)
      .map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.hash = '';
  url.search = '';
  // The lab is one page: opening its folder or index.html gets this build's index.html.
  const page = request.mode === 'navigate' && (url.href === SCOPE || url.href === INDEX);
  const key = page ? INDEX : request;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    return (await cache.match(key)) ?? fetch(request);
  })());
});
