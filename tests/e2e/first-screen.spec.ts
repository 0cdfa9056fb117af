// index.html's static first screen (issue 14: a phone sees content before the wasm has
// arrived). With the main wasm held back: the home page's link shows the app's header and the
// home page's heading and opening, passing axe; a demo's, the exercises', the project's and each
// tour step's link shows that page's heading; another page's link shows no home page words.
// Once the wasm runs, the app's own screen has taken its place: the same words in the same
// places, and the static one gone.
import { axe } from './axe';
import { test, expect, type Page } from './lab';

// A page reloads to see a static screen again; the service worker would serve it the wasm from its
// cache, past the hold.
test.use({ serviceWorkers: 'block' });

// Trunk writes the hash without leading zeros, so it can be shorter than 16 digits.
const WASM = /\/cloud-lab-[0-9a-f]{1,16}_bg\.wasm$/;

/** Holds the main wasm's download back until the returned function is called. */
async function holdWasm(page: Page): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => { release = resolve; });
  await page.unroute(WASM);
  await page.route(WASM, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** Each element's text and the box its text is drawn in, to compare one screen with the other.
 * To the hundredth of a pixel: a browser counts text drawn a fraction wider as a new, larger
 * paint (Lighthouse's largest contentful paint). */
async function placed(page: Page, selectors: string[]) {
  const out: string[] = [];
  for (const selector of selectors) {
    out.push(await page.locator(selector).evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      const box = range.getBoundingClientRect();
      const text = (element as HTMLElement).innerText.replace(/\s+/g, ' ').trim();
      return `${text} @ ${[box.x, box.y, box.width, box.height].map((v) => v.toFixed(2)).join(',')}`;
    }));
  }
  return out;
}

const layouts = [
  { name: 'desktop', viewport: { width: 1280, height: 900 }, phone: false, presenter: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, phone: true, presenter: false },
  { name: 'presenter', viewport: { width: 1280, height: 720 }, phone: false, presenter: true },
];

for (const layout of layouts) {
  test.describe(layout.name, () => {
    test.use({ viewport: layout.viewport, isMobile: layout.phone, hasTouch: layout.phone });
    test.beforeEach(async ({ page }) => {
      if (layout.presenter) {
        await page.addInitScript(() => localStorage.setItem('cloud-lab-presenter', '1'));
      }
    });

    test('the home page is on screen before the wasm runs, where the app then draws it', async ({ page, lab }) => {
      const release = await holdWasm(page);
      await page.goto('/#/');
      const first = page.locator('#first-screen');
      await expect(first.getByRole('heading', { level: 1 })).toHaveText('PhotoShare on the cloud');
      await expect(first.getByRole('status')).toBeHidden();
      await expect(page.locator('.lab-header')).toHaveCount(0);
      expect((await axe(page)).map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
      const before = await placed(page, ['.first-header .brand', '.first-header .tagline', '#first-screen .first-home h1', '#first-screen .first-home .lead']);

      release();
      await expect(page.getByTestId('home')).toBeVisible();
      await expect(first).toHaveCount(0);
      const after = await placed(page, ['.lab-header .brand', '.lab-header .tagline', '[data-testid="home"] h1', '[data-testid="home"] .lead']);
      expect(after).toEqual(before);
      if (layout.presenter) await expect(page.locator('html')).toHaveClass(/presenter/);
    });

    test('each demo\'s heading is on screen before the wasm runs, where the app then draws it', async ({ page, lab }) => {
      test.setTimeout(180_000);
      await lab.open();
      const ids = await lab.demoIds();
      expect(ids.length).toBe(12);
      const parts = ['.section', 'h1', '.teaches'];
      for (const id of ids) {
        const release = await holdWasm(page);
        await page.goto(`/#/${id}`);
        await page.reload();
        const shown = page.locator('#first-screen .first-demo:visible');
        await expect(shown).toHaveCount(1);
        await expect(shown).toHaveAttribute('data-demo', id);
        await expect(page.locator('#first-screen .first-home')).toBeHidden();
        const before = await placed(page, parts.map((p) => `#first-screen .first-demo[data-demo="${id}"] ${p}`));
        release();
        await expect(lab.demo(id)).toBeVisible();
        await expect(page.locator('#first-screen')).toHaveCount(0);
        const after = await placed(page, parts.map((p) => `[data-testid="demo-${id}"] .demo-header ${p}`));
        expect(after, id).toEqual(before);
      }
    });

    for (const { route, testid } of [{ route: 'exercises', testid: 'exercises-page' }, { route: 'project', testid: 'project-page' }]) {
      test(`the ${route} page's heading is on screen before the wasm runs, where the app then draws it`, async ({ page }) => {
        const release = await holdWasm(page);
        await page.goto(`/#/${route}`);
        const shown = page.locator('#first-screen .first-demo:visible');
        await expect(shown).toHaveCount(1);
        await expect(shown).toHaveAttribute('data-demo', route);
        await expect(page.locator('#first-screen .first-home')).toBeHidden();
        expect((await axe(page)).map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
        const parts = ['h1', '.teaches'];
        const before = await placed(page, parts.map((p) => `#first-screen [data-demo="${route}"] .demo-header ${p}`));
        release();
        await expect(page.getByTestId(testid)).toBeVisible();
        await expect(page.locator('#first-screen')).toHaveCount(0);
        const after = await placed(page, parts.map((p) => `[data-testid="${testid}"] .demo-header ${p}`));
        expect(after).toEqual(before);
      });
    }

    test('each tour step is on screen before the wasm runs, where the app then draws it', async ({ page }) => {
      test.setTimeout(180_000);
      // The tour's own parts: the demo it embeds has a heading of its own.
      const parts = ['.tour-header .section', '.tour-header h1', '.tour-intro .now-try'];
      const staticParts = (step: number) => [`.tour-header[data-step="${step}"] .section`, `.tour-header[data-step="${step}"] h1`, `.now-try[data-step="${step}"]`];
      // The first step's link has no step.
      for (const [step, link] of [[1, '/#/tour'], ...Array.from({ length: 9 }, (_, i) => [i + 2, `/#/tour?step=${i + 2}`])] as const) {
        const release = await holdWasm(page);
        // A load of its own: from the tour, the link would be a step the app moves to and rewrites.
        await page.goto('about:blank');
        await page.goto(link);
        const shown = page.locator('#first-screen .first-demo:visible');
        await expect(shown).toHaveCount(1);
        await expect(shown).toHaveAttribute('data-demo', 'tour');
        // One header and one "Now try" of the ten, the link's step's.
        await expect(shown.locator('[data-step]:visible')).toHaveCount(2);
        await expect(shown.locator('.tour-header:visible')).toHaveAttribute('data-step', String(step));
        await expect(page.locator('#first-screen .first-home')).toBeHidden();
        if (step === 1) {
          expect((await axe(page)).map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
        }
        const before = await placed(page, staticParts(step).map((p) => `#first-screen [data-demo="tour"] ${p}`));
        release();
        await expect(page.getByTestId('tour-title')).toContainText(`Step ${step} of 10`);
        await expect(page.locator('#first-screen')).toHaveCount(0);
        const after = await placed(page, parts.map((p) => `[data-testid="tour"] ${p}`));
        expect(after, `step ${step}`).toEqual(before);
      }
    });
  });
}

test('a demo\'s link shows that the lab is loading and none of the home page\'s words', async ({ page, lab }) => {
  const release = await holdWasm(page);
  await page.goto('/#/autoscaling?cloud=azure');
  const first = page.locator('#first-screen');
  await expect(first.getByRole('status')).toHaveText('Loading the lab…');
  await expect(first.getByText('PhotoShare on the cloud')).toBeHidden();
  release();
  await expect(lab.demo('autoscaling')).toBeVisible();
  await expect(first).toHaveCount(0);
});

test('an embedded demo\'s first screen has no header, as the embedded demo has none', async ({ page, lab }) => {
  const release = await holdWasm(page);
  await page.goto('/#/availability?embed=1');
  await expect(page.locator('#first-screen').getByRole('status')).toBeVisible();
  await expect(page.locator('.first-header')).toBeHidden();
  await expect(page.locator('html')).toHaveClass(/embed/);
  release();
  await expect(lab.demo('availability')).toBeVisible();
  await expect(page.locator('#first-screen')).toHaveCount(0);
});

test('a tour link whose step the app refuses shows that the lab is loading and no step', async ({ page, lab }) => {
  for (const step of ['11', '0', 'three']) {
    const release = await holdWasm(page);
    // A load of its own: the app rewrites a refused step's link to the first step's.
    await page.goto('about:blank');
    await page.goto(`/#/tour?step=${step}`);
    const first = page.locator('#first-screen');
    await expect(first.getByRole('status')).toHaveText('Loading the lab…');
    await expect(first.locator('.first-demo:visible'), step).toHaveCount(0);
    release();
    // The app opens the first step and says why.
    await expect(page.getByTestId('tour-title')).toContainText('Step 1 of 10');
    await expect(page.getByTestId('ignored')).toContainText('step');
    await expect(first).toHaveCount(0);
  }
});
