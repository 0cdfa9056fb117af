// Offline use: after one visit the service worker holds the build, so every page reloads
// and works with the network cut — at the domain root and under a sub-path, under the
// strict CSP; a new deployment replaces the cached build whole; the manifest makes the
// lab installable.
import type { Page } from '@playwright/test';
import { axe } from './axe';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Lab, test, expect } from './lab';
import { subPathUrl } from '../playwright.config';

/** The lab's caches, once a service worker controls the page (it takes control only
 *  after its build is cached whole). */
async function cachedBuilds(page: Page): Promise<string[]> {
  const builds = () => page.evaluate(async () => navigator.serviceWorker.controller === null
    ? [] : (await caches.keys()).filter((n) => n.startsWith('cloud-lab-')));
  await expect.poll(builds, { timeout: 30_000 }).not.toEqual([]);
  return builds();
}

for (const [where, base] of [['the domain root', '/'], ['a sub-path', subPathUrl]] as const) {
  test(`after one visit every page reloads with the network cut (${where})`, async ({ page, context, browser }) => {
    // Axe on fifteen pages takes a few minutes on a loaded 2-core machine (as in layouts.spec).
    test.setTimeout(300_000);
    const lab = new Lab(page);
    await lab.open('#/', base);
    const demos = await lab.demoIds();
    const ids = ['', ...demos, 'tour', 'exercises', 'project', 'report'];
    expect(await cachedBuilds(page)).toHaveLength(1);

    // A browser that never visited gets nothing offline: the test can tell the difference.
    const stranger = await browser.newContext();
    await stranger.setOffline(true);
    const nothing = await stranger.newPage();
    await expect(nothing.goto(new URL(base, page.url()).href)).rejects.toThrow();
    await stranger.close();

    await context.setOffline(true);
    const violations: string[] = [];
    for (const id of ids) {
      await page.evaluate((hash) => { location.hash = hash; }, `#/${id}`);
      await page.reload();
      const root = id === '' ? page.getByTestId('home') : demos.includes(id) ? lab.demo(id) : page.getByTestId(id === 'tour' ? 'tour' : `${id}-page`);
      await expect(root, `${id || 'home'} offline`).toBeVisible();
      // What the cache serves is the whole page: axe finds it as accessible as online (once,
      // at the domain root; the sub-path serves the same files).
      if (base === '/') {
        violations.push(...(await axe(page)).map((v) => `${id || 'home'}: ${v.id} — ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')}`));
      }
    }
    expect(violations).toEqual([]);
    // A demo still computes offline: the error budget of a 99.99 % SLO.
    await page.evaluate(() => { location.hash = '#/availability?slo=99.99'; });
    await page.reload();
    await expect(page.getByTestId('budget')).toHaveText('4.32 min');
    // UPDATE_SCREENSHOTS=1: the README's picture of a reload with the network cut.
    if (process.env.UPDATE_SCREENSHOTS && base === '/') {
      await page.waitForTimeout(500);
      await page.screenshot({ path: path.join(__dirname, '..', '..', 'docs', 'screenshots', 'offline.png') });
    }
    // IaC drift's parser, a module of its own fetched when text is typed, reads typed text offline too.
    await page.evaluate(() => { location.hash = '#/iac-drift'; });
    await page.reload();
    const editor = page.getByTestId('config-text');
    await editor.fill((await editor.inputValue()).replace('desired_count   = 4', 'desired_count   = 7'));
    await expect(page.getByTestId('plan')).toContainText(/~ desired_count\s+= 4 -> 7/);
    await context.setOffline(false);
    expect(lab.errors).toEqual([]);
  });
}

test('a new deployment replaces the cached build whole', async ({ page, context }) => {
  test.setTimeout(120_000);
  // A copy of dist/ served under the sub-path server, which the test "deploys" again.
  const served = path.join(__dirname, '..', '..', 'target', 'subpath', `redeploy-${test.info().workerIndex}`);
  fs.rmSync(served, { recursive: true, force: true });
  fs.cpSync(path.join(__dirname, '..', '..', 'dist'), served, { recursive: true, dereference: true });
  const url = new URL(`/redeploy-${test.info().workerIndex}/`, subPathUrl).href;

  const lab = new Lab(page);
  await lab.open('#/availability', url);
  const [first] = await cachedBuilds(page);

  // The second deployment: a changed index.html and, as the build hook would write it,
  // a sw.js with a new build id over the same file list.
  const index = path.join(served, 'index.html');
  fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('<head>', '<head><meta name="deployment" content="second">'));
  const worker = path.join(served, 'sw.js');
  const second = 'cloud-lab-second0000000000';
  fs.writeFileSync(worker, fs.readFileSync(worker, 'utf8').replace(/build": "[0-9a-f]+"/, `build": "${second.slice('cloud-lab-'.length)}"`));
  // The test server's Last-Modified counts whole seconds: a file rewritten within the second it
  // was copied in would answer the browser's revalidation "not modified" (S3 answers by ETag).
  const later = new Date(Date.now() + 5_000);
  for (const file of [index, worker]) fs.utimesSync(file, later, later);

  // The next visit finds the new worker; it caches the new build and drops the old one.
  await page.reload();
  expect(first).not.toBe(second);
  await expect.poll(() => cachedBuilds(page), { timeout: 30_000 }).toEqual([second]);

  await context.setOffline(true);
  await page.reload();
  await expect(lab.demo('availability')).toBeVisible();
  await expect(page.locator('meta[name="deployment"]')).toHaveAttribute('content', 'second');
  // Every file the page loaded came from the one new cache.
  const mixed = await page.evaluate(async (name) => {
    const cache = await caches.open(name);
    const loaded = performance.getEntriesByType('resource').map((e) => e.name).filter((u) => u.startsWith(location.origin));
    const missing = [];
    for (const u of loaded) if (!(await cache.match(u))) missing.push(u);
    return missing;
  }, second);
  expect(mixed).toEqual([]);
  await context.setOffline(false);
  fs.rmSync(served, { recursive: true, force: true });
  expect(lab.errors).toEqual([]);
});

test('the web app manifest makes the lab installable', async ({ page, lab, browser }) => {
  await lab.open();
  await cachedBuilds(page);
  const cdp = await page.context().newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  expect(manifest.errors).toEqual([]);
  expect(JSON.parse(manifest.data ?? '{}').name).toContain('Cloud Lab');
  // The test browser is a private window, which Chromium never installs from: that one
  // reason is the browser's, not the lab's.
  const problems = async () => (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors
    .map((e) => e.errorId).filter((id) => id !== 'in-incognito');
  expect(await problems()).toEqual([]);

  // The check can fail: the same manifest without its icon is not installable.
  const other = await browser.newContext({ serviceWorkers: 'block' });
  const bare = await other.newPage();
  await bare.route('**/manifest.webmanifest', async (route) => {
    const body = JSON.parse(await (await route.fetch()).text());
    delete body.icons;
    await route.fulfill({ contentType: 'application/manifest+json', body: JSON.stringify(body) });
  });
  await bare.goto(page.url());
  await expect(bare.locator('.lab-header')).toBeVisible();
  const bareCdp = await other.newCDPSession(bare);
  await expect.poll(async () => (await bareCdp.send('Page.getInstallabilityErrors')).installabilityErrors
    .map((e) => e.errorId)).toContain('manifest-missing-suitable-icon');
  await other.close();
});
