// The failure drill in the browser: the worked example's drill and its budget,
// presets, adding a failure, the moment picture, deep links across a reload (bad links: bad-links.spec.ts).
import { test, expect } from './lab';

test('opens on one task failing in the worked example', async ({ page, lab }) => {
  await lab.open('#/failure-drill');
  await lab.shows({
    budget: '43.2 min',
    consumed: '0.675 %',
    degraded: '0.29 min',
    left: '42.9 min',
    'slo-holds': 'the SLO holds',
    detect: '35–50 s',
    startup: '60 s',
    'back-to-normal': '11:35',
  });
  const events = page.getByTestId('events');
  await expect(events.locator('li')).toHaveCount(7);
  await expect(events).toContainText('Task 1 (eu-west-1a) stops answering');
  await expect(events).toContainText('3 failed checks in a row, each timing out after 5 s: 35 s after it stopped answering');
  await expect(events).toContainText('Every request succeeds again');
  await expect(page.getByTestId('documented')).toContainText('60–120 seconds');
  await lab.allBadgesAgree();
  await expect(page.locator('.worked.agrees')).toHaveCount(1);
});

test('the database-failover preset spends 4.63 % and shows the failover', async ({ page, lab }) => {
  await lab.open('#/failure-drill');
  await page.getByTestId('preset-db-failover').click();
  await lab.shows({
    consumed: '4.63 %',
    degraded: '2.00 min',
  });
  await expect(page.getByTestId('events')).toContainText('RDS promotes the standby in eu-west-1b');
  await page.getByTestId('moment').fill('660');
  await expect(page.getByTestId('db-state')).toHaveText('failing over to eu-west-1b');
  await page.getByTestId('moment').fill('900');
  await expect(page.getByTestId('db-state')).toHaveText('primary in eu-west-1b, no standby');
  await page.getByTestId('preset-single-az-db').click();
  await expect(page.getByTestId('consumed')).toHaveText('69.4 %');
  await expect(page.getByTestId('policy')).toContainText('freeze risky deploys');
  await page.getByTestId('spent').fill('20');
  await expect(page.getByTestId('slo-holds')).toHaveText('the SLO is broken');
});

test('adding a failure changes the numbers and the charts', async ({ page, lab }) => {
  await lab.open('#/failure-drill');
  const failing = page.getByTestId('failing-chart').locator('canvas');
  const capacity = page.getByTestId('capacity-chart').locator('canvas');
  await expect(failing).toHaveAttribute('aria-label', /at most 50.0 % at once: 0.29 min of full outage/);
  await expect(capacity).toHaveAttribute('aria-label', /load of 96 req\/s: 300 from 00:00, 150 from 10:00, 300 from 11:35; lowest 150/);
  const before = await failing.screenshot();
  await page.getByTestId('add-db').click();
  await expect(page.getByTestId('failure-2')).toBeVisible();
  await expect(page.getByTestId('consumed')).toHaveText('5.30 %');
  await expect(failing).toHaveAttribute('aria-label', /at most 100.0 % at once: 2.29 min of full outage/);
  expect((await failing.screenshot()).equals(before)).toBe(false);
  await page.getByTestId('add-az').click();
  await expect(capacity).toHaveAttribute('aria-label', /300 from 11:35, 150 from 30:00, 300 from 31:35/);
  await page.getByTestId('failure-3').getByRole('button', { name: 'Remove failure 3' }).click();
  await page.getByTestId('failure-2').getByTestId('what').selectOption('task:b');
  await expect(page.getByTestId('consumed')).toHaveText('1.35 %');
  await lab.rejects('slo', '150', 'The SLO must be above 0 % and below 100 %', '99.9');
});

test('a deep link restores the drill after a reload', async ({ page, lab }) => {
  await lab.open('#/failure-drill');
  await page.getByTestId('preset-db-failover').click();
  await page.getByTestId('fo').fill('60');
  await expect(page.getByTestId('consumed')).toHaveText('2.31 %');
  await lab.linkHas('fo=60', 'fail=db%40600');
  await page.reload();
  await expect(page.getByTestId('consumed')).toHaveText('2.31 %');
  await expect(page.getByTestId('fo')).toHaveValue('60');
  await expect(page.getByTestId('failure-1').getByTestId('what')).toHaveValue('db');
  await lab.reset('#/failure-drill');
  await expect(page.getByTestId('consumed')).toHaveText('0.675 %');
});

test('playing the drill moves the moment and stops at the end', async ({ page, lab }) => {
  await lab.open('#/failure-drill?dur=300&fail=');
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('moment-clock')).toHaveText('04:59', { timeout: 10_000 });
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
});
