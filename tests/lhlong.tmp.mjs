import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
const [port, dist, ...pages] = process.argv.slice(2);
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
    console.log(`${page} score ${Math.round(lhr.categories.performance.score*100)} LCP ${a('largest-contentful-paint')} TBT ${a('total-blocking-time')} bench ${lhr.environment.benchmarkIndex}`);
    for (const t of lhr.audits['long-tasks'].details.items) console.log(`  long ${Math.round(t.startTime)} +${Math.round(t.duration)} ${t.url}`);
    for (const t of lhr.audits['bootup-time'].details.items) console.log(`  boot ${t.url} total ${Math.round(t.total)} script ${Math.round(t.scripting)} parse ${Math.round(t.scriptParseCompile)}`);
    for (const t of lhr.audits['mainthread-work-breakdown'].details.items) console.log(`  work ${t.group} ${Math.round(t.duration)}`);
  }
} finally { await chrome.kill(); server.kill(); }
