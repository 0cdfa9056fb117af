// axe-core with the lab's rules (WCAG 2.1 A and AA), on the page as a reader sees each part of it.
// A demo's sections are rendered only near the screen (content-visibility in style.css), and axe
// reads colours from what is rendered: a section off screen would give it a wrong background.
// So every section is rendered for the check, and left as it was after.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

const RULES = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SECTIONS = 'article.demo > section';

/** The violations axe finds in `include` (default: the whole page). */
export async function axe(page: Page, include?: string) {
  await page.evaluate((s) => document.querySelectorAll<HTMLElement>(s).forEach((e) => { e.style.contentVisibility = 'visible'; }), SECTIONS);
  try {
    const builder = new AxeBuilder({ page }).withTags(RULES);
    return (await (include ? builder.include(include) : builder).analyze()).violations;
  } finally {
    await page.evaluate((s) => document.querySelectorAll<HTMLElement>(s).forEach((e) => { e.style.contentVisibility = ''; }), SECTIONS);
  }
}
