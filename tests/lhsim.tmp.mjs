// Lighthouse mobile run, then its own simulation of the page graph: every CPU node whose simulated
// duration >= 40 ms, with simulated start, observed start, what it ran and what it waited on.
// usage (copy into tests/): node lhsim.mjs PORT DIST page [runs]
import { spawn } from 'node:child_process';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { PageDependencyGraph } from 'lighthouse/core/computed/page-dependency-graph.js';
import { LoadSimulator } from 'lighthouse/core/computed/load-simulator.js';
const [port, dist, page, runs = '1'] = process.argv.slice(2);
const server = spawn('python3', ['serve.py', port, dist, '--cdn'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 4000));
const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--ignore-certificate-errors'] });
const short = (u) => (u ?? '').split('/').pop().replace(/-[0-9a-f]{16}/, '');
try {
  for (let i = 0; i < Number(runs); i++) {
    const { lhr, artifacts } = await lighthouse(`https://127.0.0.1:${port}/#/${page}`, { port: chrome.port, output: 'json', onlyCategories: ['performance'] });
    const a = lhr.audits;
    console.log(`${page} perf ${Math.round(lhr.categories.performance.score * 100)} FCP ${Math.round(a['first-contentful-paint'].numericValue)} LCP ${Math.round(a['largest-contentful-paint'].numericValue)} TBT ${Math.round(a['total-blocking-time'].numericValue)} TTI ${Math.round(a['interactive'].numericValue)}`);
    const settings = lhr.configSettings;
    const context = { computedCache: new Map(), settings };
    const graph = await PageDependencyGraph.request({ settings, trace: artifacts.Trace, devtoolsLog: artifacts.DevtoolsLog, URL: artifacts.URL, SourceMaps: artifacts.SourceMaps, fromTrace: false }, context);
    const sim = (await LoadSimulator.request({ devtoolsLog: artifacts.DevtoolsLog, settings }, context)).simulate(graph, { label: 'x' });
    let t0 = Infinity; for (const [n] of sim.nodeTimings) if (n.type === 'cpu') t0 = Math.min(t0, n.event.ts);
    const rows = [...sim.nodeTimings].sort((x, y) => x[1].startTime - y[1].startTime);
    const fcp = a['first-contentful-paint'].numericValue, tti = a['interactive'].numericValue;
    const by = new Map();
    for (const [n, t] of rows) {
      if (n.type === 'cpu' && t.duration > 50 && t.startTime + t.duration > fcp && t.startTime < tti) {
        const names = new Set(n.childEvents.map((e) => e.name));
        const kind = names.has('TimerFire') ? 'timer(mount)' : names.has('FireAnimationFrame') ? 'animation frame' : names.has('v8.wasm.compileConsume') ? 'wasm stream' : (n.childEvents.filter((e) => e.name === 'Layout').reduce((x, e) => x + e.dur, 0) > n.event.dur / 2) ? 'layout' : names.has('FunctionCall') ? 'other script (pieces)' : 'other';
        const b = by.get(kind) ?? [0, 0]; b[0] += t.duration - 50; b[1]++; by.set(kind, b);
      }
      if (n.type === 'network') { if (/wasm|\.js/.test(n.request.url)) console.log(`  net ${Math.round(t.startTime)}-${Math.round(t.endTime)} ${short(n.request.url)} ${Math.round((n.request.transferSize ?? 0) / 1024)}KB`); continue; }
      if (t.duration < 40) continue;
      const kids = new Map(); for (const e of n.childEvents) if (e.dur > 500) kids.set(e.name, (kids.get(e.name) ?? 0) + e.dur / 1000);
      const deps = n.getDependencies().map((d) => d.type === 'network' ? short(d.request.url) : `cpu@${Math.round((d.event.ts - t0) / 1000)}`).join(',');
      console.log(`  cpu sim@${Math.round(t.startTime)} ${Math.round(t.duration)} ms  obs@${Math.round((n.event.ts - t0) / 1000)} ${(n.event.dur / 1000).toFixed(0)} ms  deps[${deps}]  {${[...kids].sort((x, y) => y[1] - x[1]).slice(0, 4).map(([k, v]) => `${k} ${v.toFixed(0)}`).join('; ')}}`);
    }
    console.log('  TBT by kind: ' + [...by].map(([k, [v, c]]) => `${k} ${Math.round(v)} (${c})`).join(', '));
  }
} finally { await chrome.kill(); server.kill(); }
