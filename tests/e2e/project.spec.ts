// Your project: a group edits its own app, every linked demo opens on it and names it, a
// reload keeps it, the design report reads, prints and downloads, and the project travels
// as a JSON file (a broken file changes nothing) and as a link.
import { test, expect, type Page } from '@playwright/test';
import { axe } from './axe';
import { readFileSync } from 'node:fs';
import { Lab } from './lab';

async function editLoad(page: Page, name: string, load: string) {
  await page.getByTestId('name').fill(name);
  await page.getByTestId('load').fill(load);
  await page.getByTestId('load').press('Tab');
}

async function download(page: Page, testid: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path!, 'utf8') };
}

test('an edited project is what every linked demo opens on, named, and a reload keeps it', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('#/cost');
  await expect(page.getByTestId('scenario-panel')).toContainText('Linked to PhotoShare');
  await page.getByTestId('project-link').click();
  await expect(page.getByTestId('project-page')).toBeVisible();
  await editLoad(page, 'Test Co', '3000');
  expect(decodeURIComponent(await lab.hash())).toContain('name=Test+Co&load=3000');
  const links = page.getByTestId('linked-demos').locator('a');
  const count = await links.count();
  expect(count).toBe(6);
  for (let i = 0; i < count; i++) {
    await page.getByTestId('project-link').click();
    await page.getByTestId('linked-demos').locator('a').nth(i).click();
    await expect(page.getByTestId('scenario-panel')).toContainText('Linked to Test Co');
    await expect(page.getByTestId('scenario-panel')).not.toContainText('PhotoShare');
  }
  await page.goto('/#/cost');
  await expect(page.getByTestId('linked-load')).toContainText('3,000');
  await expect(page.getByTestId('linked-load')).toContainText('from Test Co');
  await page.reload();
  await expect(page.getByTestId('scenario-panel')).toContainText('Linked to Test Co');
  await page.goto('/#/project');
  await expect(page.getByTestId('name')).toHaveValue('Test Co');
  await page.getByTestId('back-to-photoshare').click();
  await expect(page.getByTestId('name')).toHaveValue('PhotoShare');
  await page.goto('/#/cost');
  await expect(page.getByTestId('scenario-panel')).toContainText('Linked to PhotoShare');
  await expect(page.getByTestId('on-demand-total')).toHaveText('$1,358.49');
  expect(lab.errors).toEqual([]);
});

test('a bad value shows the table\'s message and the demos keep the last valid project', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('#/project');
  await editLoad(page, 'Broken Co', '3000');
  await page.getByTestId('hit').fill('120');
  await page.getByTestId('hit').press('Tab');
  await expect(page.getByTestId('problems')).toContainText('CDN hit ratio: must be between 0 and 100 %.');
  await page.goto('/#/cost');
  await lab.mentions({
    'linked-hit': '92 %',
    'scenario-panel': 'Linked to Broken Co',
  });
  expect(lab.errors).toEqual([]);
});

test('the report opens, prints without the navigation and downloads as Markdown', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('#/report');
  await expect(page.getByTestId('report-page')).toContainText('Design report: PhotoShare');
  for (const id of ['sizing', 'slo', 'availability', 'bill', 'serverless', 'tradeoffs']) {
    await expect(page.getByTestId(`report-${id}`)).toBeVisible();
  }
  await lab.mentions({
    'sizing-table': '14',
    'bill-table': '$1,358.49',
    'levers-table': '$1,047.63',
  });
  const chart = page.getByTestId('report-crossover-chart');
  await expect(chart.locator('canvas')).toBeVisible();
  await expect(chart.getByRole('button').first()).toBeVisible();
  await expect(page.locator('#lab-nav')).toBeVisible();
  await expect(page.getByTestId('print-report')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#lab-nav')).toBeHidden();
  await expect(page.locator('.lab-header')).toBeHidden();
  await expect(page.getByTestId('print-report')).toBeHidden();
  await expect(page.getByTestId('levers-table')).toBeVisible();
  await expect(chart.locator('canvas')).toBeVisible();
  await expect(chart.getByRole('button').first()).toBeHidden();
  for (const format of ['A4', 'Letter']) {
    const pdf = await page.pdf({ format });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  }
  await page.emulateMedia({ media: 'screen' });
  const md = await download(page, 'download-markdown');
  expect(md.name).toBe('photoshare-design-report.md');
  expect(md.text).toContain('# Design report: PhotoShare');
  expect(md.text).toContain('| on-demand total |  |  |  | $1,358.49 |');
  expect(lab.errors).toEqual([]);
});

test('the JSON file downloads, uploads again, and a broken file changes nothing', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('#/project');
  await editLoad(page, 'Round Trip', '2500');
  const json = await download(page, 'download-json');
  expect(json.name).toBe('round-trip.json');
  expect(json.text).toContain('"cloud-lab-project": 1');
  expect(json.text).toContain('"load": 2500');
  await page.getByTestId('back-to-photoshare').click();
  await expect(page.getByTestId('name')).toHaveValue('PhotoShare');
  await page.getByTestId('upload-json').setInputFiles({ name: 'round-trip.json', mimeType: 'application/json', buffer: Buffer.from(json.text) });
  await expect(page.getByTestId('upload-message')).toHaveText('Opened Round Trip from the file.');
  await expect(page.getByTestId('name')).toHaveValue('Round Trip');
  await expect(page.getByTestId('load')).toHaveValue('2500');
  for (const [name, text, reason] of [
    ['broken.json', '{"cloud-lab-project": 1, "load": ', 'a value is missing at the end'],
    ['other.json', '{"name": "x", "version": 3}', 'it has no "cloud-lab-project" key'],
    ['picture.png', '\u0089PNG\r\n', 'it is not a JSON object'],
  ]) {
    await page.getByTestId('upload-json').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(page.getByTestId('upload-message')).toContainText('Nothing was changed');
    await expect(page.getByTestId('upload-message')).toContainText(reason);
    await expect(page.getByTestId('name')).toHaveValue('Round Trip');
  }
  await page.goto('/#/cost');
  await expect(page.getByTestId('scenario-panel')).toContainText('Linked to Round Trip');
  expect(lab.errors).toEqual([]);
});

test('an example link is offered, not forced, and the internal tool\'s report says functions win', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('#/project');
  await editLoad(page, 'Mine', '1500');
  await page.getByTestId('example-internal').click();
  await expect(page.getByTestId('project-offer')).toContainText('This link opens RoomBook (internal tool). The demos still use Mine');
  await page.getByTestId('keep-my-project').click();
  await expect(page.getByTestId('name')).toHaveValue('Mine');
  await page.getByTestId('example-internal').click();
  await page.getByTestId('use-linked-project').click();
  await page.getByTestId('report-link').click();
  await lab.mentions({
    'report-serverless': 'the functions are cheaper',
    'report-page': 'Design report: RoomBook (internal tool)',
  });
  expect(lab.errors).toEqual([]);
});

test('the project and report pages have no axe violation and fit a phone', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const lab = new Lab(page);
  for (const hash of ['#/project', '#/report']) {
    await lab.open(hash);
    await expect(page.locator('.demo')).toBeVisible();
    expect((await axe(page)).map((v) => `${hash} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  }
  expect(lab.errors).toEqual([]);
  expect(lab.requests.every((u) => u.startsWith('http://127.0.0.1:'))).toBe(true);
  await context.close();
});
