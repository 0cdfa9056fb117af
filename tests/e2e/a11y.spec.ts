// axe-core on every page of the lab — home and each registered demo — in the light
// and dark themes and in presenter mode: no WCAG 2.1 A/AA violation.
import { test, expect, type Page } from '@playwright/test';
import { axe } from './axe';
import { Lab } from './lab';

const themes = [
  { name: 'light', scheme: 'light' as const, presenter: false },
  { name: 'dark', scheme: 'dark' as const, presenter: false },
  { name: 'presenter', scheme: 'light' as const, presenter: true },
];

async function violations(page: Page) {
  return (await axe(page)).map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const theme of themes) {
  test(`no axe violations on any page (${theme.name})`, async ({ page }) => {
    test.setTimeout(180_000);
    const lab = new Lab(page);
    await page.emulateMedia({ colorScheme: theme.scheme });
    await lab.open();
    if (theme.presenter) await page.getByTestId('presenter-toggle').click();
    const found: string[] = [];
    found.push(...(await violations(page)).map((v) => `home: ${v}`));
    for (const id of await lab.demoIds()) {
      // By the link: in presenter mode the navigation is folded into a menu.
      await page.evaluate((hash) => { location.hash = hash; }, `#/${id}`);
      await expect(lab.demo(id)).toBeVisible();
      found.push(...(await violations(page)).map((v) => `${id}: ${v}`));
    }
    expect(found).toEqual([]);
    expect(lab.errors).toEqual([]);
  });
}
