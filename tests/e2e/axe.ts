// axe-core with the lab's rules (WCAG 2.1 A and AA). A demo's sections are rendered only near the
// screen until the page has laid each out in turn (in_turn.rs), and axe reads colours and boxes
// from what is rendered: the check waits until every section is.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

const RULES = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The violations axe finds in `include` (default: the whole page). */
export async function axe(page: Page, include?: string) {
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.in-turn > section')]
    .every((s) => s.style.contentVisibility === 'visible'));
  const builder = new AxeBuilder({ page }).withTags(RULES);
  return (await (include ? builder.include(include) : builder).analyze()).violations;
}
