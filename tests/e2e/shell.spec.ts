// The shell: every registered demo mounts cleanly, navigation, presenter mode,
// the AWS ↔ Azure names, hosting under a sub-path, and bad links.
import { Lab, test, expect } from './lab';
import { subPathUrl } from '../playwright.config';

// Every demo of the lab, in the course's order (the model's catalog): the navigation must
// list exactly these.
const DEMOS = ['service-models', 'vm-vs-container', 'iac-drift', 'rolling-deploy', 'autoscaling',
  'availability', 'failure-drill', 'cost', 'cache-cdn', 'rate-limiting', 'serverless', 'multi-region'];

test('the navigation lists every demo and each mounts its own view with no console error', async ({ page, lab }) => {
  await lab.open();
  await expect(page.getByTestId('home')).toBeVisible();
  expect(await lab.demoIds()).toEqual(DEMOS);
  for (const id of DEMOS) {
    await page.getByTestId(`nav-${id}`).click();
    const demo = lab.demo(id);
    await expect(demo).toBeVisible();
    await expect(demo.locator('h1')).not.toBeEmpty();
    // A demo's own view, not a placeholder: the frame's reset and the view's own controls.
    await expect(demo.getByTestId('reset')).toBeVisible();
    expect(await demo.locator('input, select, textarea').count()).toBeGreaterThan(0);
  }
});

test('the home page draws the architecture and links each part to its demos', async ({ page, lab }) => {
  await lab.open();
  for (const part of ['cdn', 'load-balancer', 'app-tier', 'data-tier']) {
    await expect(page.getByTestId(`part-${part}`).locator('a').first()).toBeVisible();
  }
  await page.getByTestId('part-data-tier').getByRole('link', { name: 'Availability & SLO' }).click();
  await expect(lab.demo('availability')).toBeVisible();
});

test('keyboard: arrows move between demos, p toggles presenter mode, a the cloud names', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('#/');
  await page.keyboard.press('ArrowRight');
  await expect(lab.demo('service-models')).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('home')).toBeVisible();
  await page.keyboard.press('p');
  await expect(page.locator('html')).toHaveClass(/presenter/);
  await expect(page.getByTestId('presenter-toggle')).toHaveAttribute('aria-pressed', 'true');
  const small = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  expect(small).toBeGreaterThanOrEqual(24);
  await page.keyboard.press('p');
  await expect(page.locator('html')).not.toHaveClass(/presenter/);
  await expect(page.getByTestId('part-cdn')).toContainText('CloudFront');
  await page.keyboard.press('a');
  await expect(page.getByTestId('part-cdn')).toContainText('Front Door');
  expect(await lab.hash()).toContain('cloud=azure');
});

test('the lab works under a sub-path on a plain static server', async ({ page, lab }) => {
  await page.goto(subPathUrl + '#/availability?slo=99.99');
  await expect(lab.demo('availability')).toBeVisible();
  await expect(page.getByTestId('budget')).toHaveText('4.32 min');
  await page.reload();
  await expect(page.getByTestId('budget')).toHaveText('4.32 min');
});

test('no request leaves the page\'s origin, on any page', async ({ page, lab }) => {
  await lab.open();
  for (const id of await lab.demoIds()) {
    await page.getByTestId(`nav-${id}`).click();
    await expect(lab.demo(id)).toBeVisible();
  }
  const origin = new URL(page.url()).origin;
  expect(lab.requests.length).toBeGreaterThan(3);
  expect(lab.requests.filter((url) => !url.startsWith(origin + '/'))).toEqual([]);
});

test('hostile link values are shown as text or rejected, never run', async ({ page, lab }) => {
  await lab.open('#/availability?slo=javascript:alert(1)&path=' + encodeURIComponent('<img src=x onerror=alert(1)>'));
  await expect(page.getByTestId('ignored')).toContainText('javascript:alert(1)');
  await expect(page.getByTestId('ignored')).toContainText('<img src=x');
  expect(await page.locator('main img').count()).toBe(0);
  await lab.open('#/availability?path=' + 'a'.repeat(1_000_000));
  await expect(page.getByTestId('ignored')).toContainText('longer than 4096 characters');
  await expect(page.getByTestId('composed')).toHaveText('99.928 %');
});

test('an unknown page says so instead of failing', async ({ page, lab }) => {
  await lab.open('#/no-such-demo');
  await expect(page.getByTestId('not-found')).toContainText('no-such-demo');
});
