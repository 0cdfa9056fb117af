// Input → everything updated, for every control of the demos named in BENCH_DEMOS (default:
// cost, serverless, multi-region): each slider and number field set back and forth between
// two values, each checkbox toggled, each radio group walked. "work" is input → the model,
// the DOM and the charts all updated (Leptos runs its effects as microtasks, so a fresh task
// runs after them). Prints p50 / p95 per control and the worst p95 per demo.
import { test, expect } from '@playwright/test';
import { Lab } from '../e2e/lab';

const MOVES = 40;
const DEMOS = (process.env.BENCH_DEMOS ?? 'cost,serverless,multi-region').split(',');

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

for (const id of DEMOS) {
  test(`every control of ${id}`, async ({ page }) => {
    const lab = new Lab(page);
    await lab.open(`#/${id}`);
    await expect(lab.demo(id)).toBeVisible();
    const inputs = lab.demo(id).locator('input[type=range], input[type=number], input[type=checkbox], input[type=radio]');
    const rows: [string, number, number][] = [];
    for (let i = 0; i < (await inputs.count()); i++) {
      const control = inputs.nth(i);
      if (!(await control.isEnabled()) || !(await control.isVisible())) continue;
      const label = await control.evaluate((el) => {
        const input = el as HTMLInputElement;
        const text = input.labels?.[0]?.textContent?.trim() ?? input.getAttribute('data-testid') ?? '';
        return `${text.slice(0, 40)} (${input.type})`;
      });
      const work: number[] = await control.evaluate(async (el, moves) => {
        const input = el as HTMLInputElement;
        const nextTask = () => new Promise<void>((r) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => r();
          channel.port2.postMessage(0);
        });
        const settle = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        // A radio moves to the other buttons of its group and back.
        const group = input.type === 'radio'
          ? [...document.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${input.name}"]`)]
          : [];
        const start = input.value;
        const min = Number(input.min || 0);
        const max = Number(input.max || Number(start) * 2 || 10);
        const other = String(Number(start) === max ? min : Math.min(max, Number(start) + (max - min || Number(start) || 1) / 4));
        const times: number[] = [];
        for (let i = 0; i < moves; i++) {
          await settle();
          const t0 = performance.now();
          if (input.type === 'checkbox') {
            input.checked = !input.checked;
            input.dispatchEvent(new Event('change', { bubbles: true }));
          } else if (input.type === 'radio') {
            const target = group[(i + 1) % group.length] ?? input;
            target.checked = true;
            target.dispatchEvent(new Event('change', { bubbles: true }));
          } else {
            input.value = i % 2 === 0 ? other : start;
            input.dispatchEvent(new Event(input.type === 'range' ? 'input' : 'change', { bubbles: true }));
          }
          await nextTask();
          times.push(performance.now() - t0);
        }
        // Leave the control as it was found.
        await settle();
        if (input.type === 'checkbox' && moves % 2 === 1) {
          input.checked = !input.checked;
          input.dispatchEvent(new Event('change', { bubbles: true }));
        }
        if (input.type === 'radio') {
          input.checked = true;
          input.dispatchEvent(new Event('change', { bubbles: true }));
        }
        return times;
      }, MOVES);
      work.sort((a, b) => a - b);
      rows.push([label, percentile(work, 50), percentile(work, 95)]);
    }
    const worst = rows.reduce((a, b) => (b[2] > a[2] ? b : a), ['', 0, 0] as [string, number, number]);
    console.log([
      `## ${id}`,
      '| control | work p50 | work p95 |',
      '|---|---|---|',
      ...rows.map(([l, p50, p95]) => `| ${l} | ${p50.toFixed(1)} ms | ${p95.toFixed(1)} ms |`),
      `worst p95: ${worst[2].toFixed(1)} ms (${worst[0]})`,
    ].join('\n'));
    expect(lab.errors).toEqual([]);
  });
}
