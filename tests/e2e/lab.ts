// A small page object for the lab: open a page, collect console errors, read the nav, and the
// steps every demo's spec repeats (read figures, type into a field, look at the link).
// Specs take `test` and `expect` from here: the `lab` fixture checks after each test that the
// page logged no error (a wasm panic, a CSP violation, a dialog).
import { test as base, expect, type Page } from '@playwright/test';

export { expect };

export const test = base.extend<{ lab: Lab }>({
  lab: async ({ page }, use) => {
    const lab = new Lab(page);
    await use(lab);
    expect(lab.errors).toEqual([]);
  },
});

export class Lab {
  /** Console errors, uncaught exceptions (a wasm panic is one), CSP violations, dialogs. */
  readonly errors: string[] = [];
  /** Every URL the page requested. */
  readonly requests: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.errors.push(msg.text());
    });
    page.on('pageerror', (err) => this.errors.push(err.message));
    page.on('request', (req) => this.requests.push(req.url()));
    page.on('dialog', async (dialog) => {
      this.errors.push(`dialog: ${dialog.message()}`);
      await dialog.dismiss();
    });
  }

  /** Opens a hash route such as `#/availability?slo=99` and waits for the app. */
  async open(hash = '#/', base = '/') {
    await this.page.goto(base + hash);
    await expect(this.page.locator('.lab-header')).toBeVisible();
  }

  /** Every demo id the navigation lists (the registry, as the page shows it). */
  async demoIds(): Promise<string[]> {
    const ids = await this.page.locator('nav a[data-testid^="nav-"]').evaluateAll((links) =>
      links.map((a) => a.getAttribute('data-testid')!.slice('nav-'.length)));
    return ids;
  }

  demo(id: string) {
    return this.page.getByTestId(`demo-${id}`);
  }

  /** The page shows the worked example's badges, and every one agrees (✓). */
  async allBadgesAgree() {
    const badges = this.page.locator('.worked');
    await expect(badges.first()).toBeVisible();
    await expect(this.page.locator('.worked.agrees')).toHaveCount(await badges.count());
  }

  /** The presenter stage, with each of these test ids (its controls, its figures) visible on it. */
  async stage(...ids: string[]) {
    const stage = this.page.getByTestId('stage');
    for (const id of ids) await expect(stage.getByTestId(id)).toBeVisible();
    return stage;
  }

  /** Each test id shows exactly its text (or matches its pattern), in the order given. */
  async shows(texts: Record<string, string | RegExp>) {
    for (const [id, text] of Object.entries(texts)) {
      await expect(this.page.getByTestId(id)).toHaveText(text);
    }
  }

  /** Each test id's text contains its text (or matches its pattern), in the order given. */
  async mentions(texts: Record<string, string | RegExp>) {
    for (const [id, text] of Object.entries(texts)) {
      await expect(this.page.getByTestId(id)).toContainText(text);
    }
  }

  /** Types `value` into the field with this test id and commits it with Enter. */
  async enter(id: string, value: string) {
    const field = this.page.getByTestId(id);
    await field.fill(value);
    await field.press('Enter');
  }

  /** Entering `bad` in a field shows `problem` in the problems box; entering `good` clears it. */
  async rejects(id: string, bad: string, problem: string | RegExp, good: string) {
    const problems = this.page.getByTestId('problems');
    await this.enter(id, bad);
    await expect(problems).toContainText(problem);
    await this.enter(id, good);
    await expect(problems).toHaveCount(0);
  }

  /** The address bar's link holds every one of these `key=value` pairs. */
  async linkHas(...pairs: string[]) {
    const hash = await this.hash();
    for (const pair of pairs) expect(hash).toContain(pair);
  }

  /** Resets the demo: the link goes back to its bare route (`#/cost`), the worked example. */
  async reset(route: string) {
    await this.page.getByTestId('reset').click();
    await expect.poll(() => this.hash()).toBe(route);
  }

  /** The fragment after `#`, once the address bar has caught up with the page: a demo writes
   * its link when its controls have rested for 150 ms (demos/src/address_bar.rs), so the link is
   * read again a rest later until two readings agree. */
  async hash(): Promise<string> {
    const read = () => this.page.evaluate(() => location.hash);
    for (let last = await read(); ;) {
      await this.page.waitForTimeout(250);
      const now = await read();
      if (now === last) return now;
      last = now;
    }
  }
}
