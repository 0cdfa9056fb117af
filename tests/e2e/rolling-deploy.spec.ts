// The Rolling deploy demo in the browser: one passing check for a new task and 35–50 s to
// take a dead one out, a good rollout that never drops below the floor, a bad build that
// serves nobody, an AZ lost mid-rollout, deep links across a reload (bad links: bad-links.spec.ts).
import { test, expect } from './lab';

test('opens on the worked example: one check to take traffic, 35–50 s to detect, 4 tasks replaced', async ({ page, lab }) => {
  // Badges exist in the lab (the autoscaling page's "~60 s")…
  await lab.open('#/autoscaling');
  await expect(page.getByTestId('startup').locator('.worked.agrees')).toHaveCount(1);
  // …but the worked example prints no health-check timing, so this page claims none.
  await lab.open('#/rolling-deploy');
  await lab.shows({
    'first-check': '15 s',
    startup: '60 s',
    'to-detect': '35–50 s',
    'to-recover': '30 s',
  });
  await expect(page.locator('.worked')).toHaveCount(0);
  await expect(page.getByTestId('careful-reader')).toContainText('spread is a placement strategy');
  await expect(page.getByTestId('documented').locator('li')).toHaveCount(7);
  await expect(page.getByTestId('documented')).toContainText('must pass one health check');
  await lab.shows({
    bounds: 'At least 4 tasks healthy, at most 8 running.',
    result: 'Completed at 360 s: only new tasks run, all healthy.',
    lowest: '4 tasks',
    floor: 'never below the minimum',
  });
  await expect(page.getByTestId('timeline').locator('li')).toHaveCount(8);
  await lab.mentions({
    'task-5': 'serving',
    'task-1': 'stopped: replaced at 360 s',
    events: 'passed its first /healthz check',
  });
  await expect(page.getByTestId('capacity-chart').locator('canvas')).toHaveAttribute('aria-label', /lowest 4 against a minimum of 4; at the end 0 old and 4 new/);
});

test('a lower minimum healthy percent lets capacity dip, and the chart says so', async ({ page, lab }) => {
  await lab.open('#/rolling-deploy');
  await page.getByTestId('minh').fill('50');
  await lab.shows({
    bounds: 'At least 2 tasks healthy, at most 8 running.',
    lowest: '2 tasks',
  });
  await expect(page.getByTestId('capacity-chart').locator('canvas')).toHaveAttribute('aria-label', /lowest 2 against a minimum of 2/);
  await lab.enter('hi', '10');
  await lab.shows({
    'first-check': '10 s',
    'to-detect': '25–35 s',
  });
  await lab.enter('hto', '10');
  await expect(page.getByTestId('problems')).toContainText('shorter than the interval');
});

test('a bad build never serves a user and never takes capacity below the minimum', async ({ page, lab }) => {
  await lab.open('#/rolling-deploy');
  await page.getByTestId('new-bad').check();
  await lab.shows({
    'new-served': '0 task-seconds',
    lowest: '4 tasks',
    floor: 'never below the minimum',
  });
  await lab.mentions({
    result: 'Stalled',
    wait: 'gives up at 585 s',
  });
  await expect(page.getByTestId('failed')).toHaveText('24');
  await expect(page.getByTestId('task-5')).toContainText('stopped: failed /healthz at 95 s');
  await page.getByTestId('cb').check();
  await expect(page.getByTestId('result')).toContainText('Rolled back: the circuit breaker tripped at 95 s');
  await expect(page.getByTestId('new-served')).toHaveText('0 task-seconds');
});

test('losing an AZ mid-rollout keeps half the capacity', async ({ page, lab }) => {
  await lab.open('#/rolling-deploy');
  await expect(page.getByTestId('after-az-loss')).toHaveText('no AZ lost');
  await page.getByTestId('lose-az').check();
  await expect(page.getByTestId('after-az-loss')).toHaveText('50 %');
  await lab.mentions({
    'task-2': 'stopped: AZ lost at 80 s',
    events: 'eu-west-1b is lost',
    result: 'Completed at 360 s',
  });
});

test('a deep link restores the exact state after a reload', async ({ page, lab }) => {
  await lab.open('#/rolling-deploy');
  await page.getByTestId('new-bad').check();
  await page.getByTestId('cb').check();
  await page.getByTestId('n').fill('6');
  await expect(page.getByTestId('bounds')).toHaveText('At least 6 tasks healthy, at most 12 running.');
  await lab.linkHas('n=6', 'new=bad', 'cb=1');
  await page.reload();
  await expect(page.getByTestId('bounds')).toHaveText('At least 6 tasks healthy, at most 12 running.');
  await expect(page.getByTestId('new-bad')).toBeChecked();
  await expect(page.getByTestId('cb')).toBeChecked();
  await expect(page.getByTestId('result')).toContainText('Rolled back');
  await lab.reset('#/rolling-deploy');
  await expect(page.getByTestId('result')).toContainText('Completed at 360 s');
});
