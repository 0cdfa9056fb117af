// The IaC drift demo in the browser: a clean plan by default, a console click shows up
// in the plan (and as drift in -refresh-only), apply puts it back or RDS holds it for the
// maintenance window, AWS refuses what it refuses, broken HCL keeps the last plan, deep
// links, the state lock and ignore_changes.
import { test, expect, Lab } from './lab';

const NO_CHANGES = 'No changes. Your infrastructure matches the configuration.';

test('opens on the worked example: no changes, the lock error, the baseline task count', async ({ page, lab }) => {
  await lab.open('#/iac-drift');
  await expect(page.getByTestId('plan-summary')).toHaveText(NO_CHANGES);
  await expect(page.getByTestId('plan')).toContainText(NO_CHANGES);
  await expect(page.getByTestId('parse-ok')).toContainText('13 resources');
  await expect(page.getByTestId('config-text')).toHaveValue(/desired_count   = 4/);
  await expect(page.getByTestId('configured-count')).toHaveText('4');
  await expect(page.getByTestId('lock-error')).toContainText('Error acquiring the state lock');
  await expect(page.getByTestId('apply-all')).toBeDisabled();
  await expect(page.getByTestId('careful-reader')).toContainText('aws_lb_listener');
  await expect(page.locator('.worked.agrees')).toHaveCount(2);
  await lab.allBadgesAgree();
});

test('a console click is drift; apply, step by step, puts it back or RDS holds it', async ({ page, lab }) => {
  await lab.open('#/iac-drift');
  await page.getByTestId('click-multi_az_off').click();
  await expect(page.getByTestId('plan')).toContainText(/~ multi_az\s+= false -> true/);
  await expect(page.getByTestId('plan-summary')).toHaveText('Plan: 0 to add, 1 to change, 0 to destroy.');
  await expect(page.getByTestId('plan').locator('span.change').first()).toBeVisible();
  // Terraform 1.2+: the plan does not repeat a drift it simply reverts; -refresh-only shows it.
  await page.getByTestId('command-refresh-only').check();
  await expect(page.getByTestId('refresh-only')).toContainText('Objects have changed outside of Terraform');
  await expect(page.getByTestId('refresh-only')).toContainText(/~ multi_az\s+= true -> false/);
  await expect(page.getByTestId('refresh-only')).toContainText('This is a refresh-only plan');
  expect(await lab.hash()).toContain('refresh_only=1');
  await page.getByTestId('command-plan').check();
  await expect(page.getByTestId('plan')).not.toContainText('Objects have changed outside of Terraform');
  expect(await lab.hash()).toContain('clicks=multi_az_off');
  // Two clicks, two steps: the first step shows half the log, the second finishes.
  await page.getByTestId('click-ssh').click();
  await expect(page.getByTestId('plan-summary')).toHaveText('Plan: 0 to add, 2 to change, 0 to destroy.');
  await expect(page.getByTestId('plan')).toContainText(/~ ingress\s+= \[/);
  await page.getByTestId('apply-step').click();
  await expect(page.getByTestId('apply-log')).toContainText('aws_db_instance.pg: Modifications complete');
  await expect(page.getByTestId('apply-log')).toContainText('1 of 2 steps done');
  await page.getByTestId('apply-step').click();
  await lab.mentions({
    'apply-log': 'Apply complete! Resources: 0 added, 2 changed, 0 destroyed.',
    'apply-note': 'The changes made in the console are gone',
  });
  // RDS holds Multi-AZ for the maintenance window: the plan still shows it until then.
  await expect(page.getByTestId('apply-note')).toContainText('maintenance window');
  await expect(page.getByTestId('plan-summary')).toHaveText('Plan: 0 to add, 1 to change, 0 to destroy.');
  expect(await lab.hash()).toBe('#/iac-drift');
  await page.getByTestId('click-maintenance_window').click();
  await expect(page.getByTestId('plan-summary')).toHaveText(NO_CHANGES);
  await expect(page.getByTestId('click-notes')).toContainText('multi_az = true');
});

test('a replacement makes what refers to it change; AWS refuses an engine downgrade', async ({ page, lab }) => {
  await lab.open('#/iac-drift');
  const editor = page.getByTestId('config-text');
  const text = await editor.inputValue();
  await editor.fill(text.replace('port        = 8080', 'port        = 8081'));
  await expect(page.getByTestId('plan-summary')).toHaveText('Plan: 1 to add, 1 to change, 1 to destroy.');
  await expect(page.getByTestId('plan')).toContainText('+ target_group_arn = (known after apply)');
  await page.getByTestId('reset').click();
  await page.getByTestId('click-engine_version').click();
  await expect(page.getByTestId('plan')).toContainText(/~ engine_version\s+= "16.4" -> "16.3"/);
  await page.getByTestId('apply-all').click();
  await expect(page.getByTestId('apply-log')).toContainText('Cannot upgrade postgres from 16.4 to 16.3');
  await expect(page.getByTestId('apply-log')).not.toContainText('Apply complete!');
  await expect(page.getByTestId('apply-failure')).toContainText('engine_version = "16.4"');
  await expect(page.getByTestId('plan-summary')).toHaveText('Plan: 0 to add, 1 to change, 0 to destroy.');
  const now = await editor.inputValue();
  await editor.fill(now.replace('"16.3"', '"16.4"'));
  await expect(page.getByTestId('plan-summary')).toHaveText(NO_CHANGES);
  await expect(page.getByTestId('apply-failure')).toHaveCount(0);
});

test('apply all, and an instance made by hand stays in the inventory only', async ({ page, lab }) => {
  await lab.open('#/iac-drift?clicks=ec2_by_hand,versioning_off');
  await lab.mentions({
    unmanaged: 'not Terraform output',
    plan: /~ status = "Suspended" -> "Enabled"/,
  });
  await page.getByTestId('apply-all').click();
  await expect(page.getByTestId('plan-summary')).toHaveText(NO_CHANGES);
  await lab.mentions({
    'apply-note': 'still running',
    unmanaged: 't3.large, no tags',
  });
});

test('broken HCL shows line and column and the last good plan stays', async ({ page, lab }) => {
  await lab.open('#/iac-drift');
  const editor = page.getByTestId('config-text');
  const text = await editor.inputValue();
  await editor.fill(text.replace('desired_count   = 4', 'desired_count   = 5'));
  await expect(page.getByTestId('plan')).toContainText(/~ desired_count\s+= 4 -> 5/);
  await editor.fill(text.replace('desired_count   = 4', 'desired_count   = '));
  const line = text.split('\n').findIndex((l) => l.includes('desired_count   = 4')) + 1;
  await expect(page.getByTestId('parse-error')).toContainText(new RegExp(`Line ${line}, column \\d+: `));
  await expect(page.getByTestId('plan')).toContainText(/~ desired_count\s+= 4 -> 5/);
  await expect(page.getByTestId('plan-summary')).toHaveText('Plan: 0 to add, 1 to change, 0 to destroy.');
  await page.getByTestId('reset').click();
  await expect(editor).toHaveValue(/desired_count   = 4/);
  await expect(page.getByTestId('parse-ok')).toBeVisible();
  await expect(page.getByTestId('plan-summary')).toHaveText(NO_CHANGES);
});

test('a deep link restores the clicks and the switches after a reload', async ({ page, lab }) => {
  await lab.open('#/iac-drift');
  await page.getByTestId('click-instance_class').click();
  await page.getByTestId('ignore').check();
  await page.getByTestId('lock_timeout').fill('300');
  await lab.linkHas('clicks=instance_class', 'ignore=1', 'lock_timeout=300');
  await page.reload();
  await expect(page.getByTestId('plan')).toContainText(/~ instance_class\s+= "db.r6g.xlarge" -> "db.r6g.large"/);
  await expect(page.getByTestId('ignore')).toBeChecked();
  await expect(page.getByTestId('config-text')).toHaveValue(/ignore_changes = \[desired_count\]/);
  await expect(page.getByTestId('lock-verdict')).toContainText('waited 90 s');
  await expect(page.getByTestId('lock-error')).toHaveCount(0);
});

test('the lock lesson: the second apply fails, waits with -lock-timeout, or runs after', async ({ page, lab }) => {
  await lab.open('#/iac-drift');
  const error = page.getByTestId('lock-error');
  await expect(error).toContainText('Error acquiring the state lock');
  await expect(error).toContainText('Who:       alice@laptop');
  await expect(page.getByTestId('lock-log')).toContainText('bob@ci-runner');
  await page.getByTestId('second_at').fill('200');
  await expect(error).toHaveCount(0);
  await expect(page.getByTestId('lock-verdict')).toContainText('took the free lock');
  // A time beyond the link's hour is refused in the lock's section; the plan stands.
  await page.getByTestId('apply_s-value').fill('5000');
  await page.getByTestId('apply_s-value').press('Tab');
  await expect(page.locator('section[aria-labelledby="lock-heading"] [data-testid=problems]')).toContainText("Alice's apply takes: must be between 0 and 3600 s.");
  await expect(page.getByTestId('plan-summary')).toHaveText(NO_CHANGES);
});

test('ignore_changes takes the autoscaler out of the plan', async ({ page, lab }) => {
  await lab.open('#/iac-drift');
  await page.getByTestId('autoscaler-burst').click();
  await expect(page.getByTestId('plan')).toContainText(/~ desired_count\s+= 8 -> 4/);
  await expect(page.getByTestId('running-count')).toHaveText('8');
  await expect(page.getByTestId('autoscaler-status')).toContainText('sets desired_count back to 4');
  await page.getByTestId('ignore').check();
  await expect(page.getByTestId('plan-summary')).toHaveText(NO_CHANGES);
  await expect(page.getByTestId('plan')).not.toContainText('desired_count');
  await expect(page.getByTestId('ignored-changes')).toContainText('aws_ecs_service.app.desired_count');
  await page.getByTestId('command-refresh-only').check();
  await expect(page.getByTestId('refresh-only')).toContainText(/~ desired_count\s+= 4 -> 8/);
  await expect(page.getByTestId('config-text')).toHaveValue(/ignore_changes = \[desired_count\]/);
});

test.describe('the HCL parser', () => {
  // Once it has cached the lab, the service worker fetches every module (offline use); these
  // tests are about what the page itself fetches.
  test.use({ serviceWorkers: 'block' });

  test('is a module fetched when typed text first needs reading', async ({ page }) => {
    const lab = new Lab(page);
    const parserModule = () => lab.requests.filter((u) => /\/split_hcl-[0-9a-f]{16}\.wasm$/.test(u));
    // PhotoShare's own text comes already read: opening the page fetches no parser.
    await lab.open('#/iac-drift');
    await expect(page.getByTestId('parse-ok')).toContainText('13 resources');
    await page.getByTestId('ignore').check();
    await expect(page.getByTestId('config-text')).toHaveValue(/ignore_changes = \[desired_count\]/);
    await page.waitForLoadState('networkidle');
    expect(parserModule()).toEqual([]);
    const editor = page.getByTestId('config-text');
    const text = await editor.inputValue();
    await editor.fill(text.replace('desired_count   = 4', 'desired_count   = 7'));
    await expect(page.getByTestId('configured-count')).toHaveText('7');
    expect(parserModule()).toHaveLength(1);
    await editor.fill(text.replace('resource "aws_s3_bucket"', 'resource "aws_s3_bucket" "x" "y"'));
    await expect(page.getByTestId('parse-error')).toContainText('A resource block needs two labels');
    expect(parserModule()).toHaveLength(1);
    expect(lab.errors).toEqual([]);
  });

  test('a parser that cannot load says so, and the page keeps the last text that parsed', async ({ page }) => {
    // The parser's module missing (a broken deployment).
    await page.route(/\/split_hcl-[0-9a-f]{16}\.wasm$/, (route) => route.fulfill({ status: 404, body: '' }));
    const lab = new Lab(page);
    await lab.open('#/iac-drift');
    await expect(page.getByTestId('parse-ok')).toContainText('13 resources');
    const editor = page.getByTestId('config-text');
    await editor.fill((await editor.inputValue()).replace('desired_count   = 4', 'desired_count   = 7'));
    await expect(page.getByTestId('parser-failed')).toContainText('The HCL parser, downloaded apart from the lab, could not start');
    await expect(page.getByTestId('parse-ok')).toHaveCount(0);
    await expect(page.getByTestId('plan-summary')).toHaveText(NO_CHANGES);
    await expect(page.getByTestId('configured-count')).toHaveText('4');
    // The only errors are the missing file's.
    expect(lab.errors.filter((e) => !/404|Failed to load|Failed to fetch|WebAssembly/.test(e))).toEqual([]);
  });
});
