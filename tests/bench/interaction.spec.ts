// Input → next frame painted, for each demo's main control: the first slider on the
// page, or else its first number field, set back and forth between two values.
// "work" is input → every update done (the model, the DOM, the charts: Leptos runs its
// effects as microtasks, so a fresh task runs after them); "frame" is input → the next
// frame painted, which also waits for the display's next refresh (up to 16.7 ms at 60 Hz).
// Prints p50 / p95 per demo; scripts/bench.sh collects them for docs/measured.md.
import { test, expect } from '@playwright/test';
import { Lab } from '../e2e/lab';

const MOVES = 60;

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

test('input to next frame, per demo', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open();
  const rows: string[] = [];
  for (const id of await lab.demoIds()) {
    await page.getByTestId(`nav-${id}`).click();
    await expect(lab.demo(id)).toBeVisible();
    const demo = lab.demo(id);
    const slider = demo.locator('input[type=range]').first();
    const control = (await slider.count()) > 0 ? slider : demo.locator('input[type=number]').first();
    if ((await control.count()) === 0) {
      rows.push(`| ${id} | (no slider or number field) | | | | |`);
      continue;
    }
    const kind = (await control.getAttribute('type')) ?? 'number';
    const label = (await control.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? el.getAttribute('aria-label') ?? '')).slice(0, 40);
    const [work, frame]: number[][] = await control.evaluate(async (el, moves) => {
      const input = el as HTMLInputElement;
      const event = input.type === 'range' ? 'input' : 'change';
      const start = input.value;
      const min = Number(input.min || 0), max = Number(input.max || Number(start) * 2 || 10);
      const other = String(Number(start) === max ? min : Math.min(max, Number(start) + (max - min) / 4));
      const nextTask = () => new Promise<void>((r) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => r();
        channel.port2.postMessage(0);
      });
      const work: number[] = [], frame: number[] = [];
      for (let i = 0; i < moves; i++) {
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const t0 = performance.now();
        input.value = i % 2 === 0 ? other : start;
        input.dispatchEvent(new Event(event, { bubbles: true }));
        await nextTask();
        work.push(performance.now() - t0);
        // rAF runs before the paint; a task queued from it runs after the paint.
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        frame.push(performance.now() - t0);
      }
      return [work, frame];
    }, MOVES);
    work.sort((a, b) => a - b);
    frame.sort((a, b) => a - b);
    const ms = (xs: number[], p: number) => `${percentile(xs, p).toFixed(1)} ms`;
    rows.push(`| ${id} | ${label} (${kind}) | ${ms(work, 50)} | ${ms(work, 95)} | ${ms(frame, 50)} | ${ms(frame, 95)} |`);
  }
  console.log(['| demo | control moved | work p50 | work p95 | frame p50 | frame p95 |', '|---|---|---|---|---|---|', ...rows].join('\n'));
  expect(lab.errors).toEqual([]);
});
