// Bad links, one table over every demo: a hand-edited or hostile link shows what it
// ignored, keeps the worked example's figures, and runs nothing. The table must cover
// every demo the navigation lists, so a new demo is tested by being registered.
import { Lab, test, expect } from './lab';

type Row = {
  /** The link's query, after `#/<id>?`: only values the demo cannot use. */
  link: string;
  /** What the notice must name. */
  ignored: string[];
  /** A figure that stays the worked example's: [test id, text]. */
  kept: [string, string];
};

const BAD_LINKS: Record<string, Row> = {
  'service-models': { link: 'tier=mainframe&ans=19&zzz=1', ignored: ['tier=mainframe', 'ans=19', 'zzz=1'], kept: ['score', '0 of 7 answered, 0 right.'] },
  'vm-vs-container': { link: 'hcpu=NaN&inst=0&build=fat&zzz=1', ignored: ['hcpu=NaN', 'inst=0', 'build=fat', 'zzz=1'], kept: ['fit-vm', '12'] },
  'iac-drift': { link: 'clicks=rm_rf&apply_s=99999', ignored: ['clicks=rm_rf', 'apply_s=99999'], kept: ['plan-summary', 'No changes. Your infrastructure matches the configuration.'] },
  'rolling-deploy': { link: 'n=0&new=ugly&lose=9000&zzz=1', ignored: ['n=0', 'new=ugly', 'lose=9000', 'zzz=1'], kept: ['result', 'Completed at 360 s: only new tasks run, all healthy.'] },
  autoscaling: { link: 'hit=NaN&zzz=1', ignored: ['hit=NaN', 'zzz=1'], kept: ['sizing-without-cdn', '14'] },
  availability: { link: 'slo=NaN&regions=9&month=week&path=%3Cscript%3Ealert(1)%3C/script%3E&zzz=' + 'x'.repeat(5000), ignored: ['slo=NaN', 'regions=9', 'month=week', '<script>', 'zzz='], kept: ['budget', '43.2 min'] },
  'failure-drill': { link: 'fail=meteor@5&fo=-3&load=NaN&zzz=1', ignored: ['fail=meteor@5', 'fo=-3', 'load=NaN', 'zzz=1'], kept: ['consumed', '0.675 %'] },
  cost: { link: 'hit=150&p_cdn=-2&maz=maybe', ignored: ['hit=150', 'p_cdn=-2'], kept: ['on-demand-total', '$1,358.49'] },
  'cache-cdn': { link: 'hit=120&s=abc&colour=red', ignored: ['hit=120', 's=abc', 'colour=red'], kept: ['origin', '96 req/s'] },
  'rate-limiting': { link: 'burst=10&r=-3', ignored: ['burst=10', 'r=-3'], kept: ['per-client-bucket', '25 a second, holds 25'] },
  serverless: { link: 'rate=fast&preset=nope&door=ftp', ignored: ['rate=fast', 'preset=nope', 'door=ftp'], kept: ['rate-value', '96 req/s'] },
  'multi-region': { link: 'hc=15&thr=20&lag=NaN', ignored: ['hc=15', 'thr=20', 'lag=NaN'], kept: ['rto', '390 s (6 min 30 s)'] },
};

test('the table has a bad link for every demo the navigation lists', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open();
  const ids = await lab.demoIds();
  expect(ids.length).toBeGreaterThan(0);
  expect(Object.keys(BAD_LINKS).sort()).toEqual([...ids].sort());
});

for (const [id, row] of Object.entries(BAD_LINKS)) {
  test(`${id}: a bad link says what it ignored and keeps the worked example`, async ({ page, lab }) => {
    await lab.open(`#/${id}?${row.link}&cloud=azure&clouds=azure`);
    await expect(lab.demo(id)).toBeVisible();
    const notice = page.getByTestId('ignored');
    for (const text of row.ignored) await expect(notice).toContainText(text);
    // The shell's own key is read, not reported: the address bar keeps it, and the notice,
    // which does list a look-alike unknown key, does not list it.
    expect(await lab.hash()).toContain('cloud=azure');
    await expect(notice).toContainText('clouds=azure');
    await expect(notice).not.toContainText('cloud=azure');
    const [testid, text] = row.kept;
    await expect(page.getByTestId(testid)).toHaveText(text);
    // The worked example's badges, where the demo has them, are the clean page's, all agreeing:
    // a bad link neither hides a badge nor breaks one.
    const badges = await page.locator('.worked').count();
    await expect(page.locator('.worked.agrees')).toHaveCount(badges);
    await page.goto('about:blank');
    await lab.open(`#/${id}`);
    await expect(page.getByTestId(testid)).toHaveText(text);
    await expect(page.getByTestId('ignored')).toHaveCount(0);
    await expect(page.locator('.worked')).toHaveCount(badges);
  });
}
