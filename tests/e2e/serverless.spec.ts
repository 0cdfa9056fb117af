// The Serverless crossover demo in the browser: the crossover in words, the rate
// slider, presets, cold starts and deep links (bad links: bad-links.spec.ts).
import { test, expect } from './lab';

test('opens on PhotoShare API traffic with the crossover in words', async ({ page, lab }) => {
  await lab.open('#/serverless');
  await lab.shows({
    verdict: 'Below ≈ 19.7 req/s the functions are cheaper; above it the fleet is.',
    'rate-value': '96 req/s',
    'functions-usd': '$548.17',
    'fleet-usd': '$107.28',
    cheaper: 'the fleet',
  });
  await expect(page.getByTestId('crossover-chart').locator('canvas')).toHaveAttribute('aria-label', /Below ≈ 19\.7 req\/s/);
  await expect(page.getByTestId('prices')).toContainText('per GB-second');
  await expect(page.getByTestId('documented').locator('li')).toHaveCount(5);
  await expect(page.getByTestId('documented')).toContainText('rounded up to the nearest millisecond');
  await lab.allBadgesAgree();
});

test('moving the rate slider changes both costs and the chart; bad input is reported', async ({ page, lab }) => {
  await lab.open('#/serverless');
  const chart = page.getByTestId('crossover-chart').locator('canvas');
  const label = await chart.getAttribute('aria-label');
  await page.getByTestId('rate').fill('10');
  await lab.shows({
    'rate-value': '10 req/s',
    cheaper: 'the functions',
  });
  await expect(page.getByTestId('functions-usd')).not.toHaveText('$548.17');
  await expect(chart).not.toHaveAttribute('aria-label', label!);
  await page.getByTestId('rate').fill('0');
  await expect(page.getByTestId('functions-usd')).toHaveText('$0.00');
  await lab.enter('keep', '-5');
  await expect(page.getByTestId('problems')).toContainText('keep-alive');
});

test('the thumbnail preset switches the workload', async ({ page, lab }) => {
  await lab.open('#/serverless');
  await page.getByTestId('preset-thumbnails').check();
  await expect(page.getByTestId('rate-value')).toHaveText('0.5 uploads/s');
  // Each charge rounded half a cent up, the bill their sum: $0.06 + $10.85.
  await lab.shows({
    'functions-parts': 'requests $0.06 · gateway $0.00 · compute $10.85',
    'functions-usd': '$10.91',
  });
  await expect(page.getByTestId('door-event')).toBeChecked();
  await expect(page.getByTestId('verdict')).toContainText('uploads/s');
  await expect(page.getByTestId('cold-share')).toHaveText('< 0.0001 %');
  await lab.enter('keep', '1');
  await expect(page.getByTestId('cold-share')).toHaveText('60.7 %');
  expect(await lab.hash()).toContain('preset=thumbnails');
  await page.getByTestId('preset-api').check();
  await expect(page.getByTestId('rate-value')).toHaveText('96 req/s');
});

test('a deep link restores the state after a reload', async ({ page, lab }) => {
  await lab.open('#/serverless');
  await page.getByTestId('door-rest').check();
  await page.getByTestId('free-tier').uncheck();
  await expect(page.getByTestId('verdict')).toContainText('Below ≈ 8.69 req/s');
  await lab.linkHas('door=rest', 'free=0');
  await page.reload();
  await expect(page.getByTestId('verdict')).toContainText('Below ≈ 8.69 req/s');
  await expect(page.getByTestId('door-rest')).toBeChecked();
  await lab.reset('#/serverless');
  await expect(page.getByTestId('verdict')).toContainText('Below ≈ 19.7 req/s');
});
