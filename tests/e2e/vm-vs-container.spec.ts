// The VM vs container demo in the browser: density on PhotoShare's host, the
// scale-out's start-up, the multi-stage image and deep links (bad links: bad-links.spec.ts).
import { test, expect } from './lab';

test('opens on the worked example: 1 vCPU + 2 GB tasks on a 16 vCPU / 32 GiB host', async ({ page, lab }) => {
  await lab.open('#/vm-vs-container');
  await lab.shows({
    'fit-vm': '12',
    'fit-uvm': '15',
    'fit-ctr': '15',
    'binding-vm': 'memory runs out first',
    'binding-uvm': 'CPU and memory run out together',
    'density-ctr': '1.25× as many as full VMs',
  });
  await expect(page.getByTestId('host-vm').locator('.slot')).toHaveCount(24);
  await lab.shows({
    'startup-vm': '70.3 s',
    'startup-uvm': '25.4 s',
    'startup-ctr': '4.54 s',
  });
  await lab.mentions({
    'multi-size': '76 MB to pull (264 MB unpacked), 3.04 s',
    'single-size': '128 MB to pull (314 MB unpacked), 5.12 s',
  });
  await expect(page.getByTestId('saved')).toHaveText('41 %');
  await expect(page.getByTestId('dockerfile')).toContainText('FROM gcr.io/distroless/nodejs20-debian12 AS runtime');
  await expect(page.getByTestId('layers').locator('tbody tr')).toHaveCount(10);
  await expect(page.getByTestId('sources').locator('li')).toHaveCount(17);
  await expect(page.getByTestId('fargate-size')).toHaveText("One of Fargate's task sizes.");
  const documented = page.getByTestId('documented').locator('li');
  await expect(documented).toHaveCount(5);
  await expect(documented.first().locator('a')).toHaveAttribute('href', /^https:\/\/docs\.aws\.amazon\.com\/AmazonECS\//);
  await expect(page.locator('.worked')).toHaveCount(2);
  await lab.allBadgesAgree();
});

test('a bigger host and a single-stage image change the numbers and the chart', async ({ page, lab }) => {
  await lab.open('#/vm-vs-container');
  const chart = page.getByTestId('startup-chart').locator('canvas');
  await expect(chart).toHaveAttribute('aria-label', /Full VM: 70.3 s/);
  await page.getByTestId('mem').fill('2.5');
  await expect(page.getByTestId('fargate-size')).toHaveText('Not a Fargate task size: Fargate would run it as 1 vCPU, 3 GB.');
  await page.getByTestId('mem').fill('2');
  await page.getByTestId('hmem').fill('64');
  // 63.5 GiB free: memory allows 24 VMs, CPU only 14 (1.1 vCPU each).
  await lab.shows({
    'fit-vm': '14',
    'binding-vm': 'CPU runs out first',
    'fit-ctr': '16',
  });
  await page.getByTestId('build-single').check();
  await expect(page.getByTestId('startup-ctr')).toHaveText('6.62 s');
  await expect(chart).toHaveAttribute('aria-label', /Full VM: 87 s/);
  await lab.enter('bw', '0');
  await expect(page.getByTestId('problems')).toContainText('pull rate');
});

test('a deep link restores the exact state after a reload', async ({ page, lab }) => {
  await lab.open('#/vm-vs-container');
  await page.getByTestId('mem').fill('1');
  await page.getByTestId('build-single').check();
  await expect(page.getByTestId('fit-ctr')).toHaveText('16');
  await lab.linkHas('mem=1', 'build=single');
  await page.reload();
  await expect(page.getByTestId('fit-ctr')).toHaveText('16');
  await expect(page.getByTestId('build-single')).toBeChecked();
  await lab.reset('#/vm-vs-container');
  await expect(page.getByTestId('fit-ctr')).toHaveText('15');
});

test('the stage: the scale-out, the build, how many fit and how fast all serve', async ({ page, lab }) => {
  await lab.open('#/vm-vs-container');
  const stage = await lab.stage('inst');
  await expect(stage.getByTestId('stage-fit-vm')).toHaveText('12 per host');
  await expect(stage.getByTestId('stage-fit-ctr')).toHaveText('15 per host');
  const chart = stage.getByTestId('startup-chart').locator('canvas');
  const before = await chart.getAttribute('aria-label');
  await stage.getByTestId('build-single').check();
  await expect(chart).not.toHaveAttribute('aria-label', before!);
});
