// The chart widget, on the demos' real charts: tick labels as painted (read by recording the
// canvas's fillText calls), the crosshair by mouse and by keyboard, "Show as table", the PNG
// and CSV downloads under the strict CSP, axe with a table open, and a phone's page laid out
// a section a frame (its far charts painted without a scroll).
import type { Page } from '@playwright/test';
import { axe } from './axe';
import { readFile } from 'node:fs/promises';
import { Lab, test, expect } from './lab';

type Text = { text: string; x: number; y: number; width: number; align: string };

// Every text a canvas paints, per canvas, from its latest paint (a paint starts with setTransform).
async function recordCanvasText(page: Page) {
  await page.addInitScript(() => {
    const proto = CanvasRenderingContext2D.prototype;
    const setTransform = proto.setTransform;
    const fillText = proto.fillText;
    proto.setTransform = function (...args: any[]) {
      (this.canvas as any).__texts = [];
      return (setTransform as any).apply(this, args);
    };
    proto.fillText = function (text: string, x: number, y: number, ...rest: any[]) {
      const width = this.measureText(text).width;
      ((this.canvas as any).__texts ??= []).push({ text, x, y, width, align: this.textAlign });
      return (fillText as any).call(this, text, x, y, ...rest);
    };
  });
}

async function paintedTexts(page: Page, testid: string): Promise<Text[]> {
  const canvas = page.getByTestId(testid).first().locator('canvas');
  await expect.poll(() => canvas.evaluate((c) => ((c as any).__texts ?? []).length)).toBeGreaterThan(0);
  return canvas.evaluate((c) => (c as any).__texts);
}

function box(t: Text) {
  const left = t.align === 'center' ? t.x - t.width / 2 : t.align === 'right' ? t.x - t.width : t.x;
  return { left, right: left + t.width, y: t.y };
}

test('tick labels read like the page, inside the canvas, none on another', async ({ page }) => {
  await recordCanvasText(page);
  const lab = new Lab(page);
  await lab.open('#/autoscaling');
  await page.getByTestId('preset-diurnal').click();
  const texts = await paintedTexts(page, 'load-chart');
  const all = texts.map((t) => t.text);
  // A 24 h run: the x axis in h:mm, the y axis in thousands with separators, no "x.0".
  expect(all).toEqual(expect.arrayContaining(['0:00', '6:00', '12:00', '18:00', '24:00', 'time (h:mm)', 'req/s']));
  expect(all.some((t) => /^\d{1,3}(,\d{3})+$/.test(t))).toBe(true);
  expect(all.filter((t) => /\.0$/.test(t))).toEqual([]);
  const width = await page.getByTestId('load-chart').locator('canvas').evaluate((c) => c.clientWidth);
  for (const t of texts) {
    const b = box(t);
    expect(b.left, t.text).toBeGreaterThanOrEqual(0);
    expect(b.right, t.text).toBeLessThanOrEqual(width);
  }
  const rows = new Map<number, ReturnType<typeof box>[]>();
  for (const t of texts) rows.set(Math.round(t.y), [...(rows.get(Math.round(t.y)) ?? []), box(t)]);
  for (const row of rows.values()) {
    row.sort((a, b) => a.left - b.left);
    for (let i = 1; i < row.length; i++) expect(row[i].left).toBeGreaterThanOrEqual(row[i - 1].right);
  }
  expect(lab.errors).toEqual([]);
});

test('a phone\'s page is shown with its first screen laid out, then the rest a section a frame', async ({ page }) => {
  await recordCanvasText(page);
  // Each frame once the app is shown: how many of the demo's sections are rendered.
  await page.addInitScript(() => {
    const counts: number[] = [];
    (window as any).__rendered = counts;
    const look = () => {
      const sections = [...document.querySelectorAll('.in-turn > section')];
      if (sections.length > 0 && !document.documentElement.classList.contains('starting')) {
        counts.push(sections.filter((s) => s.firstElementChild?.checkVisibility({ contentVisibilityAuto: true })).length);
      }
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await page.setViewportSize({ width: 390, height: 844 });
  const lab = new Lab(page);
  await lab.open('#/autoscaling');
  const sections = await page.locator('.in-turn > section').count();
  const counts = () => page.evaluate(() => (window as any).__rendered as number[]);
  await expect.poll(async () => (await counts()).at(-1)).toBe(sections);
  // Most of the page waited for later frames, and was laid out without a scroll.
  expect((await counts())[0]).toBeLessThan(sections / 2);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const far = page.getByTestId('cpu-chart').first().locator('canvas');
  await expect.poll(() => far.evaluate((c) => ((c as any).__texts ?? []).length)).toBeGreaterThan(0);
  expect(lab.errors).toEqual([]);
});

test('a short run reads in mm:ss, percentages with %, money with $', async ({ page }) => {
  await recordCanvasText(page);
  const lab = new Lab(page);
  await lab.open('#/failure-drill');
  expect((await paintedTexts(page, 'failing-chart')).map((t) => t.text))
    .toEqual(expect.arrayContaining(['0 %', '100 %', '0:00', '1:00', 'time into the drill (h:mm)']));
  await lab.open('#/cost');
  const cost = (await paintedTexts(page, 'stack-chart')).map((t) => t.text);
  expect(cost).toEqual(expect.arrayContaining(['$0', '$1,500']));
  expect(lab.errors).toEqual([]);
});

test('the crosshair reads every series, by keyboard and by mouse', async ({ page }) => {
  await recordCanvasText(page);
  const lab = new Lab(page);
  await lab.open('#/rolling-deploy');
  const chart = page.getByTestId('capacity-chart');
  const readout = chart.getByTestId('chart-readout');
  await expect(readout).toHaveText('');
  // A screen reader hears the summary as the name and how to read values as the description.
  await expect(chart.locator('canvas')).toHaveAccessibleName(/^Tasks serving users over the run: lowest 4 against a minimum of 4; at the end 0 old and 4 new\.$/);
  await expect(chart.locator('canvas')).toHaveAccessibleDescription('Arrow keys read the values.');
  // The worked example's deploy: 4 old tasks replaced by 4 new, never below the minimum of 4.
  await chart.locator('canvas').focus();
  await page.keyboard.press('Home');
  await expect(readout).toHaveText(/^time since the deploy started 00:00: serving users 4, old build serving 4, new build serving 0, minimum healthy 4$/);
  await page.keyboard.press('End');
  await expect(readout).toHaveText(/ 10:00: serving users 4, old build serving 0, new build serving 4, minimum healthy 4$/);
  await page.keyboard.press('ArrowLeft');
  await expect(readout).toHaveText(/ 09:\d\d: serving users 4, /);
  // The arrows were the chart's: the lab's own ← → (next demo) did not fire.
  expect(await lab.hash()).toMatch(/^#\/rolling-deploy/);
  await page.keyboard.press('Escape');
  await expect(readout).toHaveText('');
  await expect(readout).toHaveAttribute('aria-live', 'polite');

  // The mouse over the x tick "00:00" reads the start; over the plot's right end, the end.
  const texts = await paintedTexts(page, 'capacity-chart');
  const zero = texts.find((t) => t.text === '00:00')!;
  await chart.locator('canvas').hover({ position: { x: zero.x, y: zero.y - 40 } });
  await expect(readout).toHaveText(/00:00: serving users 4, old build serving 4, new build serving 0/);
  await expect(chart.locator('.chart-crosshair')).toBeVisible();
  const width = await chart.locator('canvas').evaluate((c) => c.clientWidth);
  await chart.locator('canvas').hover({ position: { x: width - 12, y: zero.y - 40 } });
  await expect(readout).toHaveText(/old build serving 0, new build serving 4/);
  await page.mouse.move(0, 0);
  await expect(readout).toHaveText('');
  expect(lab.errors).toEqual([]);
});

test('"Show as table" holds the numbers the page shows', async ({ page, lab }) => {
  await lab.open('#/cost');
  const chart = page.getByTestId('stack-chart');
  await chart.getByTestId('chart-show-table').click();
  const table = chart.getByTestId('chart-table');
  // The worked example's bill: $1,358.49 on demand, $1,047.63 optimized.
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(table.locator('tbody tr').nth(0).locator('th')).toHaveText('on demand');
  await expect(table.locator('tbody tr').nth(0).locator('td').last()).toHaveText('$1,358.49');
  await expect(table.locator('tbody tr').nth(1).locator('td').last()).toHaveText('$1,047.63');
  await expect(table.locator('thead th').last()).toHaveText('total');
});

test('the chart saves as PNG and its data as CSV, under the strict CSP', async ({ page, lab }) => {
  await lab.open('#/cost');
  const chart = page.getByTestId('stack-chart');
  const [png] = await Promise.all([page.waitForEvent('download'), chart.getByTestId('chart-png').click()]);
  expect(png.suggestedFilename()).toBe('stack-chart.png');
  const image = await readFile(await png.path());
  expect(image.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(image.length).toBeGreaterThan(2_000);
  const [csv] = await Promise.all([page.waitForEvent('download'), chart.getByTestId('chart-csv').click()]);
  expect(csv.suggestedFilename()).toBe('stack-chart.csv');
  const text = await readFile(await csv.path(), 'utf8');
  const lines = text.trimEnd().split('\r\n');
  expect(lines).toHaveLength(3);
  expect(lines[0]).toMatch(/^\$ a month,.*,total$/);
  expect(lines[1]).toMatch(/^on demand,.*,"\$1,358\.49"$/);
  expect(lines[2]).toMatch(/^optimized,.*,"\$1,047\.63"$/);
});

test('axe finds no violation on a chart with its table open', async ({ page, lab }) => {
  await lab.open('#/autoscaling');
  const chart = page.getByTestId('load-chart');
  await chart.getByTestId('chart-show-table').click();
  await expect(chart.getByTestId('chart-table')).toBeVisible();
  await chart.locator('canvas').focus();
  await page.keyboard.press('ArrowRight');
  await expect(chart.getByTestId('chart-readout')).not.toHaveText('');
  expect(await axe(page, '[data-testid="load-chart"]')).toEqual([]);
});
