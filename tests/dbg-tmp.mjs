import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu'] });
const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
const page = await ctx.newPage();
await page.goto(`http://127.0.0.1:4360/#/${process.argv[2]}`);
await page.waitForSelector('main article');
await page.waitForTimeout(300);
console.log(await page.evaluate((sel) => {
  const t = document.querySelector(sel);
  const chain = [];
  for (let el = t; el; el = el.parentElement) {
    const b = el.getBoundingClientRect(); const cs = getComputedStyle(el);
    chain.push(`${el.tagName}.${el.className} w=${Math.round(b.width)} right=${Math.round(b.right)} ox=${cs.overflowX} pos=${cs.position} sw=${el.scrollWidth}`);
  }
  return chain.join('\n');
}, process.argv[3]));
await browser.close();
