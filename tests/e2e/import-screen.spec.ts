// The import screen as finance reads it (issue #23): a file with thousands of bad rows shows what
// is wrong grouped by kind first, the full row list only on demand and as a download; an import
// says in one line whether the ledger matches the file; the English UI says KPI units and the
// paragraf column in English.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

function csv(name: string, lines: string[]) {
	return { name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n') + '\r\n', 'utf8') };
}

test('a file with many bad rows: the summary first, the full list on demand and as a CSV', async ({
	page
}) => {
	test.setTimeout(120_000);
	const badDates = 1500;
	const lines = ['Datum;ORJ;Položka;Částka;Popis výdaje'];
	for (let i = 0; i < badDates; i++) lines.push(`32.13.2025;0100;5139;10,00;papír ${i}`);
	lines.push('15.3.2025;0100;51x9;10,00;špatná položka');
	lines.push('16.3.2025;0100;5x39;10,00;špatná položka');
	await signIn(page, 'ekonom');
	await page.goto('/costs/import');
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Soubor', { exact: true }).setInputFiles(csv('mnoho-chyb.csv', lines));
	await page.getByRole('button', { name: 'Zobrazit náhled' }).click();
	const result = page.getByTestId('import-result');
	await expect(result.getByRole('heading', { name: /nic nebylo zapsáno/ })).toBeVisible();
	// The amount is the amount column, not the description named like one.
	await expect(page.getByLabel('Částka', { exact: true })).toHaveValue('Částka');

	// The summary: one line per kind of problem, the largest first, with its count and first rows.
	const summary = page.getByTestId('import-summary');
	const groups = summary.getByTestId('import-group');
	await expect(groups).toHaveCount(2);
	await expect(groups.first()).toContainText(`Datum – počet: ${(1500).toLocaleString('cs-CZ')}`);
	await expect(groups.first()).toContainText('řádek 2:');
	await expect(groups.nth(1)).toContainText('Položka – počet: 2');
	await expect(groups.nth(1)).toContainText(`řádek ${badDates + 2}:`);
	// The full list is there, but folded below the summary: the page is not a wall of rows.
	const all = page.getByTestId('import-all');
	await expect(all).not.toHaveAttribute('open');
	await expect(page.getByTestId('import-errors')).toBeHidden();
	const summaryBox = (await summary.boundingBox())!;
	const allBox = (await all.boundingBox())!;
	expect(summaryBox.y).toBeLessThan(allBox.y);
	expect(summaryBox.height).toBeLessThan(1000);

	// The download holds every message with its row, column and text.
	const download = page.waitForEvent('download');
	await page.getByTestId('import-download').click();
	const file = await download;
	expect(file.suggestedFilename()).toBe('chyby-mnoho-chyb.csv');
	const text = (await (await file.createReadStream()).toArray()).join('');
	expect(text.startsWith('\uFEFF')).toBe(true);
	const rows = text.slice(1).trimEnd().split(/\r\n/);
	expect(rows[0]).toBe('Řádek;Sloupec;Závažnost;Zpráva');
	expect(rows).toHaveLength(badDates + 2 + 1);
	expect(rows[1]).toMatch(/^2;Datum;chyba;/);

	// On demand: the list opens, a page at a time.
	await all.locator('summary').click();
	const table = page.getByTestId('import-errors');
	await expect(table).toBeVisible();
	await expect(table.locator('tbody tr')).toHaveCount(200);
	await page.getByTestId('import-more').click();
	await expect(table.locator('tbody tr')).toHaveCount(400);
	// No developer wording on the screen.
	await expect(result).not.toContainText('Zpracování');
	await expect(result).not.toContainText('file');
});

test('an import says in one line whether the ledger matches the file', async ({ page }) => {
	test.setTimeout(120_000);
	// Amounts of this run only, so an earlier run's rows are never the same rows.
	const cents = (Date.now() % 90_000) + 10_000;
	const amount = (n: number) => `${Math.floor(n / 100)},${String(n % 100).padStart(2, '0')}`;
	const lines = [
		'Datum;ORJ;Položka;Částka;Text',
		`10.2.2025;0100;5139;${amount(cents)};papír`,
		`11.2.2025;0100;5169;${amount(cents + 1)};služby`,
		`12.3.2025;0100;5139;${amount(cents + 2)};toner`
	];
	await signIn(page, 'ekonom');
	await page.goto('/costs/import');
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Soubor', { exact: true }).setInputFiles(csv('verdikt.csv', lines));
	await page.getByRole('button', { name: 'Importovat', exact: true }).click();
	const result = page.getByTestId('import-result');
	await expect(result.getByRole('heading', { name: /Importováno jako dávka č\. \d+/ })).toBeVisible(
		{ timeout: 30_000 }
	);
	const verdict = page.getByTestId('reconciliation-verdict');
	await expect(verdict).toHaveText('Sedí 3 / 3 součtů za měsíc a položku.');
	// The verdict comes first, the detail after it.
	const verdictBox = (await verdict.boundingBox())!;
	const detailBox = (await page.getByTestId('reconciliation').boundingBox())!;
	expect(verdictBox.y).toBeLessThan(detailBox.y);
	// The format by its name, no timings, no empty delimiter.
	await expect(result).toContainText('Obecné CSV s mapováním sloupců');
	await expect(result).not.toContainText(/\bms\b/);
	await expect(result).not.toContainText('„“');

	// Rolled back, so the demo's figures stay as they were.
	const heading = await result.getByRole('heading', { level: 2 }).textContent();
	const batch = heading!.match(/(\d+)/)![1];
	await page.goto('/costs/batches');
	const row = page.getByTestId(`batch-${batch}`);
	await expect(row).toContainText('nahráno v aplikaci');
	page.once('dialog', (dialog) => void dialog.accept());
	await row.getByRole('button', { name: 'Vrátit import' }).click();
	await expect(row).toContainText('vráceno');
});

test('the English UI says KPI units and the paragraf column in English', async ({ page }) => {
	await signIn(page, 'ekonom');
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	try {
		await page.goto('/goals');
		await page
			.getByRole('link', { name: /KPI-01/ })
			.first()
			.click();
		await expect(page).toHaveURL(/\/goals\/kpi\/\d+/);
		const main = page.locator('main');
		// KPI-01 is kept in days (stored as `dny`): English words everywhere it is shown.
		await expect(main.locator('dd').filter({ hasText: /^days$/ })).toHaveCount(1);
		await expect(main).toContainText(/Latest value: [\d.,]+ days? \(/);
		await page.goto('/costs/entries');
		await expect(page.getByRole('columnheader', { name: 'Section (paragraf)' })).toBeVisible();
		await page.goto('/goals/import');
		await expect(page.getByTestId('import-sample')).toContainText('period;code;value;comment');
	} finally {
		await page.getByRole('button', { name: 'Česky' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'cs');
	}
});

test('a CityVizor export with its events.csv: the unknown codes come with their names', async ({
	page
}) => {
	const fixture = (name: string) => path.resolve('tests/fixtures/imports/cityvizor-events', name);
	await signIn(page, 'ekonom');
	await page.goto('/costs/import');
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Soubor', { exact: true }).setInputFiles(fixture('data.csv'));
	await page.getByLabel(/^Číselník kódů/).setInputFiles(fixture('events.csv'));
	await page.getByRole('button', { name: 'Zobrazit náhled' }).click();
	await expect(page.getByTestId('import-result')).toContainText('CityVizor');
	const codes = page.getByTestId('unknown-codes');
	await expect(codes.getByLabel('ORG 42 – Revitalizace parku Na Výsluní (řádků: 2)')).toBeVisible();
	// A code the list does not name stays as it is.
	await expect(codes.getByLabel('ORG 77 (řádků: 1)')).toBeVisible();
});
