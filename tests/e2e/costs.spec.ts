// Finance imports the sample accounting export through the mapping screen, sees the progress and
// the reconciled result, and rolls the batch back.
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { signIn } from './helpers';

const sample = path.resolve('tests/fixtures/costs/ucetnictvi-2025.csv');

test('the costs overview shows the headline figures, process costs and exports', async ({
	page
}) => {
	await signIn(page, 'ekonom');
	await page.goto('/costs');
	await expect(page.getByRole('heading', { level: 1, name: 'Náklady' })).toBeVisible();
	await expect(page.getByTestId('investment-share')).toHaveText(/\d+,\d\s%/);
	await expect(
		page.getByRole('heading', { name: 'Plné a jednotkové náklady procesů' })
	).toBeVisible();
	const csv = await page.request.get('/costs/export/processes?format=csv');
	expect(csv.status()).toBe(200);
	expect(csv.headers()['content-disposition']).toContain('.csv');
	expect(await csv.text()).toContain('Plné náklady');
	const xlsx = await page.request.get('/costs/export/units?format=xlsx');
	expect(xlsx.headers()['content-type']).toContain('spreadsheetml');

	// The process table comes a page at a time; the next page goes on where the first ended.
	const rows = page.locator('tr[data-testid^="process-cost-"]');
	await expect(rows).toHaveCount(25);
	const lastOnFirst = await rows.last().getAttribute('data-testid');
	const pager = page.getByRole('navigation', { name: 'Stránkování' });
	await pager.getByRole('link', { name: 'Další' }).click();
	await expect(page).toHaveURL(/page=2/);
	await expect(pager).toContainText('Strana 2');
	expect(await rows.count()).toBeGreaterThan(0);
	const codes = (await rows.evaluateAll((r) => r.map((e) => e.getAttribute('data-testid')!))).map(
		(id) => id.replace('process-cost-', '')
	);
	expect(codes[0] > lastOnFirst!.replace('process-cost-', '')).toBe(true);
	await expect(pager.getByRole('link', { name: 'Předchozí' })).toBeVisible();
});

test('finance imports the sample export through the mapping screen and rolls it back', async ({
	page
}) => {
	await signIn(page, 'ekonom');
	await page.goto('/costs/import');
	await page.getByLabel('Soubor', { exact: true }).setInputFiles(sample);
	await page.getByRole('button', { name: 'Zobrazit náhled' }).click();

	const result = page.getByTestId('import-result');
	await expect(result.getByRole('heading', { name: /Náhled: soubor je v pořádku/ })).toBeVisible();
	await expect(result).toContainText('windows-1250');
	// The mapping step: columns recognised by their Czech headers.
	await expect(page.getByLabel('Položka', { exact: true })).toHaveValue('Položka');
	await expect(page.getByLabel('Datum', { exact: true })).toHaveValue('Datum dokladu');
	await expect(page.getByLabel('ORJ', { exact: true })).toHaveValue('ORJ');

	// Hold the answer a moment so the progress is there to see.
	await page.route('**/costs/import?/import', async (route) => {
		await new Promise((r) => setTimeout(r, 800));
		await route.continue();
	});
	await page.getByRole('button', { name: 'Importovat', exact: true }).click();
	await expect(page.getByTestId('import-progress')).toBeVisible();
	await expect(result.getByRole('heading', { name: /Importováno jako dávka č\. \d+/ })).toBeVisible(
		{
			timeout: 30_000
		}
	);
	const reconciliation = page.getByTestId('reconciliation');
	await expect(reconciliation.getByText('sedí').first()).toBeVisible();
	await expect(reconciliation.getByText('nesedí')).toHaveCount(0);
	const heading = await result.getByRole('heading', { level: 2 }).textContent();
	const batch = heading!.match(/(\d+)/)![1];

	await page.goto('/costs/batches');
	const row = page.getByTestId(`batch-${batch}`);
	await expect(row).toContainText('ucetnictvi-2025.csv');
	await expect(row).toContainText('importováno');
	page.once('dialog', (dialog) => void dialog.accept());
	await row.getByRole('button', { name: 'Vrátit import' }).click();
	await expect(page.getByRole('status')).toContainText(`Dávka č. ${batch} byla vrácena`);
	await expect(row).toContainText('vráceno');
});

test('a bad file is refused with row-numbered messages and nothing is imported', async ({
	page
}) => {
	await signIn(page, 'ekonom');
	await page.goto('/costs/import');
	await page
		.getByLabel('Soubor', { exact: true })
		.setInputFiles(path.resolve('tests/fixtures/costs/bad-amount-letters.csv'));
	await page.getByRole('button', { name: 'Importovat', exact: true }).click();
	const result = page.getByTestId('import-result');
	await expect(result.getByRole('heading', { name: /nic nebylo zapsáno/ })).toBeVisible();
	await expect(page.getByTestId('import-summary')).toContainText('Částka „12a4,00“ není číslo.');
	await page.getByTestId('import-all').locator('summary').click();
	const errors = page.getByTestId('import-errors');
	await expect(errors.getByRole('row').nth(1)).toContainText('3');
	await expect(errors).toContainText('Částka „12a4,00“ není číslo.');
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Stáhnout seznam chyb (CSV)' }).click();
	expect((await download).suggestedFilename()).toBe('chyby-bad-amount-letters.csv');
});

test('a viewer sees the costs but not the import', async ({ page }) => {
	await signIn(page, 'host');
	await page.goto('/costs');
	await expect(page.getByRole('link', { name: 'Import' })).toHaveCount(0);
	const response = await page.goto('/costs/import');
	expect(response?.status()).toBe(403);
});

test('the target finance sets on /costs is the one the mayor sees on the overview', async ({
	browser
}) => {
	// The mayor's overview is drawn before the change (and kept per data version: page-cache.ts).
	const mayor = await browser.newPage();
	await signIn(mayor, 'starosta');
	await mayor.goto('/');
	await expect(mayor.getByTestId('tile-investment')).toContainText(/cíl 15(,0)?\s%/);

	const finance = await browser.newPage();
	await signIn(finance, 'ekonom');
	await finance.goto('/costs');
	await finance.waitForLoadState('networkidle');
	const target = finance.getByLabel('Cílový podíl investic');
	await expect(target).toHaveValue('15');
	await target.fill('17,5');
	await finance.getByRole('button', { name: 'Uložit' }).click();
	await expect(finance.getByRole('status').filter({ hasText: 'Uloženo.' })).toBeVisible();
	// A fresh load of the finance page shows what was saved, not the page drawn before.
	await finance.reload();
	await expect(finance.getByLabel('Cílový podíl investic')).toHaveValue('17,5');

	await mayor.goto('/');
	await expect(mayor.getByTestId('tile-investment')).toContainText(/cíl 17,5\s%/);

	// Put it back for the tests that follow.
	await finance.goto('/costs');
	await finance.waitForLoadState('networkidle');
	await finance.getByLabel('Cílový podíl investic').fill('15');
	await finance.getByRole('button', { name: 'Uložit' }).click();
	await expect(finance.getByRole('status').filter({ hasText: 'Uloženo.' })).toBeVisible();
	await finance.close();
	await mayor.close();
});
