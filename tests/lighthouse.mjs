// Lighthouse scores (performance, accessibility, best practices, SEO) for the home page
// and each demo of the built lab, as a Markdown table. Run by scripts/lighthouse.sh.
import { spawn } from 'node:child_process';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const port = Number(process.env.LAB_PORT ?? 4180);
const pages = ['', ...process.argv.slice(2)];
const server = spawn('python3', ['serve.py', String(port), '../dist'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const rows = ['| page | performance | accessibility | best practices | SEO |', '|---|---|---|---|---|'];
try {
  for (const page of pages) {
    const url = `http://127.0.0.1:${port}/#/${page}`;
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      formFactor: 'desktop',
      screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false },
      throttlingMethod: 'provided',
    });
    const c = result.lhr.categories;
    const score = (k) => Math.round((c[k]?.score ?? 0) * 100);
    rows.push(`| ${page || 'home'} | ${score('performance')} | ${score('accessibility')} | ${score('best-practices')} | ${score('seo')} |`);
  }
} finally {
  await chrome.kill();
  server.kill();
}
console.log(rows.join('\n'));
