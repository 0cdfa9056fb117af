// Lighthouse scores for the home page and the pages scripts/lighthouse.sh names, as a Markdown
// table: the default mobile run (simulated slow 4G, 4x slower CPU) and the desktop preset, both
// against serve.py --cdn (HTTPS, brotli like CloudFront).
// One mobile run varies by more than the lab's changes (TBT 21-228 ms for one page and build on
// this machine), so each page is run LH_RUNS times (default 5) and the table gives Lighthouse's
// own median run (computeMedianRun, as Lighthouse's docs/variability.md advises), with the
// range of the score and of TBT over the runs beside it.
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import lighthouse from 'lighthouse';
import desktop from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';

const port = Number(process.env.LAB_PORT ?? 4180);
const pages = ['', ...process.argv.slice(2)];
const runs = Math.max(1, Number(process.env.LH_RUNS ?? 5));
const server = spawn('python3', ['serve.py', String(port), '../dist', '--cdn'], { stdio: 'ignore' });
await waitForServer(port);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
    '--ignore-certificate-errors'],
});
const flags = { port: chrome.port, output: 'json', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] };
const rows = [
  `| page | mobile performance (median run; ${runs} runs' range) | FCP | LCP | TBT (range) | transferred | LCP element | desktop performance | accessibility | best practices | SEO |`,
  '|---|---|---|---|---|---|---|---|---|---|---|',
];
try {
  for (const page of pages) {
    const url = `https://127.0.0.1:${port}/#/${page}`;
    const all = [];
    for (let i = 0; i < runs; i++) all.push((await lighthouse(url, flags)).lhr);
    const mobile = computeMedianRun(all);
    const wide = (await lighthouse(url, flags, desktop)).lhr;
    const score = (lhr, k) => Math.round((lhr.categories[k]?.score ?? 0) * 100);
    const ms = (id) => `${Math.round(mobile.audits[id].numericValue)} ms`;
    const range = (f) => { const xs = all.map(f); return `${Math.min(...xs)}–${Math.max(...xs)}`; };
    const perf = `${score(mobile, 'performance')} (${range((l) => score(l, 'performance'))})`;
    const tbt = `${ms('total-blocking-time')} (${range((l) => Math.round(l.audits['total-blocking-time'].numericValue))})`;
    const kb = `${(mobile.audits['total-byte-weight'].numericValue / 1024).toFixed(1)} KB`;
    const lcp = mobile.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.selector ?? '?';
    rows.push(`| ${page || 'home'} | ${perf} | ${ms('first-contentful-paint')} | `
      + `${ms('largest-contentful-paint')} | ${tbt} | ${kb} | \`${lcp}\` | `
      + `${score(wide, 'performance')} | ${score(mobile, 'accessibility')} | `
      + `${score(mobile, 'best-practices')} | ${score(mobile, 'seo')} |`);
  }
} finally {
  await chrome.kill();
  server.kill();
}
console.log(rows.join('\n'));

// The server compresses every file before it listens; wait until it does.
async function waitForServer(port) {
  for (let i = 0; i < 600; i++) {
    const up = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1', () => { socket.end(); resolve(true); });
      socket.on('error', () => resolve(false));
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no server on port ${port}`);
}
