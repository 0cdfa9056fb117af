// A/B: one mobile Lighthouse run per page for the dist given; prints a line per run.
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
const [port, dist, name, ...pages] = process.argv.slice(2);
const server = spawn('python3', ['serve.py', port, dist, '--cdn'], { stdio: 'ignore' });
for (let i = 0; i < 600; i++) {
  const up = await new Promise((r) => { const s = connect(Number(port), '127.0.0.1', () => { s.end(); r(true); }); s.on('error', () => r(false)); });
  if (up) break; await new Promise((r) => setTimeout(r, 100));
}
const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--ignore-certificate-errors'] });
try {
  for (const page of pages) {
    const lhr = (await lighthouse(`https://127.0.0.1:${port}/#/${page}`, { port: chrome.port, output: 'json', onlyCategories: ['performance'] })).lhr;
    const a = (id) => Math.round(lhr.audits[id].numericValue);
    console.log(`${name}\t${page}\t${Math.round(lhr.categories.performance.score * 100)}\t${a('largest-contentful-paint')}\t${a('total-blocking-time')}\t${(lhr.audits['total-byte-weight'].numericValue / 1024).toFixed(1)}\t${lhr.environment.benchmarkIndex}	${(await import('node:fs')).readFileSync('/proc/loadavg','utf8').split(' ')[0]}`);
  }
} finally { await chrome.kill(); server.kill(); }
