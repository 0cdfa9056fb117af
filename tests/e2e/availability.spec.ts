// The Availability & SLO demo in the browser: worked-example numbers, the careful reader's note,
// reaction to input, deep links across a reload, and reset.
import { test, expect } from './lab';

test('opens on the worked example', async ({ page, lab }) => {
  await lab.open('#/availability');
  await lab.shows({
    composed: '99.928 %',
    budget: '43.2 min',
  });
  await expect(page.getByTestId('weakest')).toContainText('Database');
  const table = page.getByTestId('slo-table');
  for (const cell of ['432 min', '3.65 days', '43.2 min', '8.77 hours', '21.6 min', '4.38 hours', '4.32 min', '52.6 min']) {
    await expect(table).toContainText(cell);
  }
  await lab.mentions({
    'incident-1': '13.2 min',
    'incident-2': '10.4 %',
    policy: 'freeze risky deploys',
  });
  // Five figures of the worked example, each ticked: composed, budget, four nines, the two incidents.
  await expect(page.locator('.worked')).toHaveCount(5);
  await expect(page.locator('.worked.agrees')).toHaveCount(5);
});

test("the frame shows the demo's careful-reader note with its source", async ({ page, lab }) => {
  await lab.open('#/availability');
  const notes = page.getByTestId('careful-reader');
  await expect(notes.getByRole('heading')).toHaveText("A careful reader's notes");
  await expect(notes.locator('li')).toHaveCount(1);
  await expect(notes).toContainText('"would need multi-region"');
  await expect(notes.locator('a')).toHaveAttribute('href', 'https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/availability.html');
});

test('changing a block changes the composed number and redraws the chart', async ({ page, lab }) => {
  await lab.open('#/availability');
  const chart = page.getByTestId('redundancy-chart').locator('canvas');
  await expect(chart).toHaveAttribute('aria-label', /2 units: 31.3 min/);
  const before = await chart.screenshot();
  await page.getByTestId('db-single-az').check();
  await expect(page.getByTestId('composed')).toHaveText('99.478 %');
  await expect(page.getByTestId('meets-slo')).toContainText('misses');
  await expect(chart).not.toHaveAttribute('aria-label', /2 units: 31.3 min/);
  expect((await chart.screenshot()).equals(before)).toBe(false);
  const db = page.getByTestId('block-4').getByTestId('availability');
  await db.fill('150');
  await db.press('Enter');
  await expect(page.getByTestId('problems')).toContainText('Block 4 (db): availability must be between 0 and 100 %');
  await db.fill('99.95');
  await db.press('Enter');
  await expect(page.getByTestId('problems')).toHaveCount(0);
  await expect(page.getByTestId('composed')).toHaveText('99.928 %');
});

test('a deep link restores the exact state after a reload', async ({ page, lab }) => {
  await lab.open('#/availability');
  await page.getByTestId('two-regions').check();
  await page.getByTestId('month-avg').check();
  await lab.enter('slo', '99.95');
  await expect(page.getByTestId('budget')).toHaveText('21.9 min');
  await lab.linkHas('regions=2', 'month=avg', 'slo=99.95');
  await page.reload();
  await expect(page.getByTestId('budget')).toHaveText('21.9 min');
  await expect(page.getByTestId('two-regions')).toBeChecked();
  await expect(page.getByTestId('month-avg')).toBeChecked();
  await lab.reset('#/availability');
  await expect(page.getByTestId('budget')).toHaveText('43.2 min');
});
