// A long run: the autoscaling animation played over and over at top speed, with wasm
// memory and the JS heap measured after a warm-up and at the end. Growth must stay ≤ 1 MB.
// Fake timers (page.clock) run the animation's 50 ms ticks as fast as the page can draw them.
import { test, expect } from '@playwright/test';
import { Lab } from '../e2e/lab';

// 150 replays of the 24 h run at an hour a second: 72,000 ticks, an hour of lecture at top speed.
const REPLAYS = Number(process.env.LONG_RUN_REPLAYS ?? 150);

test('replaying the autoscaling animation does not grow memory', async ({ page }) => {
  test.setTimeout(1_800_000);
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => {
      (window as any).__wasm = (e as CustomEvent).detail.wasm;
    });
  });
  await page.clock.install();
  const lab = new Lab(page);
  await lab.open('#/autoscaling');
  await page.getByTestId('preset-diurnal').click();
  await page.getByTestId('speed').selectOption('3600');
  // The JS heap through the DevTools protocol (page.clock replaces `performance`), after a GC.
  const cdp = await page.context().newCDPSession(page);
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    const wasm: number = await page.evaluate(() => (window as any).__wasm.memory.buffer.byteLength);
    return { wasm, heap };
  };
  let ticks = 0;
  const replay = async () => {
    await page.getByTestId('play').click();
    // 24 simulated hours at an hour a second: 24 s of 50 ms ticks.
    for (let i = 0; i < 500 && (await page.getByTestId('play').getAttribute('aria-pressed')) === 'true'; i++) {
      await page.clock.runFor(1_000);
      ticks += 20;
    }
  };
  await replay();
  const start = await measure();
  for (let r = 0; r < REPLAYS; r++) await replay();
  const end = await measure();
  const grew = { wasm: end.wasm - start.wasm, heap: end.heap - start.heap };
  console.log(`| long run | ${REPLAYS} replays, ${ticks} ticks | wasm ${(start.wasm / 1048576).toFixed(2)} → ${(end.wasm / 1048576).toFixed(2)} MB | JS heap ${(start.heap / 1048576).toFixed(2)} → ${(end.heap / 1048576).toFixed(2)} MB |`);
  expect(grew.wasm).toBeLessThanOrEqual(1_048_576);
  expect(grew.heap).toBeLessThanOrEqual(1_048_576);
  expect(lab.errors).toEqual([]);
});
