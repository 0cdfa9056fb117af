// The Autoscaling demo in the browser: the worked example's sizing, the animation
// (play, step, jump to the end), bad input, deep links across a reload, and how long
// a whole simulated day takes from a slider move to the next paint.
import { test, expect } from './lab';

test('opens on the worked example: 14, 2 and 8 tasks', async ({ page, lab }) => {
  await lab.open('#/autoscaling');
  await lab.shows({
    'sizing-without-cdn': '14',
    'sizing-steady': '2',
    'sizing-burst': '8',
  });
  // The three task counts and "scale-out in ~60 s" (45 s to start + the first check 15 s later).
  await expect(page.locator('.worked.agrees')).toHaveCount(4);
  await expect(page.getByTestId('startup')).toContainText('takes traffic 1 min after launch');
  await lab.allBadgesAgree();
  await expect(page.getByTestId('run-tt')).toBeVisible();
  await expect(page.getByTestId('run-hpa')).toBeVisible();
  await lab.shows({
    'first-out-tt': '23:00 (3 min after the spike)',
    'first-out-hpa': '20:15 (15 s after the spike)',
  });
  // The worked example's 60 s cooldown is no longer than a task's start-up: target tracking
  // overshoots to 11 (the lesson of warm-up), then scales in slowly.
  await lab.shows({
    'peak-tt': '11',
    'overshoot-tt': '3 more than the 8 the peak needs',
    'overshoot-hpa': 'none',
    'bad-minutes-tt': '5',
  });
  // The stage's headline: each policy's share dropped, the same run as the table's counts.
  await lab.shows({ 'drops-tt': '5.95 %', 'drops-hpa': '2.23 %' });
  await lab.mentions({
    'dropped-tt': '(5.95 %)',
    'warm-up-note': 'Warm-up matters',
    'burst-note': '7.5× burst',
  });
  await expect(page.getByTestId('documented').locator('li')).toHaveCount(6);
  await expect(page.getByTestId('documented')).toContainText('starts once a scale-out succeeds');
  await expect(page.getByTestId('playhead')).toHaveText('2:00:00 of 2:00:00');
});

test('playing the animation moves the charts and the numbers', async ({ page, lab }) => {
  await lab.open('#/autoscaling');
  const tasks = page.getByTestId('run-tt').getByTestId('tasks-chart').locator('canvas');
  const full = await tasks.getAttribute('aria-label');
  expect(full).toContain('the most desired so far 11');
  await page.getByTestId('speed').selectOption('900');
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
  await expect(tasks).not.toHaveAttribute('aria-label', full!);
  const first = await page.getByTestId('now-tt').textContent();
  await expect(page.getByTestId('now-tt')).not.toHaveText(first!);
  // At 15 simulated minutes a second the spike (20:00) is met within a few seconds.
  await expect(tasks).toHaveAttribute('aria-label', /the most desired so far ([4-9]|1[01])\./, { timeout: 15_000 });
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
  const paused = await page.getByTestId('playhead').textContent();
  await page.waitForTimeout(300);
  await expect(page.getByTestId('playhead')).toHaveText(paused!);
  await page.getByTestId('end').click();
  await expect(page.getByTestId('playhead')).toHaveText('2:00:00 of 2:00:00');
  await expect(tasks).toHaveAttribute('aria-label', full!);
});

test('step moves one minute at a time', async ({ page, lab }) => {
  await lab.open('#/autoscaling');
  await page.getByTestId('step').click();
  await expect(page.getByTestId('playhead')).toHaveText('00:00 of 2:00:00');
  await expect(page.getByTestId('now-tt')).toContainText('00:00: 2 of 2 tasks in service');
  await page.getByTestId('step').click();
  await page.getByTestId('step').click();
  await expect(page.getByTestId('playhead')).toHaveText('02:00 of 2:00:00');
  await expect(page.getByTestId('now-tt')).toContainText('02:00:');
  // Changing a parameter while paused shows the whole new run.
  await page.getByTestId('hit').fill('90');
  await expect(page.getByTestId('playhead')).toHaveText('2:00:00 of 2:00:00');
});

test('bad input shows the problem and the demo keeps working', async ({ page, lab }) => {
  await lab.open('#/autoscaling');
  await lab.enter('min', '30');
  await expect(page.getByTestId('problems')).toContainText('The minimum (30) must not be above the maximum (20).');
  await expect(page.getByTestId('load-chart').locator('canvas')).toHaveAttribute('aria-label', /not valid/);
  await lab.enter('min', '2');
  await expect(page.getByTestId('problems')).toHaveCount(0);
  await lab.enter('points', '0:1200,x');
  await expect(page.getByTestId('points-error')).toContainText('point 2');
  await lab.enter('points', '0:1200,600:5000');
  await expect(page.getByTestId('points-error')).toHaveCount(0);
  await expect(page.getByTestId('prof-custom')).toBeChecked();
  await page.getByTestId('cap').fill('10');
  await page.getByTestId('cap').fill('150');
  await expect(page.getByTestId('sizing-burst')).toHaveText('8');
});

test('a scale-out cooldown longer than the start-up lands on 8 tasks', async ({ page, lab }) => {
  await lab.open('#/autoscaling');
  await page.getByTestId('preset-cooldown').click();
  await lab.shows({
    'peak-tt': '8',
    'overshoot-tt': 'none',
    'bad-minutes-tt': '6',
  });
  expect(await lab.hash()).toContain('out=120');
  // A slower first check (30 s interval) takes the start-up past "~60 s": the badge loses its ✓.
  await page.getByTestId('hi').fill('30');
  await expect(page.getByTestId('startup')).toContainText('1 min 15 s after launch');
  await expect(page.getByTestId('startup').locator('.worked:not(.agrees)')).toHaveCount(1);
});

test('the flapping preset flaps; the worked example does not', async ({ page, lab }) => {
  await lab.open('#/autoscaling');
  await page.getByTestId('preset-flapping').click();
  const flaps = Number(await page.getByTestId('flaps-tt').textContent());
  expect(flaps).toBeGreaterThanOrEqual(10);
  await page.getByTestId('scalein-conservative').check();
  await page.getByTestId('in').fill('300');
  await expect(page.getByTestId('flaps-tt')).toHaveText('0');
});

test('a deep link restores the state after a reload', async ({ page, lab }) => {
  await lab.open('#/autoscaling');
  await page.getByTestId('hit').fill('80');
  await page.getByTestId('compare-2').selectOption('fixed');
  await expect(page.getByTestId('sizing-steady')).toHaveText('3');
  await expect(page.getByTestId('run-fixed')).toBeVisible();
  const hash = await lab.hash();
  expect(hash).toContain('hit=80');
  expect(hash).toContain('pol=tt%2Cfixed');
  expect(hash).not.toContain('playhead');
  await page.reload();
  await lab.shows({
    'sizing-steady': '3',
    'sizing-burst': '20',
  });
  await expect(page.getByTestId('hit')).toHaveValue('80');
  await expect(page.getByTestId('run-fixed')).toBeVisible();
  await lab.reset('#/autoscaling');
});

// Two timings, logged for the README: "work" ends at the first macrotask after the input
// (Leptos runs its effects, the simulation and the chart redraws, in microtasks before it);
// "paint" ends at the next animation frame. The machine's load inflates both.
test('measure: a 24 h day at 1 s steps, from a slider move to the next paint', async ({ page, lab }) => {
  await lab.open('#/autoscaling');
  await page.getByTestId('preset-diurnal').click();
  await expect(page.getByTestId('playhead')).toHaveText('24:00:00 of 24:00:00');
  const time = (what: 'slider' | 'step' | 'nothing') => page.evaluate(async (what) => {
    const slider = document.querySelector<HTMLInputElement>('[data-testid="dur"]')!;
    const step = document.querySelector<HTMLButtonElement>('[data-testid="step"]')!;
    const frame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
    const task = () => new Promise<number>((resolve) => setTimeout(() => resolve(performance.now()), 0));
    const work: number[] = [];
    const paint: number[] = [];
    for (let i = 0; i < 20; i++) {
      await frame();
      const start = performance.now();
      if (what === 'slider') {
        slider.value = i % 2 === 0 ? '85800' : '86400';
        slider.dispatchEvent(new Event('input', { bubbles: true }));
      } else if (what === 'step') {
        step.click();
      }
      const done = task();
      const painted = frame();
      work.push((await done) - start);
      paint.push((await painted) - start);
    }
    return { work, paint };
  }, what);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const slider = await time('slider');
  const step = await time('step');
  const idle = await time('nothing');
  console.log(`autoscaling, diurnal day (86,400 one-second steps, 2 policies): ` +
    `duration slider → work done median ${median(slider.work).toFixed(1)} ms, → next paint ${median(slider.paint).toFixed(1)} ms; ` +
    `one animation step → work done ${median(step.work).toFixed(1)} ms, → next paint ${median(step.paint).toFixed(1)} ms; ` +
    `doing nothing → ${median(idle.work).toFixed(1)} ms, ${median(idle.paint).toFixed(1)} ms`);
  // Whatever the machine, a whole day must stay interactive.
  expect(median(slider.paint)).toBeLessThan(1_000);
});
