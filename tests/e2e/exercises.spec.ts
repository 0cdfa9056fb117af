// The exercises: every demo has some, each kind answered wrongly then rightly (from the
// keyboard where it can be), one opened from a link, and a student's results restored from
// the link "Copy my results" gives.
import type { Page, Locator } from '@playwright/test';
import { axe as check } from './axe';
import { Lab, test, expect } from './lab';

function exercise(page: Page, slug: string): Locator {
  return page.locator(`[data-testid="exercise"][data-slug="${slug}"]`);
}

async function open(ex: Locator) {
  if ((await ex.getAttribute('open')) === null) await ex.locator('summary').click();
  await expect(ex).toHaveAttribute('open', '');
}

test('every demo has at least two exercises, the lab at least 30', async ({ page }) => {
  test.setTimeout(120_000);
  const lab = new Lab(page);
  await lab.open();
  let total = 0;
  for (const id of await lab.demoIds()) {
    await page.getByTestId(`nav-${id}`).click();
    await expect(lab.demo(id)).toBeVisible();
    const n = await page.getByTestId('exercise').count();
    expect(n, id).toBeGreaterThanOrEqual(2);
    total += n;
  }
  expect(total).toBeGreaterThanOrEqual(30);
  expect(lab.errors).toEqual([]);
});

test('a prediction, answered wrongly then rightly from the keyboard, opened from a link', async ({ page, lab }) => {
  await lab.open('#/availability?exercise=error-budget');
  const ex = exercise(page, 'error-budget');
  // The link opened it and brought it into view; the link key is not reported as ignored.
  await expect(ex).toHaveAttribute('open', '');
  await expect(ex).toBeInViewport();
  await expect(page.getByTestId('ignored')).toHaveCount(0);
  await expect(ex.locator('.question')).toContainText('99.9 %');

  const feedback = ex.getByTestId('exercise-feedback');
  await expect(feedback).toHaveAttribute('aria-live', 'polite');
  const answer = ex.getByTestId('exercise-answer');
  await answer.focus();
  await page.keyboard.type('40');
  await page.keyboard.press('Enter');
  await expect(feedback).toHaveClass(/wrong/);
  await expect(feedback).toContainText('you said 40 min, the model gives 43.2 min');
  await expect(feedback).toContainText('0.001 × 43,200 min = 43.2 min');
  await expect(ex.getByTestId('exercise-done')).toHaveCount(0);

  await answer.fill('43.2');
  await page.keyboard.press('Enter');
  await expect(feedback).toHaveClass(/right/);
  await expect(feedback).toContainText('Right: the model gives 43.2 min.');
  await expect(ex.getByTestId('exercise-done')).toBeVisible();

  // A hint on request, announced as expanded.
  const hint = ex.getByTestId('exercise-hint');
  await expect(ex.getByTestId('exercise-hint-text')).toBeHidden();
  await hint.click();
  await expect(hint).toHaveAttribute('aria-expanded', 'true');
  await expect(ex.getByTestId('exercise-hint-text')).toBeVisible();
});

test('a choice, answered wrongly then rightly with the keyboard, and "show me"', async ({ page, lab }) => {
  await lab.open('#/cost?exercise=largest-line');
  const ex = exercise(page, 'largest-line');
  const options = ex.getByTestId('exercise-option');
  await expect(options).toHaveCount(4);
  const feedback = ex.getByTestId('exercise-feedback');

  // Nothing chosen yet: the check says so rather than grading.
  await ex.getByTestId('exercise-check').click();
  await expect(feedback).toContainText('Choose one of the answers first.');

  await options.nth(2).focus();
  await page.keyboard.press('Space');
  await expect(options.nth(2)).toBeChecked();
  await ex.getByTestId('exercise-check').press('Enter');
  await expect(feedback).toHaveClass(/wrong/);
  await expect(feedback).toContainText('Not quite: the answer is CDN egress.');
  await expect(feedback).toContainText('4710 × $0.085 = $400.35');

  await options.nth(3).check();
  await ex.getByTestId('exercise-check').click();
  await expect(feedback).toHaveClass(/right/);
  await expect(feedback).toContainText('Right: CDN egress.');
});

test('a goal, reached with the demo\'s own controls after a wrong try', async ({ page, lab }) => {
  await lab.open('#/availability');
  const ex = exercise(page, 'meet-99-95');
  await open(ex);
  await expect(ex).toHaveAttribute('data-kind', 'goal');
  const feedback = ex.getByTestId('exercise-feedback');

  await ex.getByTestId('exercise-start').click();
  await ex.getByTestId('exercise-check').click();
  await expect(feedback).toHaveClass(/wrong/);
  await expect(feedback).toContainText('Not yet');
  await expect(feedback).toContainText('across 1 region(s) with the global edge, 99.928 %');

  await page.getByTestId('two-regions').check();
  await ex.getByTestId('exercise-check').click();
  await expect(feedback).toHaveClass(/right/);
  await expect(feedback).toContainText('Goal reached with your settings.');
  await expect(feedback).toContainText('across 2 region(s)');

  // "Show me" sets another goal's answering state: the next check passes.
  const other = exercise(page, 'error-budget');
  await open(other);
  await other.getByTestId('exercise-show').click();
  await expect(other.getByTestId('exercise-feedback')).toContainText('now shows settings that answer');
});

test('"Copy my results" gives a link that restores the answers elsewhere', async ({ page, lab, browser }) => {
  await lab.open('#/availability?exercise=error-budget');
  const ex = exercise(page, 'error-budget');
  await ex.getByTestId('exercise-answer').fill('43.2');
  await ex.getByTestId('exercise-check').click();
  await expect(ex.getByTestId('exercise-feedback')).toHaveClass(/right/);
  await lab.open('#/serverless?exercise=cheaper-at-this-load');
  const choice = exercise(page, 'cheaper-at-this-load');
  await choice.getByTestId('exercise-option').nth(0).check();
  await choice.getByTestId('exercise-check').click();
  await expect(choice.getByTestId('exercise-feedback')).toHaveClass(/wrong/);

  await page.getByTestId('exercises-link').click();
  await expect(page.getByTestId('exercises-done')).toContainText('1 of');
  const row = page.locator('[data-exercise="availability.error-budget"]');
  await expect(row.getByTestId('exercise-state')).toHaveText('✓ right');
  await expect(page.locator('[data-exercise="serverless.cheaper-at-this-load"]').getByTestId('exercise-state')).toHaveText('tried');
  await page.getByTestId('copy-results').click();
  const link = await page.getByTestId('results-link').inputValue();
  expect(link).toContain('#/exercises?');
  expect(link).toContain('availability.error-budget=43.2');

  // Another browser with nothing stored: the link's answers, checked again by the models.
  const other = await browser.newContext();
  const teacher = await other.newPage();
  const teacherLab = new Lab(teacher);
  await teacher.goto(link);
  const results = teacher.getByTestId('linked-results');
  await expect(results).toContainText('1 of 2 answers in this link are right');
  await expect(results.locator('[data-exercise="availability.error-budget"]')).toContainText('right');
  await expect(results.locator('[data-exercise="serverless.cheaper-at-this-load"]')).toContainText('not right');
  await expect(teacher.getByTestId('exercises-done')).toContainText('0 of');
  await teacher.getByTestId('keep-results').click();
  await expect(teacher.getByTestId('exercises-done')).toContainText('1 of');
  await teacher.goto(link.split('#')[0] + '#/availability?exercise=error-budget');
  await expect(exercise(teacher, 'error-budget').getByTestId('exercise-done')).toBeVisible();
  expect(teacherLab.errors).toEqual([]);
  await other.close();
});

test('a hand-edited results link is read as far as it goes, without a panic', async ({ page, lab }) => {
  await lab.open('#/exercises?availability.error-budget=lots&nosuch.thing=1&cost.largest-line=9&cost.largest-line=3&serverless=2');
  const results = page.getByTestId('linked-results');
  await expect(results).toContainText('1 of 1 answers in this link are right');
  await expect(results.getByTestId('linked-answer')).toHaveCount(1);
});

test('exercises are usable at 390 px and axe-clean, open and on their page', async ({ page, lab }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const axe = async (scope: string) => {
    return (await check(page, scope)).map((v) => `${scope} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  };

  await lab.open('#/rolling-deploy?exercise=bad-build-without-breaker');
  const ex = exercise(page, 'bad-build-without-breaker');
  await ex.getByTestId('exercise-option').nth(1).check();
  await ex.getByTestId('exercise-check').click();
  await ex.getByTestId('exercise-hint').click();
  await expect(ex.getByTestId('exercise-feedback')).toHaveClass(/right/);
  // The block fits the phone's width (the demo above it is its owner's).
  const box = await page.getByTestId('exercises').boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  expect(await ex.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  expect(await axe('[data-testid="exercises"]')).toEqual([]);

  await lab.open('#/exercises');
  expect(await page.getByTestId('exercise-row').count()).toBeGreaterThanOrEqual(30);
  await page.getByTestId('copy-results').click();
  await expect(page.getByTestId('results-link')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await axe('[data-testid="exercises-page"]')).toEqual([]);
});

test('each tour step points to its demo\'s exercises', async ({ page, lab }) => {
  await lab.open('#/tour');
  const link = page.getByTestId('tour-exercises');
  await expect(link).toHaveCount(1);
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^#\/[a-z-]+\?exercise=[a-z0-9-]+$/);
  await link.click();
  const slug = href!.split('exercise=')[1];
  await expect(exercise(page, slug)).toHaveAttribute('open', '');
});
