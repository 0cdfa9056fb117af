// Embedding: `embed=1` shows one demo alone, keeps its state in the link, survives a
// reload, and works inside an <iframe> on another origin (the hosting recipe's
// frame-ancestors allows it); "Copy embed code" gives that iframe for the current state.
import { Lab, test, expect } from './lab';
import { subPathUrl } from '../playwright.config';

/** Another origin (the sub-path server's port) to host a page that embeds the lab. */
const otherOrigin = new URL(subPathUrl).origin;

test('embed=1 shows the demo alone and keeps the key as the state changes', async ({ page, lab }) => {
  await lab.open('#/availability');
  // The chrome the embedded page drops is there in the whole lab.
  for (const chrome of ['.lab-header', 'nav', '.lab-footer']) await expect(page.locator(chrome)).toHaveCount(1);

  await page.goto('about:blank');
  await page.goto('/#/availability?slo=99.99&embed=1');
  await expect(lab.demo('availability')).toBeVisible();
  for (const chrome of ['.lab-header', 'nav', '.lab-footer']) await expect(page.locator(chrome)).toHaveCount(0);
  await expect(page.locator('html')).toHaveClass(/embed/);
  await expect(page.getByTestId('budget')).toHaveText('4.32 min');
  await expect(page.getByRole('link', { name: 'Open in Cloud Lab' })).toHaveAttribute('href', /#\/availability\?slo=99\.99$/);

  await page.getByTestId('db-single-az').check();
  await expect.poll(() => lab.hash()).toContain('embed=1');
  await page.reload();
  await expect(lab.demo('availability')).toBeVisible();
  await expect(page.getByTestId('db-single-az')).toBeChecked();
  await expect(page.locator('.lab-header')).toHaveCount(0);
  // The keys that would leave the demo do nothing; the demo's own still work.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('h');
  await expect(lab.demo('availability')).toBeVisible();
  await page.keyboard.press('r');
  await expect(page.getByTestId('db-multi-az')).toBeChecked();
});

test('"Copy embed code" gives an iframe of the current state that works on another origin', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const lab = new Lab(page);
  await lab.open('#/availability?slo=99.99');
  await page.getByTestId('embed-copy').click();
  await expect(page.getByTestId('embed-status')).toHaveText('Copied to the clipboard.');
  await expect(page.getByTestId('embed-copy')).toHaveAttribute('aria-expanded', 'true');
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  await expect(page.getByTestId('embed-snippet')).toHaveValue(snippet);
  expect(snippet).toMatch(/^<iframe src="[^"]+" title="Cloud Lab: Availability &amp; SLO"/);
  const src = snippet.match(/src="([^"]+)"/)![1].replaceAll('&amp;', '&');
  expect(src.startsWith(baseURL!)).toBe(true);
  expect(src).toContain('slo=99.99');
  expect(src).toMatch(/embed=1$/);

  // A course page on another origin embeds it. Its frame's page comes from the lab's service
  // worker, as after a student's first visit: Chromium refuses a frame from the network on
  // 127.0.0.1 inside a page that Playwright made up (it counts that page as public).
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.route(`${otherOrigin}/course-page.html`, (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="en"><title>Week 3</title><h1>Week 3</h1>${snippet}</html>`,
  }));
  await page.goto(`${otherOrigin}/course-page.html`);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByTestId('demo-availability')).toBeVisible();
  await expect(frame.getByTestId('budget')).toHaveText('4.32 min');
  await expect(frame.locator('.lab-header')).toHaveCount(0);
  expect(lab.errors).toEqual([]);
});

test('frame-ancestors refuses a page it does not list', async ({ page, baseURL }) => {
  // A plain-HTTP page elsewhere: neither 'self', nor https:, nor this machine's test port.
  await page.route('http://course.example.org/page.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="en"><title>Elsewhere</title><iframe src="${baseURL}#/availability?embed=1" title="lab"></iframe></html>`,
  }));
  await page.goto('http://course.example.org/page.html');
  // Chromium replaces a refused frame with its error page.
  await expect.poll(() => page.frames().map((f) => f.url())).toContain('chrome-error://chromewebdata/');
  await expect(page.frameLocator('iframe').getByTestId('demo-availability')).toHaveCount(0);
});
