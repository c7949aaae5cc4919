// Every figure down to its entry (issue #21): from the overview's cost tile, one click to the
// breakdown, then by položka and month down to the ledger lines, each with its document, date and
// counterparty.
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('the clerk drills from the overview cost tile to a single entry with its document and counterparty', async ({
	page
}) => {
	await signIn(page, 'ekonom');
	await page.goto('/');
	await page.getByTestId('tile-budget').getByRole('link').click();
	await expect(page).toHaveURL(/\/costs\/breakdown\?year=\d{4}&kind=actual/);
	const total = (await page.getByTestId('drill-total').textContent())!;

	// The electricity položka: a narrower figure, then its first month.
	await page.getByTestId('drill-polozka').getByRole('link', { name: '5154', exact: true }).click();
	await expect(page).toHaveURL(/polozka=5154/);
	await expect(page.getByTestId('drill-total')).not.toHaveText(total);
	await page
		.getByTestId('drill-month')
		.locator('tbody tr')
		.first()
		.getByRole('link')
		.first()
		.click();
	await expect(page).toHaveURL(/polozka=5154.*month=\d+/);

	// Down to the entries: the document, the counterparty with its IČO, the file and row.
	await page.getByTestId('drill-entries').click();
	await expect(page).toHaveURL(/\/costs\/entries\?.*polozka=5154/);
	const row = page.locator('tbody tr').first();
	await expect(row.getByTestId('entry-document')).toHaveText(/^FP-\d{6}-\d{4}$/);
	await expect(row.getByTestId('entry-counterparty')).toContainText('ČEZ Prodej, a.s.');
	await expect(row.getByTestId('entry-counterparty')).toContainText('27232433');
	await expect(row).toContainText(/ucetnictvi-\d{4}\.csv/);
});

test('the ledger pages forward and back by each line’s place, the same lines either way', async ({
	page
}) => {
	await signIn(page, 'ekonom');
	const year = new Date().getFullYear() - 1;
	await page.goto(`/costs/entries?year=${year}&kind=actual`);
	const documents = () => page.getByTestId('entry-document').allTextContents();
	const first = await documents();
	expect(first.length).toBeGreaterThan(1);
	await page.getByRole('link', { name: 'Další' }).click();
	await expect(page).toHaveURL(/after=\d{4}-\d{2}-\d{2}\.\d+/);
	const second = await documents();
	expect(second.length).toBeGreaterThan(0);
	expect(second).not.toEqual(first);
	await page.getByRole('link', { name: 'Předchozí' }).click();
	await expect(page).toHaveURL(/before=\d{4}-\d{2}-\d{2}\.\d+/);
	expect(await documents()).toEqual(first);
	// The newest page has nothing newer to go to.
	await expect(page.getByRole('link', { name: 'Předchozí' })).toHaveCount(0);
});
