// The Cost model demo in the browser: the worked example's bill to the cent, exact money
// (half a cent up), the levers, bad prices, the CSV export, deep links, the careful
// reader's note on Multi-AZ storage and the link to availability.
import { readFile } from 'node:fs/promises';
import { test, expect } from './lab';

const ROWS = ['$64.97', '$14.31', '$350.40', '$11.50', '$329.96', '$28.00', '$47.10', '$400.35', '$36.90', '$75.00'];

test('opens on the worked example: every line, both totals, the saving', async ({ page, lab }) => {
  await lab.open('#/cost');
  for (const [i, cents] of ROWS.entries()) {
    await expect(page.getByTestId(`row-${i + 1}`)).toContainText(cents);
  }
  await lab.mentions({
    'row-1': '1,460',
    'row-7': '2,048',
  });
  await lab.shows({
    'on-demand-total': '$1,358.49',
    'optimized-total': '$1,047.63',
  });
  await expect(page.getByTestId('saving-share')).toContainText('22.9 %');
  await expect(page.getByTestId('saving-year')).toHaveText('$3,730.32');
  await lab.mentions({
    largest: 'CloudFront egress is 29 %',
    levers: '$203.23',
  });
  await expect(page.getByTestId('idle-share')).not.toBeEmpty();
  await expect(page.locator('.worked.agrees')).toHaveCount(4);
  await expect(page.getByTestId('documented').locator('li')).toHaveCount(4);
  await expect(page.getByTestId('documented')).toContainText('Multi-AZ DB instance is billed');
  await lab.allBadgesAgree();
});

test('a lever off raises the optimized total and redraws the chart', async ({ page, lab }) => {
  await lab.open('#/cost');
  const chart = page.getByTestId('stack-chart').locator('canvas');
  await expect(chart).toHaveAttribute('aria-label', /Optimized \$1,047\.63/);
  const before = await chart.screenshot();
  await page.getByTestId('lever-ri').uncheck();
  await lab.shows({
    'optimized-total': '$1,194.80',
    'on-demand-total': '$1,358.49',
  });
  await expect(chart).toHaveAttribute('aria-label', /Optimized \$1,194\.80/);
  expect((await chart.screenshot()).equals(before)).toBe(false);
  await expect(page.locator('.worked:not(.agrees)')).not.toHaveCount(0);
});

test('bad input gives clear messages, not a crash', async ({ page, lab }) => {
  await lab.open('#/cost');
  await lab.enter('p_cdn', '-1');
  await expect(page.getByTestId('problems')).toContainText('The CDN egress price must be a number of dollars');
  await lab.enter('lever-sp-pct', '150');
  await expect(page.getByTestId('problems')).toContainText('The Savings Plan discount must be between 0 and 100 %');
  await lab.enter('p_cdn', '0.085');
  await lab.enter('lever-sp-pct', '40');
  await expect(page.getByTestId('problems')).toHaveCount(0);
  await expect(page.getByTestId('optimized-total')).toHaveText('$1,047.63');
});

test('the bill downloads as CSV with both totals', async ({ page, lab }) => {
  await lab.open('#/cost');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('csv').click(),
  ]);
  expect(download.suggestedFilename()).toBe('photoshare-bill.csv');
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv).toContain('component,unit,quantity,unit_price_usd,on_demand_usd,lever,optimized_usd');
  expect(csv).toContain('total,,,,1358.49,,1047.63');
  expect(csv).toContain('400.35');
});

test('a deep link restores the state after a reload', async ({ page, lab }) => {
  await lab.open('#/cost');
  await page.getByTestId('lever-rn').uncheck();
  const hit = page.getByTestId('hit');
  await hit.fill('80');
  await expect(page.getByTestId('hit-value')).toHaveText('80 %');
  const total = await page.getByTestId('optimized-total').textContent();
  expect(total).not.toBe('$1,047.63');
  await lab.linkHas('hit=80', 'rn=0');
  await page.reload();
  await expect(page.getByTestId('optimized-total')).toHaveText(total!);
  await expect(page.getByTestId('lever-rn')).not.toBeChecked();
  await lab.reset('#/cost');
  await expect(page.getByTestId('optimized-total')).toHaveText('$1,047.63');
});

test('Multi-AZ off: the bill drops and the link shows the single-AZ availability', async ({ page, lab }) => {
  await lab.open('#/cost');
  await page.getByTestId('multi-az').uncheck();
  await lab.shows({
    'on-demand-total': '$1,183.29',
    'optimized-total': '$946.02',
  });
  await page.getByTestId('availability-link').click();
  await expect(lab.demo('availability')).toBeVisible();
  await expect(page.getByTestId('db-single-az')).toBeChecked();
  await expect(page.getByTestId('composed')).toHaveText('99.478 %');
});


test('money is exact: five tasks bill the half cent up, on the page and in the CSV', async ({ page, lab }) => {
  // 3,650 vCPU-h × $0.0445 = $162.425: an invoice rounds it up to $162.43.
  await lab.open('#/cost?tasks=5');
  await expect(page.getByTestId('row-1')).toContainText('3,650');
  await lab.mentions({
    'row-1': '$162.43',
    'row-2': '$35.77',
  });
  await lab.shows({
    'on-demand-total': '$1,477.41',
    'optimized-total': '$1,118.98',
  });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv').click()]);
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv).toContain(',3650,0.0445,162.43,');
  expect(csv).toContain('total,,,,1477.41,,1118.98');
});

test('a price is read as the decimal typed; text that is not a number is said so', async ({ page, lab }) => {
  await lab.open('#/cost');
  const price = page.getByTestId('p_vcpu');
  // 1,460 vCPU-h × $0.044545 = $65.0357 → $65.04.
  await lab.enter('p_vcpu', '0.044545');
  await expect(page.getByTestId('row-1')).toContainText('0.044545');
  await expect(page.getByTestId('row-1')).toContainText('$65.04');
  expect(await lab.hash()).toContain('p_vcpu=0.044545');
  // A number field hands over "" for text it cannot read.
  await price.evaluate((el: HTMLInputElement) => {
    el.value = '';
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await expect(page.getByRole('alert')).toContainText('Not a number');
  await expect(page.getByTestId('row-1')).toContainText('$65.04');
  await lab.enter('p_vcpu', '0.0445');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('on-demand-total')).toHaveText('$1,358.49');
});

test("a careful reader's note: Multi-AZ storage is billed twice", async ({ page, lab }) => {
  await lab.open('#/cost');
  const note = page.getByTestId('storage-note');
  await expect(note).toContainText('$23.00');
  await expect(note).toContainText('$11.50');
  await expect(note).toContainText('Amazon RDS User Guide');
  await expect(page.getByTestId('row-4')).toContainText('$11.50');
  await page.getByTestId('multi-az').uncheck();
  await expect(note).toHaveCount(0);
});
