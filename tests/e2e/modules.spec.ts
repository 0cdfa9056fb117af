// The wasm in modules (demos/src/split.rs): the home page fetches none of the pages' modules, a
// demo's page fetches its own module and its chunk of shared code (what the demos share is in the
// main module: tools/wasm-split-chunks.patch; the published tool made 29 chunks for autoscaling's
// page),
// a page whose module is on its way shows a line saying so in place of the page before, a
// module that cannot be fetched leaves a message in the page and a working app, and every module
// is compiled in a worker (assets/wasm-compile.js) where the browser has one.
import { test, expect } from './lab';

// The service worker fetches every file once the page has loaded (offline use); these tests
// count what the page itself needs.
test.use({ serviceWorkers: 'block' });

const MODULE = /\/split_(\w+)-[0-9a-f]{16}\.wasm$/;
const CHUNK = /\/chunk_\d+-[0-9a-f]{16}\.wasm$/;

function modules(requests: string[]): string[] {
  return requests.flatMap((url) => url.match(MODULE)?.[1] ?? []).sort();
}

test('the home page fetches no page module; a demo fetches its own module and its chunk', async ({ lab, page }) => {
  await lab.open('#/');
  await expect(page.locator('#first-screen')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(lab.requests.filter((url) => /\/(split|chunk)_/.test(url))).toEqual([]);

  await page.getByRole('link', { name: 'Autoscaling loop' }).first().click();
  await expect(lab.demo('autoscaling')).toBeVisible();
  expect(modules(lab.requests)).toEqual(['autoscaling']);
  expect(lab.requests.filter((url) => CHUNK.test(url))).toHaveLength(1);
  // Another demo fetches its own module and chunk.
  await page.goto('/#/serverless');
  await expect(lab.demo('serverless')).toBeVisible();
  expect(modules(lab.requests)).toEqual(['autoscaling', 'serverless']);
  expect(lab.requests.filter((url) => CHUNK.test(url))).toHaveLength(2);
});

test('a tour link fetches the tour and its step\'s demo before the app shows', async ({ lab, page }) => {
  await lab.open('#/tour?step=5');
  await expect(page.locator('#first-screen')).toHaveCount(0);
  // Already there when the app took the static screen's place, not fetched afterwards.
  expect(await lab.demo('autoscaling').count()).toBe(1);
  expect(modules(lab.requests)).toEqual(['autoscaling', 'tour']);
});

test('a module that cannot be fetched leaves a message and a working app', async ({ lab, page }) => {
  await page.route(MODULE, (route) => route.abort());
  await lab.open('#/cost');
  await expect(page.getByTestId('not-loaded')).toContainText('could not be downloaded');
  await expect(lab.demo('cost')).toHaveCount(0);
  // The browser and the loader report the failed fetches on the console; nothing else may be logged.
  expect(lab.errors.length).toBeGreaterThan(0);
  expect(lab.errors.filter((e) => !/^(Failed to load resource: net::ERR_FAILED|TypeError: Failed to fetch)/.test(e))).toEqual([]);
  lab.errors.length = 0;
  // The app lives on: the home page needs no module.
  await page.getByRole('link', { name: 'Cloud Lab' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('PhotoShare');
  await expect(page.getByTestId('not-loaded')).toHaveCount(0);
});

test('leaving a page for one whose module is on its way: the old page goes at once, the new one works', async ({ lab, page }) => {
  await lab.open('#/cost');
  await expect(lab.demo('cost')).toBeVisible();
  // Autoscaling's module and its chunk held back until released.
  let release = () => {};
  const released = new Promise<void>((resolve) => { release = resolve; });
  await page.route(/\/(split_autoscaling|chunk_\d+)-[0-9a-f]{16}\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  await page.getByTestId('nav-autoscaling').click();
  // The cost page's controls (its own hit ratio slider among them) are gone with it, not left
  // on screen bound to nothing.
  await expect(page.getByTestId('page-loading')).toHaveText('Loading this page…');
  await expect(lab.demo('cost')).toHaveCount(0);
  await expect(page.getByTestId('hit')).toHaveCount(0);
  release();
  await expect(lab.demo('autoscaling')).toBeVisible();
  await expect(page.getByTestId('page-loading')).toHaveCount(0);
  await page.getByTestId('hit').fill('80');
  await expect(page.getByTestId('linked-hit')).toContainText('80 %');
});

// What the page hands the compiling worker: the URL of each module, which the worker fetches
// itself (Chromium caches the compiled code only of a module compiled from a fetched response).
async function countHandedOver(page: import('@playwright/test').Page) {
  await page.addInitScript(() => {
    const post = Worker.prototype.postMessage;
    (window as any).handedOver = [];
    Worker.prototype.postMessage = function (message: any, ...rest: any[]) {
      if (typeof message?.url === 'string') (window as any).handedOver.push(message.url);
      return post.apply(this, [message, ...rest] as any);
    };
  });
}

test('every module a page needs is compiled in a worker, off the page\'s main thread', async ({ lab, page }) => {
  await countHandedOver(page);
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await lab.open('#/autoscaling');
  await expect(page.locator('#first-screen')).toHaveCount(0);
  await expect(lab.demo('autoscaling')).toBeVisible();
  expect(workers.filter((url) => /\/wasm-compile-worker-[0-9a-f]{16}\.js$/.test(url))).toHaveLength(1);
  // The helper that starts the worker is fetched with the glue, not after it.
  const html = await (await page.request.get('/')).text();
  for (const name of ['wasm-compile', 'wasm-split']) {
    expect(html).toMatch(new RegExp(`<link rel="modulepreload" href="\\./${name}-[0-9a-f]{16}\\.js" crossorigin="anonymous">`));
  }
  // The main module, autoscaling's and its chunk, each named by its absolute URL.
  const handed: string[] = await page.evaluate(() => (window as any).handedOver);
  expect(handed).toHaveLength(3);
  expect(handed.filter((url) => /^http:\/\/[^/]+\/cloud-lab-[0-9a-f]{1,16}_bg\.wasm$/.test(url))).toHaveLength(1);
  expect(modules(handed)).toEqual(['autoscaling']);
  expect(handed.filter((url) => CHUNK.test(url))).toHaveLength(1);
  // V8 compiles the scripts that run the wasm as they stream in (its explicit compile hint).
  // Trunk's hash drops leading zeros (1 to 16 digits); split_wasm.py's always has 16.
  for (const name of [/\/cloud-lab-[0-9a-f]{1,16}\.js$/, /\/wasm-split-[0-9a-f]{16}\.js$/, /\/wasm-compile-[0-9a-f]{16}\.js$/]) {
    const url = lab.requests.find((u) => name.test(u));
    expect(url, String(name)).toBeDefined();
    expect((await (await page.request.get(url!)).text()).split('\n')[0]).toBe('//# allFunctionsCalledOnLoad');
  }
});

test('without the compiling worker the modules are compiled on the page and the lab works', async ({ lab, page }) => {
  // A worker whose script fails once the main module has been handed to it: that module is
  // fetched and compiled on the page, and so are the modules after it.
  await countHandedOver(page);
  await page.route(/\/wasm-compile-worker-[0-9a-f]{16}\.js$/, async (route) => {
    await page.waitForFunction(() => (window as any).handedOver.length === 1);
    await route.abort();
  });
  await lab.open('#/autoscaling');
  await expect(lab.demo('autoscaling')).toBeVisible();
  await page.getByTestId('nav-serverless').click();
  await expect(lab.demo('serverless')).toBeVisible();
  expect(lab.errors.filter((e) => !/^Failed to load resource: net::ERR_FAILED/.test(e))).toEqual([]);
  lab.errors.length = 0;

  // A browser without workers.
  const bare = await page.context().newPage();
  await bare.addInitScript(() => { delete (window as any).Worker; });
  const failures: string[] = [];
  bare.on('pageerror', (err) => failures.push(err.message));
  bare.on('console', (msg) => { if (msg.type() === 'error') failures.push(msg.text()); });
  await bare.goto('/#/cost');
  await expect(bare.getByTestId('demo-cost')).toBeVisible();
  expect(failures).toEqual([]);
});

test('a repeat visit takes the compiled wasm from the browser\'s code cache', async ({ playwright, launchOptions, baseURL }, testInfo) => {
  // Chromium keeps a module's compiled code once enough of it has been optimised, for modules
  // compiled from a fetched URL (https://v8.dev/blog/wasm-code-caching); a body handed from the
  // page to the worker has no URL and was never cached (session 18). A profile on disk, two
  // visits to fill the cache, the third traced.
  const context = await playwright.chromium.launchPersistentContext(testInfo.outputPath('profile'), {
    ...launchOptions, baseURL, serviceWorkers: 'block',
  });
  const page = context.pages()[0] ?? await context.newPage();
  for (let visit = 0; visit < 2; visit++) {
    await page.goto('about:blank');
    await page.goto('/#/autoscaling');
    await expect(page.getByTestId('demo-autoscaling')).toBeVisible();
    await page.waitForTimeout(5000);
  }
  await page.goto('about:blank');
  const cdp = await context.newCDPSession(page);
  const names: string[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => names.push(...value.map((e: { name: string }) => e.name)));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'v8.wasm', transferMode: 'ReportEvents' });
  await page.goto('/#/autoscaling');
  await expect(page.getByTestId('demo-autoscaling')).toBeVisible();
  await cdp.send('Tracing.end');
  await complete;
  await context.close();
  expect(names.filter((name) => name === 'wasm.Deserialize').length).toBeGreaterThan(0);
});
