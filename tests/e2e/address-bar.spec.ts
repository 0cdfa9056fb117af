// The address bar (demos/src/address_bar.rs): a demo writes its link once its controls rest,
// not at every step of a drag, and a link followed at once still leaves the last state in the
// page's history entry.
import { test, expect, type Page } from './lab';

test.beforeEach(async ({ page }) => {
  // Counts the page's writes to the address bar.
  await page.addInitScript(() => {
    const counted = window as unknown as { writes: number };
    counted.writes = 0;
    const replace = history.replaceState.bind(history);
    history.replaceState = (...args: Parameters<History['replaceState']>) => {
      counted.writes += 1;
      replace(...args);
    };
  });
});

const writes = (page: Page) => page.evaluate(() => (window as unknown as { writes: number }).writes);

test('a drag writes the link once, when the slider rests', async ({ page, lab }) => {
  await lab.open('#/cost');
  await expect(page.getByTestId('hit-value')).toHaveText('92 %');
  const before = await writes(page);
  // Thirty steps, one an animation frame, as a finger drags the slider from 61 % to 90 %.
  const during = await page.getByTestId('hit').evaluate(async (slider) => {
    const input = slider as HTMLInputElement;
    for (let value = 61; value <= 90; value++) {
      await new Promise((frame) => requestAnimationFrame(frame));
      input.value = String(value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    return (window as unknown as { writes: number }).writes;
  });
  await expect(page.getByTestId('hit-value')).toHaveText('90 %');
  // One write a step would be thirty; a frame slower than the rest (a loaded machine) may let one through.
  expect(during - before).toBeLessThanOrEqual(2);
  expect(await lab.hash()).toContain('hit=90');
  expect(await writes(page) - before).toBeLessThanOrEqual(3);
});

test('clicks on a control wait for the rest like a drag; only a link catches the address bar up', async ({ page, lab }) => {
  await lab.open('#/cost');
  const before = await writes(page);
  // Ten clicks on a lever, one an animation frame: off, on, …, on.
  const during = await page.getByTestId('lever-rn').evaluate(async (lever) => {
    for (let i = 0; i < 10; i++) {
      await new Promise((frame) => requestAnimationFrame(frame));
      (lever as HTMLInputElement).click();
    }
    return (window as unknown as { writes: number }).writes;
  });
  expect(during - before).toBeLessThanOrEqual(1);
  await expect(page.getByTestId('lever-rn')).toBeChecked();
});

test('a link followed right after a move keeps that move in the back button', async ({ page, lab }) => {
  await lab.open('#/cost');
  // The move (a lever off: the demo's own value, not one the linked scenario carries to the next
  // page), then the click a task later, well within the rest the link waits for.
  await page.getByTestId('lever-rn').evaluate(async (lever) => {
    (lever as HTMLInputElement).click();
    await new Promise((task) => setTimeout(task, 0));
    document.querySelector<HTMLElement>('[data-testid=nav-availability]')!.click();
  });
  await expect(lab.demo('availability')).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('lever-rn')).not.toBeChecked();
  expect(await lab.hash()).toContain('rn=0');
});
