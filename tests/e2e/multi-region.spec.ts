// The multi-region failover demo in the browser: Route 53 timing, RTO and RPO, the
// availability gained and the standby's bill against the worked example's totals, controls
// that move the numbers, the timeline and the chart, deep links across a reload (bad links: bad-links.spec.ts).
import { test, expect } from './lab';

test('opens on the worked example', async ({ page, lab }) => {
  await lab.open('#/multi-region');
  await lab.shows({
    'users-worst': '150 s (2 min 30 s)',
    rto: '390 s (6 min 30 s)',
    rpo: '5 s',
    'writes-lost': '50',
  });
  await expect(page.getByTestId('timeline').locator('li')).toHaveCount(4);
  await lab.shows({
    'one-region': '99.928 %',
    'two-regions': '99.98996 %',
  });
  await expect(page.getByTestId('two-regions-four-nines')).toContainText('short of 99.99 % even so');
  await expect(page.getByTestId('failover-minutes')).toHaveText('6.25 min');
  await expect(page.getByTestId('four-nines')).toContainText('short of 99.99 %');
  await lab.shows({
    'one-on-demand': '$1,358.49',
    'one-optimized': '$1,047.63',
    'two-on-demand': '$2,279.73',
    'two-optimized': '$1,658.01',
  });
  await expect(page.getByTestId('standby-bill').locator('tbody tr')).toHaveCount(8);
  await expect(page.getByTestId('documented').locator('li')).toHaveCount(4);
  await expect(page.getByTestId('documented')).toContainText('alias record');
  await expect(page.locator('.worked')).toHaveCount(4);
  await lab.allBadgesAgree();
  await page.getByTestId('availability-link').click();
  await expect(lab.demo('availability')).toBeVisible();
  await expect(page.getByTestId('two-regions')).toBeChecked();
});

test('controls change the numbers, the timeline and the chart', async ({ page, lab }) => {
  await lab.open('#/multi-region');
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toHaveAttribute('aria-label', /every user reaches the standby at 150 s/);
  await page.getByTestId('hc-10').check();
  await lab.shows({
    'users-worst': '90 s (1 min 30 s)',
    rto: '330 s (5 min 30 s)',
  });
  await expect(timeline).toHaveAttribute('aria-label', /every user reaches the standby at 90 s/);
  await page.getByTestId('record-cname').check();
  await page.getByTestId('ttl').fill('300');
  await expect(page.getByTestId('users-worst')).toHaveText('330 s (5 min 30 s)');
  await page.getByTestId('lag').fill('10');
  await expect(page.getByTestId('writes-lost')).toHaveText('100');

  const chart = page.getByTestId('cost-chart').locator('canvas');
  await expect(chart).toHaveAttribute('aria-label', /\$2,279\.73 in two/);
  await page.getByTestId('sbmaz').uncheck();
  await expect(page.getByTestId('two-on-demand')).not.toHaveText('$2,279.73');
  await expect(chart).not.toHaveAttribute('aria-label', /\$2,279\.73 in two/);
  await expect(page.getByTestId('one-on-demand')).toHaveText('$1,358.49');

  await lab.rejects('sbtasks', '0', "The standby's task count must be between 1 and 1000 tasks.", '2');
});

test('a deep link restores the exact state after a reload', async ({ page, lab }) => {
  await lab.open('#/multi-region');
  await page.getByTestId('hc-10').check();
  await page.getByTestId('promo').fill('600');
  await page.getByTestId('s3').uncheck();
  const hash = await lab.hash();
  for (const pair of ['hc=10', 'promo=600', 's3=0']) expect(hash).toContain(pair);
  await page.reload();
  await expect(page.getByTestId('hc-10')).toBeChecked();
  await expect(page.getByTestId('rto')).toHaveText('630 s (10 min 30 s)');
  await expect(page.getByTestId('s3')).not.toBeChecked();
  await expect(page.getByTestId('two-on-demand')).toHaveText('$2,232.63');
  await lab.reset('#/multi-region');
  await expect(page.getByTestId('rto')).toHaveText('390 s (6 min 30 s)');
});


test("alias records keep Route 53's 60 s TTL; a CNAME's TTL is yours", async ({ page, lab }) => {
  await lab.open('#/multi-region');
  await expect(page.getByTestId('record-alias')).toBeChecked();
  await expect(page.getByTestId('ttl')).toBeDisabled();
  // The careful reader's note: alias records' TTL is fixed at 60 s, the demo lets it vary.
  const note = page.getByTestId('careful-reader').locator('li');
  await expect(note).toHaveCount(1);
  await expect(note).toContainText('fixed at 60 s');
  await expect(note.locator('a')).toHaveAttribute('href', 'https://aws.amazon.com/route53/faqs/');
  await page.getByTestId('record-cname').check();
  await expect(page.getByTestId('ttl')).toBeEnabled();
  await page.getByTestId('ttl').fill('300');
  await expect(page.getByTestId('users-worst')).toHaveText('390 s (6 min 30 s)');
  await lab.linkHas('record=cname', 'ttl=300');
  await page.getByTestId('record-alias').check();
  await expect(page.getByTestId('users-worst')).toHaveText('150 s (2 min 30 s)');
});

test('a link with a TTL means CNAME records; alias records with a TTL ignore it', async ({ page, lab }) => {
  await lab.open('#/multi-region?record=alias&ttl=300');
  await expect(page.getByTestId('ignored')).toContainText('ttl=300');
  await expect(page.getByTestId('ignored')).toContainText('fixed at 60 s');
  await expect(page.getByTestId('users-worst')).toHaveText('150 s (2 min 30 s)');
  await lab.open('#/multi-region?ttl=300');
  await page.reload();
  await expect(page.getByTestId('record-cname')).toBeChecked();
  await expect(page.getByTestId('users-worst')).toHaveText('390 s (6 min 30 s)');
});

test('four nines are missed even with an instant failover, as the model says', async ({ page, lab }) => {
  await lab.open('#/multi-region');
  await lab.shows({
    'two-regions': '99.98996 %',
    'two-regions-four-nines': 'short of 99.99 % even so (4.32 min a month allowed)',
    effective: '99.97549 %',
    'four-nines': 'short of 99.99 % (4.32 min a month allowed)',
  });
});

test('the stage holds the failover: three controls, the headline figures and its chart', async ({ page, lab }) => {
  await lab.open('#/multi-region');
  const stage = await lab.stage('hc-30', 'hc-10', 'promo', 'lag', 'users-worst', 'rto', 'rpo', 'writes-lost');
  const chart = stage.getByTestId('failover-chart').locator('canvas');
  await expect(chart).toHaveAttribute('aria-label', /every user reaches the standby after 150 s \(90 s to detect, 60 s for cached DNS answers\); writes resume after 390 s \(90 s to detect, 0 s of go-ahead, 300 s to promote/);
  await stage.getByTestId('promo-value').fill('600');
  await stage.getByTestId('promo-value').press('Enter');
  await expect(chart).toHaveAttribute('aria-label', /writes resume after 690 s/);
  await expect(page.getByTestId('rto')).toHaveText('690 s (11 min 30 s)');
  // The explanations fold behind "Why?" and open in place.
  await expect(page.getByTestId('why')).toHaveCount(3);
  await expect(page.getByTestId('why').first()).toContainText('interval × threshold');
});
