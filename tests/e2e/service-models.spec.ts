// The Service models demo in the browser: the matrix and its line, PhotoShare's
// tiers on it, the self-check's feedback, deep links across a reload (bad links: bad-links.spec.ts).
import { test, expect } from './lab';

test('opens on the worked example: app tier in containers, data tier in PaaS', async ({ page, lab }) => {
  await lab.open('#/service-models');
  const matrix = page.getByTestId('matrix');
  await expect(matrix.locator('tbody tr')).toHaveCount(9);
  await expect(matrix.locator('thead th[scope="col"]')).toHaveCount(7);
  // The line climbs column by column.
  await lab.shows({
    'split-iaas': '5 yours · 4 provider\'s',
    'split-caas': '4 yours · 1 shared · 4 provider\'s',
    'split-saas': '1 yours · 8 provider\'s',
  });
  await expect(matrix.locator('td.line')).toHaveCount(6);
  await lab.mentions({
    'col-caas': 'App tier',
    'col-paas': 'Database',
    'tier-app': 'Containers (CaaS)',
  });
  await lab.mentions({
    'tier-app': 'ECS Fargate',
    'tier-db': 'PaaS',
  });
  await expect(page.locator('.worked')).toHaveCount(4);
  await lab.allBadgesAgree();
  await expect(page.getByTestId('score')).toHaveText('0 of 7 answered, 0 right.');
  const documented = page.getByTestId('documented').locator('li');
  await expect(documented).toHaveCount(6);
  await expect(documented.first().locator('a')).toHaveAttribute('href', 'https://aws.amazon.com/compliance/shared-responsibility-model/');
});

test('choosing a tier highlights its model and lists who does what', async ({ page, lab }) => {
  await lab.open('#/service-models');
  await page.getByTestId('tier-db').locator('input').check();
  await expect(page.getByTestId('col-paas')).toHaveClass(/highlight/);
  const card = page.getByTestId('tier-card');
  await expect(card).toContainText('RDS for PostgreSQL');
  await expect(card).toContainText('Azure Database for PostgreSQL');
  await expect(card).toContainText('7 days');
  await expect(page.getByTestId('tier-model')).toHaveText('PaaS');
  await page.getByTestId('col-faas').locator('button').click();
  await expect(page.getByTestId('col-faas')).toHaveClass(/highlight/);
  await expect(page.getByTestId('col-paas')).not.toHaveClass(/highlight/);
  await expect(page.getByTestId('model-scaling')).toContainText('down to zero');
});

test('the self-check answers at once, right or wrong, and keeps score', async ({ page, lab }) => {
  await lab.open('#/service-models');
  await page.getByTestId('q1-option-1').check();
  await expect(page.getByTestId('q1-feedback')).toContainText('Not quite');
  await expect(page.getByTestId('q1-feedback')).toContainText('The answer: The cloud provider');
  await page.getByTestId('q2-option-1').check();
  await expect(page.getByTestId('q2-feedback')).toContainText('Right.');
  await expect(page.getByTestId('score')).toHaveText('2 of 7 answered, 1 right.');
  expect(await lab.hash()).toContain('ans=00');
});

test('a deep link restores the exact state after a reload', async ({ page, lab }) => {
  await lab.open('#/service-models');
  await page.getByTestId('tier-app').locator('input').check();
  await page.getByTestId('q5-option-1').check();
  await lab.linkHas('tier=app', 'ans=----0');
  await page.reload();
  await expect(page.getByTestId('tier-app').locator('input')).toBeChecked();
  await expect(page.getByTestId('col-caas')).toHaveClass(/highlight/);
  await expect(page.getByTestId('q5-feedback')).toContainText('Right.');
  await expect(page.getByTestId('score')).toHaveText('1 of 7 answered, 1 right.');
  await lab.reset('#/service-models');
});

test('the stage: the tiers, the chosen model and the layers each model leaves you', async ({ page, lab }) => {
  await lab.open('#/service-models');
  const stage = await lab.stage('tier-app');
  await expect(stage.getByTestId('stage-model')).toHaveText('choose a tier');
  const chart = stage.getByTestId('layers-chart').locator('canvas');
  await expect(chart).toHaveAttribute('aria-label', /IaaS: 5 yours, 0 shared, 4 the provider's; Containers \(CaaS\): 4 yours, 1 shared, 4 the provider's/);
  await stage.getByTestId('tier-db').locator('input').check();
  await expect(stage.getByTestId('stage-model')).toHaveText('PaaS');
  await expect(stage.getByTestId('stage-yours')).toHaveText(/^\d+$/);
  await expect(page.getByTestId('tier-model')).toHaveText('PaaS');
});
