// One PhotoShare across the demos: a linked value changed in one demo is seen in the others,
// each linked value says where it comes from, a demo can be unlinked, and the whole
// scenario is one deep link.
import { test, expect } from './lab';

test('Multi-AZ off in the bill is the Single-AZ database of the availability chain', async ({ page, lab }) => {
  await lab.open('#/cost');
  await expect(page.getByTestId('linked-maz')).toContainText('Multi-AZ');
  await expect(page.getByTestId('linked-maz')).toContainText('from the worked example');
  await page.getByTestId('multi-az').uncheck();
  await expect(page.getByTestId('linked-maz')).toContainText('Single-AZ');
  await expect(page.getByTestId('linked-maz')).toContainText('from the Cost model demo');
  expect(decodeURIComponent(await lab.hash())).toContain('s.maz=0~cost');
  await page.getByTestId('nav-availability').click();
  await expect(lab.demo('availability')).toBeVisible();
  await expect(page.getByTestId('db-single-az')).toBeChecked();
  await expect(page.getByTestId('scenario-panel')).toContainText('from the Cost model demo');
  await page.getByTestId('nav-failure-drill').click();
  await expect(page.getByTestId('linked-maz')).toContainText('Single-AZ');
});

test('a hit ratio changed in autoscaling moves the bill and the functions', async ({ page, lab }) => {
  // The bill on the worked example's 92 %, to see it move.
  await lab.open('#/cost');
  await expect(page.getByTestId('row-8')).toContainText('$400.35');
  await expect(page.getByTestId('on-demand-total')).toHaveText('$1,358.49');
  await page.getByTestId('nav-autoscaling').click();
  await page.getByTestId('hit').fill('80');
  await expect(page.getByTestId('linked-hit')).toContainText('80 %');
  await expect(page.getByTestId('linked-hit')).toContainText('from the Autoscaling loop demo');
  await page.getByTestId('nav-cost').click();
  await expect(page.getByTestId('hit-value')).toHaveText('80 %');
  await expect(page.getByTestId('row-8')).toContainText('4,096');
  await expect(page.getByTestId('row-8')).not.toContainText('$400.35');
  await expect(page.getByTestId('on-demand-total')).not.toHaveText('$1,358.49');
  await page.getByTestId('nav-serverless').click();
  await expect(page.getByTestId('rate-value')).toHaveText('240 req/s');
  await expect(page.getByTestId('linked-hit')).toContainText('from the Autoscaling loop demo');
});

test('an unlinked demo explores on its own and can be linked again', async ({ page, lab }) => {
  await lab.open('#/cost');
  await page.getByTestId('scenario-toggle').click();
  await expect(page.getByTestId('scenario-toggle')).toHaveText('Link to PhotoShare again');
  await page.getByTestId('multi-az').uncheck();
  expect(await lab.hash()).toContain('linked=0');
  await expect(page.getByTestId('linked-maz')).toContainText('Multi-AZ');
  await page.getByTestId('nav-availability').click();
  await expect(page.getByTestId('db-multi-az')).toBeChecked();
  await page.getByTestId('db-single-az').check();
  await page.getByTestId('nav-cost').click();
  // Back in Cost, linked by default: the availability demo's choice.
  await expect(page.getByTestId('multi-az')).not.toBeChecked();
  await expect(page.getByTestId('linked-maz')).toContainText('from the Availability');
  // Unlink, change, link again: the scenario's value comes back.
  await page.getByTestId('scenario-toggle').click();
  await page.getByTestId('multi-az').check();
  await page.getByTestId('scenario-toggle').click();
  await expect(page.getByTestId('multi-az')).not.toBeChecked();
});

test('the scenario is one deep link', async ({ page, lab }) => {
  await lab.open('#/availability?s.maz=0~cost');
  await expect(page.getByTestId('db-single-az')).toBeChecked();
  await expect(page.getByTestId('linked-maz')).toContainText('from the Cost model demo');
  await page.reload();
  await expect(page.getByTestId('db-single-az')).toBeChecked();
  await lab.open('#/availability?s.maz=0');
  await page.reload();
  await expect(page.getByTestId('db-single-az')).toBeChecked();
  await expect(page.getByTestId('linked-maz')).toContainText('from the worked example');
  await lab.open('#/rolling-deploy?s.hc=10/5/2/3~failure-drill');
  await expect(page.getByTestId('linked-hc')).toContainText('every 10 s');
  await expect(page.getByTestId('linked-hc')).toContainText('from the Failure drill demo');
  await lab.open('#/cost?s.maz=2&linked=0&links=0');
  await expect(page.getByTestId('ignored')).toContainText('s.maz=2');
  // `linked=0` is read (the demo explores on its own), so the notice, which does list the
  // look-alike unknown key, does not list it.
  await lab.mentions({
    'scenario-panel': 'Exploring on its own',
    ignored: 'links=0',
  });
  await expect(page.getByTestId('ignored')).not.toContainText('linked=0');
});
