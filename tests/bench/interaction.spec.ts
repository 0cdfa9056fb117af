// Every control of every demo, moved back and forth: input → everything updated ("work") and
// input → the next frame painted ("frame"), reported for each demo's worst control.
//
// Controls are found, not listed: every slider, number field, select, checkbox, radio button
// and button inside the demo's article (the chart's own export buttons aside: they save a
// file and change nothing), so the benchmark stays true as demos change. Each control starts
// from a freshly loaded demo, so one control's clicks (adding failures, pressing play) do not
// load the next one's numbers.
//
// "work" is the app's own cost: the page sets the value and dispatches the event itself, and
// the clock stops at the first fresh task or animation frame (Leptos runs its effects, the model,
// the DOM and the charts' bookkeeping, as microtasks before either). A frame the browser renders
// before the next task is rendering, which "frame" times; the clock once ran through it, which
// made a control's p95 the odd move that met a frame (docs/measured.md, session 20).
// "frame" is what a student sees: the browser's own input (a mouse drag on a slider, a click,
// an arrow key on a field or a select, sent by Playwright), timed from the event's timestamp to
// the task after the next frame's painting. Chromium dispatches a drag's moves at the start of
// a frame ("aligned input", developer.chrome.com/blog/aligning-input-events), so a slider's
// frame is its work plus rendering; a click or a key waits for the display's next refresh
// (up to 16.7 ms at 60 Hz) from wherever it lands, so those moves start at a random moment.
// Prints the per-demo table for docs/measured.md (scripts/bench.sh) and every control's row.
import { test, expect, type Locator, type Page } from '@playwright/test';
import { Lab } from '../e2e/lab';

const MOVES = Number(process.env.BENCH_MOVES ?? 40);
/** BENCH_DEMOS=iac-drift,cache-cdn measures only those demos (default: every demo). */
const ONLY = process.env.BENCH_DEMOS?.split(',').filter((id) => id !== '');
const CONTROLS = 'input[type=range], input[type=number], input[type=checkbox], input[type=radio], select, button';
const NOT_CONTROLS = '.chart-actions button';

type Row = { demo: string; control: string; work: number[]; frame: number[]; records: number };

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

test('every control of every demo: input to update and to the next frame', async ({ page }) => {
  test.setTimeout(3_600_000);
  const lab = new Lab(page);
  await lab.open();
  const ids = (await lab.demoIds()).filter((id) => !ONLY || ONLY.includes(id));
  expect(ids.length, `BENCH_DEMOS=${ONLY} names no demo`).toBeGreaterThan(0);
  const rows: Row[] = [];
  for (const id of ids) {
    await lab.open(`#/${id}`);
    // A demo whose wasm module is not here yet is built when it arrives.
    await expect(lab.demo(id)).toBeVisible();
    const count = await lab.demo(id).locator(CONTROLS).count();
    for (let i = 0; i < count; i++) {
      // The address bar holds the last control's state: load the demo's defaults afresh.
      await lab.open(`#/${id}`);
      await page.reload();
      const demo = lab.demo(id);
      await expect(demo).toBeVisible();
      const control = demo.locator(CONTROLS).nth(i);
      if (!(await control.isVisible()) || !(await control.isEnabled())
        || (await control.evaluate((el, skip) => el.matches(skip), NOT_CONTROLS))) continue;
      const [label, work, records] = await control.evaluate(move, [MOVES, CONTROLS] as const);
      const frame = await realFrames(page, control, MOVES);
      rows.push({ demo: id, control: label, work: work.sort((a, b) => a - b), frame: frame.sort((a, b) => a - b), records });
    }
  }
  const ms = (xs: number[], p: number) => (xs.length === 0 ? 'none' : `${percentile(xs, p).toFixed(1)} ms`);
  const line = (r: Row) => `${ms(r.work, 50)} | ${ms(r.work, 95)} | ${ms(r.frame, 50)} | ${ms(r.frame, 95)} | ${r.records}`;
  const worst: string[] = [];
  for (const id of ids) {
    const mine = rows.filter((r) => r.demo === id);
    if (mine.length === 0) continue;
    const byWork = mine.reduce((a, b) => (percentile(b.work, 95) > percentile(a.work, 95) ? b : a));
    const byFrame = mine.reduce((a, b) => (percentile(b.frame, 95) > percentile(a.frame, 95) ? b : a));
    worst.push(`| ${id} | ${mine.length} | ${byWork.control} | ${line(byWork)} | ${ms(byFrame.frame, 95)} (${byFrame.control}) |`);
  }
  console.log([
    '| demo | controls moved | worst control (work p95) | work p50 | work p95 | frame p50 | frame p95 | DOM records a move | worst frame p95 (control) |',
    '|---|---|---|---|---|---|---|---|---|',
    ...worst,
  ].join('\n'));
  console.log(['', 'every control:', '| demo | control | work p50 | work p95 | frame p50 | frame p95 | DOM records a move |', '|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.demo} | ${r.control} | ${line(r)} |`)].join('\n'));
  expect(rows.length).toBeGreaterThan(ids.length);
  expect(lab.errors).toEqual([]);
});

/** Runs in the page: moves one control `moves` times, back and forth; returns its label, its
 * work timings and the median number of DOM mutation records a move makes (how much of the page it
 * rewrites: a count the machine's load does not change). */
async function move(el: Element, [moves, controls]: readonly [number, string]): Promise<[string, number[], number]> {
  const input = el as HTMLInputElement;
  const select = el as HTMLSelectElement;
  const text = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
  const kind = el.tagName === 'INPUT' ? input.type : el.tagName.toLowerCase();
  const label = text(input.labels?.[0]?.textContent) || text(el.getAttribute('aria-label'))
    || text(el.textContent) || text(el.getAttribute('data-testid'));
  // `x` put on the field's step, as a student types or steps it: a number field's value off its
  // step (269.75 tasks) is one the page refuses with a message, and its refusal and the results
  // built again after it are not a move (docs/measured.md, session 21). A slider's value the
  // browser puts on its step itself. The step's base is `min`, as in HTML.
  const onStep = (x: number, max: number) => {
    const stride = input.step === 'any' ? 0 : Number(input.step || 1);
    if (kind !== 'number' || !(stride > 0)) return x;
    const base = input.min === '' ? Number(input.defaultValue || 0) : Number(input.min);
    let k = Math.round((x - base) / stride);
    if (base + k * stride > max) k = Math.floor((max - base) / stride);
    return Number((base + k * stride).toPrecision(12));
  };
  // Each control's "there and back": two values, two options, two radios, or one click.
  let step: (i: number) => void;
  if (kind === 'range' || kind === 'number') {
    const start = input.value;
    const min = Number(input.min || 0), max = Number(input.max || Number(start) * 2 || 10);
    const other = String(onStep(Number(start) === max ? min : Math.min(max, Number(start) + (max - min) / 4 || 1), max));
    const event = kind === 'range' ? 'input' : 'change';
    step = (i) => {
      input.value = i % 2 === 0 ? other : start;
      input.dispatchEvent(new Event(event, { bubbles: true }));
    };
  } else if (kind === 'select') {
    const start = select.selectedIndex;
    const other = (start + 1) % Math.max(1, select.options.length);
    step = (i) => {
      select.selectedIndex = i % 2 === 0 ? other : start;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    };
  } else if (kind === 'radio') {
    const group = Array.from(document.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${input.name}"]`));
    const was = group.find((r) => r.checked && r !== input) ?? group.find((r) => r !== input);
    step = (i) => (i % 2 === 0 || !was ? input : was).click();
  } else {
    step = () => (el as HTMLElement).click();
  }
  // A button again from the same page does nothing (a preset already chosen, a failure already
  // added, its row already removed) or something else (the list one longer each time), so
  // between clicks the demo's reset, untimed, brings the page back as it opened.
  const demo = el.closest('article.demo')!;
  const index = Array.from(demo.querySelectorAll(controls)).indexOf(el);
  const reset = kind === 'button' ? demo.querySelector<HTMLElement>('[data-testid=reset]') : null;
  const restore = reset === el ? null : reset;
  // Asked for before the move, so this animation frame callback runs before the app's own.
  const taskOrFrame = () => new Promise<void>((r) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => r();
    channel.port2.postMessage(0);
    requestAnimationFrame(() => r());
  });
  const afterPaint = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const work: number[] = [], records: number[] = [];
  let seen = 0;
  const observer = new MutationObserver((list) => { seen += list.length; });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  for (let i = 0; i < moves; i++) {
    if (restore && i > 0) {
      restore.click();
      await afterPaint();
      el = demo.querySelectorAll(controls)[index] ?? el;
    }
    await afterPaint();
    seen = 0;
    const done = taskOrFrame();
    const t0 = performance.now();
    step(i);
    await done;
    work.push(performance.now() - t0);
    records.push(seen + observer.takeRecords().length);
  }
  observer.disconnect();
  records.sort((a, b) => a - b);
  return [`${label} (${kind})`, work, records[Math.floor(records.length / 2)]];
}

/** Moves one control `moves` times with the browser's own input, back and forth, and returns
 * each move's event → painted frame (ms). A move that changes nothing (a button that has become
 * disabled) gives no time. */
async function realFrames(page: Page, control: Locator, moves: number): Promise<number[]> {
  await control.scrollIntoViewIfNeeded();
  const kind = await control.evaluate((el) => (el.tagName === 'INPUT' ? (el as HTMLInputElement).type : el.tagName.toLowerCase()));
  // The first trusted event of a move starts its clock; a task queued from the animation frame
  // after it stops it, once that frame is painted.
  await page.evaluate(() => {
    const w = window as unknown as { benchFrames: number[]; benchBusy: boolean };
    w.benchFrames = [];
    w.benchBusy = false;
    const start = (e: Event) => {
      if (!e.isTrusted || w.benchBusy) return;
      w.benchBusy = true;
      const t0 = e.timeStamp;
      requestAnimationFrame(() => setTimeout(() => { w.benchFrames.push(performance.now() - t0); w.benchBusy = false; }, 0));
    };
    for (const type of ['click', 'keydown', 'input', 'change']) document.addEventListener(type, start, { capture: true });
  });
  // Waits out the move's frame, then a random part of a refresh, so that clicks and keys land
  // anywhere in it as a person's do.
  const settle = () => page.evaluate(() => new Promise<void>((done) => {
    const w = window as unknown as { benchBusy: boolean };
    const wait = () => (w.benchBusy ? requestAnimationFrame(wait) : setTimeout(done, Math.random() * 16.7));
    requestAnimationFrame(() => setTimeout(wait, 0));
  }));
  if (kind === 'range') {
    // A drag between the two values `move` uses, the thumb held down throughout.
    const [x0, x1, y] = await control.evaluate((el) => {
      const input = el as HTMLInputElement;
      const min = Number(input.min || 0), max = Number(input.max || 100), start = Number(input.value);
      const step = Number(input.step) || 1;
      const other = start === max ? min : Math.min(max, start + Math.max(step, (max - min) / 4));
      const box = el.getBoundingClientRect();
      const at = (v: number) => box.left + 8 + ((v - min) / (max - min)) * (box.width - 16);
      return [at(start), at(other), box.top + box.height / 2];
    });
    await page.mouse.move(x0, y);
    await page.mouse.down();
    await settle();
    await page.evaluate(() => { (window as unknown as { benchFrames: number[] }).benchFrames = []; });
    for (let i = 0; i < moves; i++) {
      await page.mouse.move(i % 2 === 0 ? x1 : x0, y);
      await settle();
    }
    await page.mouse.up();
  } else if (kind === 'number' || kind === 'select') {
    // The arrow keys step a field and choose a select's next option; at the end, the other way.
    const atEnd = await control.evaluate((el) => (el instanceof HTMLSelectElement
      ? el.selectedIndex === el.options.length - 1
      : (el as HTMLInputElement).max !== '' && Number((el as HTMLInputElement).value) >= Number((el as HTMLInputElement).max)));
    const keys = kind === 'number' ? ['ArrowUp', 'ArrowDown'] : ['ArrowDown', 'ArrowUp'];
    if (atEnd) keys.reverse();
    await control.focus();
    for (let i = 0; i < moves; i++) {
      await page.keyboard.press(keys[i % 2]);
      await settle();
    }
  } else {
    // Clicks: a radio button and the one checked before it in turn; a checkbox or a button.
    const other = kind === 'radio'
      ? await control.evaluate((el) => {
        const input = el as HTMLInputElement;
        const group = Array.from(document.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${input.name}"]`));
        const was = group.find((r) => r.checked && r !== input) ?? group.find((r) => r !== input);
        was?.setAttribute('data-bench-other', '');
        return was !== undefined;
      })
      : false;
    const targets = other ? [control, page.locator('[data-bench-other]')] : [control];
    // A button's clicks, each from the page as it opened (as in `move`); the reset's click is
    // the page's own, not a trusted one, so it starts no clock.
    const restore = kind === 'button' && (await control.getAttribute('data-testid')) !== 'reset'
      ? () => page.evaluate(() => document.querySelector<HTMLElement>('article.demo [data-testid=reset]')?.click())
      : null;
    for (let i = 0; i < moves; i++) {
      if (restore && i > 0) {
        await restore();
        await settle();
      }
      const box = await targets[i % targets.length].boundingBox();
      if (box) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await settle();
    }
    if (other) await page.locator('[data-bench-other]').evaluate((el) => el.removeAttribute('data-bench-other'));
  }
  return page.evaluate(() => (window as unknown as { benchFrames: number[] }).benchFrames);
}
