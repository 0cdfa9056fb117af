// The tour: every step in order with the keyboard, the worked example's figures ticked,
// the step kept in the link, the embedded demos leaving the address bar to the tour,
// and presenter mode on a projector-sized screen.
import { test, expect } from './lab';

const STEPS = 10;

test('→ visits every step, and every printed figure agrees on the worked example', async ({ page, lab }) => {
  await lab.open('#/');
  await page.getByTestId('tour-link').click();
  await expect(page.getByTestId('tour')).toBeVisible();
  for (let n = 1; n <= STEPS; n++) {
    await expect(page.getByTestId('tour-title')).toContainText(`Step ${n} of ${STEPS}`);
    expect(await lab.hash()).toBe(n === 1 ? '#/tour' : `#/tour?step=${n}`);
    const checks = page.getByTestId('tour-checks');
    const rows = await checks.locator('tbody tr').count();
    await expect(checks.locator('.worked')).toHaveCount(rows);
    await expect(checks.locator('.worked.agrees')).toHaveCount(rows);
    await expect(page.getByTestId('now-try')).not.toBeEmpty();
    await expect(page.getByTestId('tour-demo').locator('.demo')).toBeVisible();
    await page.keyboard.press('ArrowRight');
  }
  await expect(page.getByTestId('tour-title')).toContainText(`Step ${STEPS} of ${STEPS}`);
  await expect(page.getByTestId('tour')).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('tour-title')).toContainText(`Step ${STEPS - 1} of ${STEPS}`);
});

test('Home goes to the first step; a reload keeps the step', async ({ page, lab }) => {
  await lab.open('#/tour?step=5');
  await expect(page.getByTestId('tour-title')).toContainText('Step 5 of 10: Sizing the fleet');
  await page.keyboard.press('Home');
  await expect(page.getByTestId('tour-title')).toContainText('Step 1 of 10');
  expect(await lab.hash()).toBe('#/tour');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('tour-title')).toContainText('Step 3 of 10: Infrastructure as code');
  await page.reload();
  await expect(page.getByTestId('tour-title')).toContainText('Step 3 of 10: Infrastructure as code');
  await page.getByTestId('tour-previous').click();
  await expect(page.getByTestId('tour-title')).toContainText('Step 2 of 10');
});

test('the embedded demo runs in the step\'s state and leaves the link to the tour', async ({ page, lab }) => {
  await lab.open('#/tour?step=7');
  const demo = page.getByTestId('tour-demo').getByTestId('demo-failure-drill');
  await expect(demo).toBeVisible();
  await expect(demo.getByTestId('failure-1').getByTestId('what')).toHaveValue('az:a');
  await expect(demo.getByTestId('consumed')).toHaveText('4.63 %');
  await demo.getByTestId('fo').fill('60');
  await expect(demo.getByTestId('consumed')).toHaveText('2.31 %');
  expect(await lab.hash()).toBe('#/tour?step=7');
  await expect(page.getByTestId('open-demo')).toHaveAttribute('href', '#/failure-drill?fail=az%3Aa%40600');
  await lab.open('#/tour?step=4');
  await expect(page.getByTestId('tour-demo').getByTestId('demo-rolling-deploy')).toBeVisible();
  await expect(page.getByTestId('tour-checks')).toContainText('unhealthy_threshold = 3');
  await lab.open('#/tour?step=9');
  const table = page.getByTestId('tradeoffs');
  await expect(table.locator('tbody tr')).toHaveCount(5);
  await expect(table).toContainText('survives 1 AZ loss');
  await expect(table).toContainText('$1,048 a month optimized');
  // Leaving the tour: a demo writes its own link again.
  await page.getByTestId('nav-availability').click();
  await expect(lab.demo('availability')).toBeVisible();
  await lab.enter('slo', '99.95');
  expect(await lab.hash()).toContain('#/availability?slo=99.95');
});

test('a bad step in the link says so and starts at step 1', async ({ page, lab }) => {
  await lab.open('#/tour?step=99');
  await lab.mentions({
    ignored: 'step=99',
    'tour-title': 'Step 1 of 10',
  });
});

test.describe('on a projector', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('presenter mode: large type, the step fits the width, keys still step', async ({ page, lab }) => {
    await lab.open('#/tour?step=6');
    await page.keyboard.press('p');
    await expect(page.locator('html')).toHaveClass(/presenter/);
    const size = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(size).toBeGreaterThanOrEqual(24);
    await expect(page.getByTestId('tour-title')).toBeInViewport();
    await expect(page.getByTestId('tour-next')).toBeInViewport();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('tour-title')).toContainText('Step 7 of 10');
    await expect(page.getByTestId('tour-checks').locator('.worked')).toHaveCount(1);
    await expect(page.getByTestId('tour-checks').locator('.worked.agrees')).toHaveCount(1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: test.info().outputPath('tour-presenter.png') });
    await page.keyboard.press('p');
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('every step fits the width: a check\'s long name wraps rather than widening the page', async ({ page, lab }) => {
    await lab.open('#/tour');
    for (let step = 1; step <= 10; step++) {
      await expect(page.getByTestId('tour-title')).toContainText(`Step ${step} of 10`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `step ${step}`).toBeLessThanOrEqual(0);
      if (step < 10) await page.getByTestId('tour-next').click();
    }
  });
});
