// Finance drops a KXX export on /costs/import: sees rows, skipped lines, the unknown ORJ and the
// totals per month, maps the ORJ in the same screen and imports; the same file again is refused
// as a duplicate; a later file covering one of its months replaces that month, and the year's
// total on /costs moves by exactly the difference (never doubled).
import { expect, test, type Page } from '@playwright/test';
import { kxxFile } from '../integration/imports-formats-files';
import { signIn } from './helpers';

const YEAR = 2025;

function upload(name: string, bytes: Uint8Array) {
	return { name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) };
}

/** The year's actual total on /costs in haléře. */
async function actualTotal(page: Page): Promise<number> {
	await page.goto(`/costs?year=${YEAR}`);
	const text = (await page.getByTestId('actual-total').textContent()) ?? '';
	const [whole, fraction = '0'] = text.replace(/[^\d,-]/g, '').split(',');
	return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
}

const fileA = kxxFile([
	{
		month: 3,
		year: YEAR,
		lines: [
			{ polozka: '5139', orj: '110', amount: 1_000_00n, text: 'Kancelářský papír' },
			{ polozka: '5169', orj: '555', amount: 500_00n },
			{ polozka: '1361', orj: '110', amount: 300_00n }
		]
	},
	{ month: 4, year: YEAR, lines: [{ polozka: '5139', orj: '110', amount: 2_000_00n }] }
]);
const fileB = kxxFile([
	{ month: 4, year: YEAR, lines: [{ polozka: '5139', orj: '110', amount: 2_500_00n }] },
	{ month: 5, year: YEAR, lines: [{ polozka: '5169', orj: '110', amount: 100_00n }] }
]);

test('finance imports KXX exports: unknown ORJ mapped, duplicate refused, a month replaced', async ({
	page
}) => {
	test.setTimeout(120_000);
	await signIn(page, 'ekonom');
	const before = await actualTotal(page);

	await page.goto('/costs/import');
	await page.waitForLoadState('networkidle');
	const fileInput = page.getByLabel('Soubor', { exact: true });
	await fileInput.setInputFiles(upload('ginis-2025-03.kxx', fileA));
	await page.getByRole('button', { name: 'Zobrazit náhled' }).click();
	const result = page.getByTestId('import-result');
	await expect(result.getByRole('heading', { name: /nic nebylo zapsáno/ })).toBeVisible();
	await expect(result).toContainText('KXX');
	await expect(result).toContainText('příjmy: 1');
	await expect(page.getByTestId('file-kind')).toContainText('Skutečnost');
	// The unknown ORJ with its row count, offered for mapping in the same form.
	const codes = page.getByTestId('unknown-codes');
	const select = codes.getByLabel('ORJ 555 (řádků: 1)');
	await expect(select).toBeVisible();
	const osv = await select.locator('option', { hasText: /^OSV – / }).getAttribute('value');
	await select.selectOption(osv!);

	await page.getByRole('button', { name: 'Zobrazit náhled' }).click();
	await expect(result.getByRole('heading', { name: /Náhled: soubor je v pořádku/ })).toBeVisible();
	await expect(page.getByTestId('replace-plan')).toContainText('Nic se nenahrazuje');
	// Totals per month before anything is written.
	await expect(result.getByRole('row', { name: /březen 2025/ })).toContainText('1 500,00');
	await expect(result.getByRole('row', { name: /duben 2025/ })).toContainText('2 000,00');

	await page.getByRole('button', { name: 'Importovat', exact: true }).click();
	await expect(result.getByRole('heading', { name: /Importováno jako dávka č\. \d+/ })).toBeVisible(
		{ timeout: 30_000 }
	);
	const batchA = Number(
		/(\d+)/.exec((await result.getByRole('heading', { level: 2 }).textContent()) ?? '')?.[1]
	);
	const classes = page.getByTestId('reconciliation-classes');
	await expect(classes.getByRole('row', { name: /březen 2025/ })).toContainText('1 500,00');
	expect(await actualTotal(page)).toBe(before + 3_500_00);

	// The mapping was saved with the import.
	await page.goto('/costs/mappings');
	await expect(page.getByRole('row', { name: /555/ }).first()).toContainText('OSV');

	// The same file again: refused as a duplicate, nothing written.
	await page.goto('/costs/import');
	await page.waitForLoadState('networkidle');
	await fileInput.setInputFiles(upload('ginis-2025-03.kxx', fileA));
	await page.getByRole('button', { name: 'Importovat', exact: true }).click();
	await expect(result.getByRole('heading', { name: /Soubor už byl importován/ })).toBeVisible();
	// One consistent story: importing it again would replace its own batch, so nothing doubles.
	await expect(page.getByTestId('duplicate-notice')).toContainText('nic se nezdvojí');
	await expect(page.getByTestId('duplicate-notice')).not.toContainText('zdvojilo');
	await expect(page.getByTestId('replace-plan')).toContainText(`dávka č. ${batchA}`);
	expect(await actualTotal(page)).toBe(before + 3_500_00);

	// A later file covering April replaces April of batch A and adds May.
	await page.goto('/costs/import');
	await page.waitForLoadState('networkidle');
	await fileInput.setInputFiles(upload('ginis-2025-04.kxx', fileB));
	await page.getByRole('button', { name: 'Zobrazit náhled' }).click();
	await expect(page.getByTestId('replace-plan')).toContainText(
		`Nahradí duben 2025 z KXX (GINIS a další) (dávka č. ${batchA}, ginis-2025-03.kxx`
	);
	await expect(page.getByTestId('replace-plan')).toContainText('vše ostatní zůstane');
	await page.getByRole('button', { name: 'Importovat', exact: true }).click();
	await expect(result.getByRole('heading', { name: /Importováno jako dávka č\. \d+/ })).toBeVisible(
		{ timeout: 30_000 }
	);
	await expect(page.getByTestId('replaced')).toContainText(`dávka č. ${batchA}`);
	expect(await actualTotal(page)).toBe(before + 1_000_00 + 500_00 + 2_500_00 + 100_00);
});
