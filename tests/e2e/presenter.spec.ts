// Presenter mode on a projector (1280×720): the navigation collapses to a keyboard-usable
// menu, the header shrinks, the scenario panel folds and opens in place, the lab's keys
// keep working, and `s` / Shift+S step through a page's sections.
import { Lab, test, expect } from './lab';

test.use({ viewport: { width: 1280, height: 720 } });

test('the navigation collapses to a menu that works from the keyboard', async ({ page, lab }) => {
  await lab.open('#/availability');
  const menu = page.getByTestId('menu-button');
  // Before: a sidebar, no menu button.
  await expect(page.locator('nav')).toBeVisible();
  await expect(menu).toBeHidden();
  const tall = (await page.locator('.lab-header').boundingBox())!.height;

  await page.keyboard.press('p');
  await expect(page.locator('nav')).toBeHidden();
  await expect(menu).toBeVisible();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  const short = (await page.locator('.lab-header').boundingBox())!.height;
  expect(short).toBeLessThan(tall);
  expect(short).toBeLessThanOrEqual(50);

  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('nav')).toBeVisible();
  await expect(page.getByTestId('nav-availability')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('nav')).toBeHidden();
  await expect(menu).toBeFocused();

  await page.keyboard.press('Space');
  await expect(page.getByTestId('nav-availability')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('article.demo')).toBeVisible();
  await expect(page.locator('nav')).toBeHidden();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  expect(await lab.hash()).not.toContain('#/availability');

  // The lab's keys still work with the menu collapsed.
  await page.keyboard.press('h');
  await expect(page.getByTestId('home')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('article.demo')).toBeVisible();
  await page.keyboard.press('p');
  await expect(page.locator('nav')).toBeVisible();
});

test('the scenario panel folds while presenting and opens in place', async ({ page, lab }) => {
  await lab.open('#/cost');
  const panel = page.getByTestId('scenario-panel');
  const detail = page.getByTestId('linked-maz');
  await expect(detail).toBeVisible();
  await page.keyboard.press('p');
  await expect(detail).toBeHidden();
  await expect(panel.locator('summary')).toBeInViewport();
  await panel.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(detail).toBeVisible();
  await expect(lab.demo('cost')).toBeVisible();
  await page.keyboard.press('p');
  await expect(detail).toBeVisible();
});

test('s and Shift+S step through the sections of a page', async ({ page, lab }) => {
  await lab.open('#/availability');
  const sections = page.locator('main article.demo > section');
  expect(await sections.count()).toBeGreaterThan(2);
  const top = (i: number) => sections.nth(i).evaluate((el) => Math.round(el.getBoundingClientRect().top));

  expect(await top(1)).toBeGreaterThan(100);
  await page.keyboard.press('s');
  await expect(sections.nth(0)).toBeFocused();
  await expect.poll(() => top(0)).toBeLessThan(20);
  await page.keyboard.press('s');
  await expect(sections.nth(1)).toBeFocused();
  await expect.poll(() => top(1)).toBeLessThan(20);
  await page.keyboard.press('Shift+S');
  await expect(sections.nth(0)).toBeFocused();
  await expect.poll(() => top(0)).toBeLessThan(20);
  // While presenting, a clicker's Page Down does the same.
  await page.keyboard.press('p');
  await page.keyboard.press('PageDown');
  await expect(sections.nth(1)).toBeFocused();
});

test('"Why?" folds open in place wherever a demo uses it', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open();
  const checked: string[] = [];
  for (const id of await lab.demoIds()) {
    await page.goto(`/#/${id}`);
    await expect(lab.demo(id)).toBeVisible();
    const whys = page.getByTestId('why');
    const n = await whys.count();
    if (n === 0) continue;
    checked.push(id);
    await expect(whys.first()).toHaveAttribute('open', '');
    await page.keyboard.press('p');
    await expect(whys.first()).not.toHaveAttribute('open', '');
    await whys.first().locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(whys.first()).toHaveAttribute('open', '');
    await expect(whys.first().locator('.why-body')).toBeVisible();
    await page.keyboard.press('p');
  }
  expect(lab.errors).toEqual([]);
  // Until a demo adopts "Why?" this checks nothing, and says so rather than passing.
  test.skip(checked.length === 0, 'no demo uses "Why?" yet');
  test.info().annotations.push({ type: 'pages with "Why?"', description: checked.join(', ') });
});
