// Every page (home, each demo, the tour, the exercises, the project and its report) in the four places the lab is used: a phone
// (390×844, touch), a projector in presenter mode (1280×720), a desktop (1920×1080), and
// embedded (`embed=1`, in an iframe-sized window). Each page: no sideways scrolling, axe
// with no violation, no console error; plus what each place needs (touch targets, the
// presenter stage on the first screen, no lab chrome when embedded).
// UPDATE_SCREENSHOTS=1 also writes the README's screenshots to docs/screenshots/.
import { test, expect, type Browser, type Page } from '@playwright/test';
import { axe } from './axe';
import * as path from 'node:path';
import { Lab } from './lab';

type Layout = {
  name: string;
  viewport: { width: number; height: number };
  isMobile?: boolean;
  hasTouch?: boolean;
  presenter?: boolean;
  embed?: boolean;
};

const LAYOUTS: Layout[] = [
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  { name: 'projector', viewport: { width: 1280, height: 720 }, presenter: true },
  { name: 'desktop', viewport: { width: 1920, height: 1080 } },
  { name: 'embed', viewport: { width: 960, height: 640 }, embed: true },
];

/** Starts in presenter mode (not on about:blank, which has no storage). */
function presenting() {
  if (location.protocol.startsWith('http')) localStorage.setItem('cloud-lab-presenter', '1');
}

/** The page each layout's README screenshot shows. */
const SCREENSHOT_PAGE = 'autoscaling';

async function axeViolations(page: Page): Promise<string[]> {
  return (await axe(page)).map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** How far the page is wider than the screen (0 when it fits). Measured against the
 *  screen's width, not innerWidth: a phone zooms out to show a page that is too wide. */
async function overflow(page: Page, width: number): Promise<number> {
  return page.evaluate((w) => document.documentElement.scrollWidth - w, width);
}

/** Visible controls smaller than a 44 px touch target. A radio or checkbox counts by its
 *  label; links inside running text are exempt (WCAG 2.5.5's inline exception). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>(
      'button, select, summary, input, textarea, nav a, .brand');
    for (const el of controls) {
      const target = el.matches('input[type="radio"], input[type="checkbox"]') ? el.closest('label') ?? el : el;
      const box = target.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.height < 44 - 0.5) {
        const name = (target.getAttribute('aria-label') ?? target.textContent ?? '').trim().slice(0, 30);
        out.push(`${target.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''} "${name}" ${Math.round(box.height)} px`);
      }
    }
    return out;
  });
}

/** Whether an element's box lies wholly within the first screen. */
async function onFirstScreen(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return false;
    const box = el.getBoundingClientRect();
    return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight && box.left >= 0 && box.right <= window.innerWidth;
  }, selector);
}

/** The demos projected from a stage so far; a demo not listed is reported until its owner
 *  adds one (then it joins the list, and once every demo is here the list goes). */
const STAGED = [
  'service-models', 'vm-vs-container', 'iac-drift', 'rolling-deploy', 'autoscaling', 'availability',
  'failure-drill', 'cost', 'cache-cdn', 'rate-limiting', 'serverless', 'multi-region',
];

/** The stage's first control and its chart (a canvas, or IaC drift's plan in a terminal). */
const STAGE_CONTROL = '[data-testid="stage-controls"] :is(input, select, button, textarea)';
const STAGE_CHART = '[data-testid="stage-chart"] :is(canvas, pre.terminal)';

/** What keeps a demo's presenter stage from doing its job: no stage, or its first control
 *  or its chart not wholly within the first screen. */
async function stageProblems(page: Page): Promise<string[]> {
  if (!(await page.getByTestId('stage').count())) return ['no presenter stage'];
  const out: string[] = [];
  for (const [what, selector] of [['control', STAGE_CONTROL], ['chart', STAGE_CHART]]) {
    if (!(await onFirstScreen(page, selector))) out.push(`the stage's ${what} is not within the first screen`);
  }
  return out;
}

for (const layout of LAYOUTS) {
  test.describe(`${layout.name} (${layout.viewport.width}×${layout.viewport.height})`, () => {
    test.use({ viewport: layout.viewport, isMobile: layout.isMobile ?? false, hasTouch: layout.hasTouch ?? false });

    test(`every page fits, passes axe and shows what this place needs`, async ({ page, browser }) => {
      test.setTimeout(300_000);
      const lab = new Lab(page);
      if (layout.presenter) {
        await page.addInitScript(presenting);
      }
      await lab.open();
      const demos = await lab.demoIds();
      const pages = ['', ...demos, 'tour', 'exercises', 'project', 'report'];
      expect(pages.length).toBeGreaterThan(10);
      const found: string[] = [];
      const staged: string[] = [];
      const unstaged: string[] = [];
      for (const id of pages) {
        const at = id === '' ? 'home' : id;
        // A fresh load of each page's link, as a student or an iframe would open it.
        await page.goto('about:blank');
        await page.goto(`/#/${id}${layout.embed ? '?embed=1' : ''}`);
        const root = id === '' ? page.getByTestId('home') : demos.includes(id) ? lab.demo(id) : page.getByTestId(id === 'tour' ? 'tour' : `${id}-page`);
        await expect(root.first()).toBeVisible();
        await page.evaluate(() => document.fonts.ready);

        const wider = await overflow(page, layout.viewport.width);
        if (wider > 0) found.push(`${at}: ${wider} px wider than the ${layout.viewport.width} px viewport`);
        if (layout.hasTouch) found.push(...(await smallTargets(page)).map((t) => `${at}: small touch target ${t}`));
        if (layout.presenter) {
          await expect(page.locator('html')).toHaveClass(/presenter/);
          // A demo's own page: the tour's first screen is its step, with the step's demo below it.
          if (id !== 'tour' && (STAGED.includes(id) || (await page.getByTestId('stage').count()))) {
            staged.push(at);
            found.push(...(await stageProblems(page)).map((p) => `${at}: ${p}`));
          } else if (demos.includes(id)) {
            unstaged.push(at);
          }
        }
        if (layout.embed) {
          for (const chrome of ['.lab-header', 'nav', '.lab-footer']) {
            const count = await page.locator(chrome).count();
            if (count) found.push(`${at}: embedded page shows ${chrome}`);
          }
        }
        found.push(...(await axeViolations(page)).map((v) => `${at}: ${v}`));
        if (id === SCREENSHOT_PAGE) await screenshot(browser, layout, page.url());
      }
      if (layout.presenter) {
        // A demo that has adopted the stage keeps it.
        for (const id of STAGED) if (!staged.includes(id)) found.push(`${id}: no presenter stage`);
        // Which demos have adopted the stage so far (their owners add it demo by demo).
        test.info().annotations.push({ type: 'staged', description: staged.join(', ') || 'none' });
        test.info().annotations.push({ type: 'not yet staged', description: unstaged.join(', ') || 'none' });
        console.log(`presenter stage: adopted by ${staged.length} (${staged.join(', ')}); not yet: ${unstaged.join(', ')}`);
      }
      expect(found).toEqual([]);
      expect(lab.errors).toEqual([]);
    });
  });
}

/** The layout's first screen, as the README shows it: wide screens at half scale, to
 *  keep the PNGs small. */
async function screenshot(browser: Browser, layout: Layout, url: string) {
  const file = process.env.UPDATE_SCREENSHOTS
    ? path.join(__dirname, '..', '..', 'docs', 'screenshots', `${layout.name}.png`)
    : test.info().outputPath(`${layout.name}.png`);
  const context = await browser.newContext({
    viewport: layout.viewport, isMobile: layout.isMobile ?? false, hasTouch: layout.hasTouch ?? false,
    deviceScaleFactor: layout.viewport.width > 1000 ? 0.5 : 1,
  });
  if (layout.presenter) await context.addInitScript(presenting);
  const page = await context.newPage();
  await page.goto(url);
  // The app's own page (#main): index.html's static first screen has articles too, until the app
  // replaces it.
  await expect(page.locator('#main article')).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(500);
  await page.screenshot({ path: file });
  await context.close();
}

// The checks above assert absences ("no overflow", "no small target", "no header"): each must
// first be seen to find what it looks for, or a broken check would pass every page.
test('the layout checks find an overflowing page, a small target, an off-screen stage and the chrome', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const lab = new Lab(page);
  await lab.open('#/autoscaling');
  await expect(lab.demo('autoscaling')).toBeVisible();
  expect(await overflow(page, 390)).toBe(0);
  for (const chrome of ['.lab-header', 'nav', '.lab-footer']) await expect(page.locator(chrome)).toHaveCount(1);
  await page.evaluate(() => {
    const wide = document.createElement('div');
    wide.style.width = '600px';
    wide.style.height = '10px';
    document.querySelector('main')!.append(wide);
    const tiny = document.createElement('button');
    tiny.textContent = 'tiny';
    tiny.style.cssText = 'height:20px;min-height:0;padding:0;font-size:10px';
    document.querySelector('main')!.prepend(tiny);
    const far = document.createElement('div');
    far.id = 'far';
    far.style.cssText = 'height:10px;margin-top:2000px';
    document.querySelector('main')!.append(far);
  });
  expect(await overflow(page, 390)).toBeGreaterThan(0);
  expect(await smallTargets(page)).toContain('button "tiny" 20 px');
  expect(await onFirstScreen(page, '#far')).toBe(false);
  expect(await onFirstScreen(page, '.lab-header')).toBe(true);
  await context.close();

  // The stage check, on a projector: it passes a staged demo, and finds a stage pushed off
  // the first screen and a page with none.
  const projector = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await projector.addInitScript(presenting);
  const shown = await projector.newPage();
  const lab2 = new Lab(shown);
  await lab2.open('#/availability');
  await expect(shown.getByTestId('stage')).toBeVisible();
  expect(await stageProblems(shown)).toEqual([]);
  await shown.evaluate(() => {
    const tall = document.createElement('div');
    tall.style.height = '720px';
    document.querySelector('[data-testid="stage"]')!.before(tall);
  });
  expect(await stageProblems(shown)).toEqual([
    "the stage's control is not within the first screen", "the stage's chart is not within the first screen"]);
  await shown.evaluate(() => document.querySelector('[data-testid="stage"]')!.remove());
  expect(await stageProblems(shown)).toEqual(['no presenter stage']);
  await projector.close();
});
