// Input → everything updated, for every slider, number field, checkbox and radio button of
// the demos named in BENCH_DEMOS (comma-separated ids; all demos when unset). Each control is
// moved back and forth MOVES times; prints p50 / p95 of "work" (input → model, DOM and charts
// done) per control and the worst control per demo.
import { test, expect } from '@playwright/test';
import { Lab } from '../e2e/lab';

const MOVES = Number(process.env.BENCH_MOVES ?? 30);

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

test('input to everything updated, every control', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open();
  const wanted = process.env.BENCH_DEMOS?.split(',');
  const rows: string[] = [];
  const worst: string[] = [];
  for (const id of await lab.demoIds()) {
    if (wanted && !wanted.includes(id)) continue;
    await page.getByTestId(`nav-${id}`).click();
    await expect(lab.demo(id)).toBeVisible();
    const controls = lab.demo(id).locator('input[type=range], input[type=number], input[type=checkbox], input[type=radio]');
    let worstP95 = 0, worstName = '';
    for (let i = 0; i < (await controls.count()); i++) {
      const control = controls.nth(i);
      if (!(await control.isVisible()) || !(await control.isEnabled())) continue;
      const name = (await control.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? el.getAttribute('aria-label') ?? el.getAttribute('data-testid') ?? '')).replace(/\s+/g, ' ').slice(0, 40);
      const kind = (await control.getAttribute('type')) ?? '';
      const work: number[] = await control.evaluate(async (el, moves) => {
        const input = el as HTMLInputElement;
        const nextTask = () => new Promise<void>((r) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => r();
          channel.port2.postMessage(0);
        });
        const out: number[] = [];
        const toggle = input.type === 'checkbox' || input.type === 'radio';
        const start = input.value;
        const min = Number(input.min || 0), max = Number(input.max || Number(start) * 2 || 10);
        const other = String(Number(start) === max ? min : Math.min(max, Number(start) + (max - min) / 4));
        const group = input.type === 'radio' ? [...document.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${input.name}"]`)] : [];
        const back = group.find((r) => r.checked && r !== input);
        for (let i = 0; i < moves; i++) {
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          const t0 = performance.now();
          if (toggle) {
            const target = input.type === 'radio' && i % 2 === 1 && back ? back : input;
            target.click();
          } else {
            input.value = i % 2 === 0 ? other : start;
            input.dispatchEvent(new Event(input.type === 'range' ? 'input' : 'change', { bubbles: true }));
          }
          await nextTask();
          out.push(performance.now() - t0);
        }
        if (input.type === 'number') {
          input.value = start;
          input.dispatchEvent(new Event('change', { bubbles: true }));
        }
        return out;
      }, MOVES);
      work.sort((a, b) => a - b);
      const p95 = percentile(work, 95);
      rows.push(`| ${id} | ${name} (${kind}) | ${percentile(work, 50).toFixed(1)} ms | ${p95.toFixed(1)} ms |`);
      if (p95 > worstP95) [worstP95, worstName] = [p95, name];
    }
    worst.push(`| ${id} | ${worstName} | ${worstP95.toFixed(1)} ms |`);
  }
  console.log(['| demo | control | work p50 | work p95 |', '|---|---|---|---|', ...rows].join('\n'));
  console.log(['| demo | worst control | work p95 |', '|---|---|---|', ...worst].join('\n'));
  expect(lab.errors).toEqual([]);
});
