// Finance drops a KXX export with a položka no code list knows: the preview lists it with its rows
// and amount and refuses nothing yet; the clerk maps it to a known položka in the same form, the
// preview goes through, and the import writes it under the known code. Nothing is written before.
import { expect, test } from '@playwright/test';
import { kxxFile } from '../integration/imports-formats-files';
import { signIn } from './helpers';

const file = kxxFile([
	{
		month: 6,
		year: 2025,
		lines: [
			{ polozka: '5139', orj: '110', amount: 1_234_00n },
			{ polozka: '5998', orj: '110', amount: 15_50n },
			{ polozka: '5998', orj: '110', amount: 484_50n }
		]
	}
]);

test('finance maps an unknown položka in the preview and imports the file whole', async ({
	page
}) => {
	test.setTimeout(120_000);
	await signIn(page, 'ekonom');
	await page.goto('/costs/import');
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Soubor', { exact: true }).setInputFiles({
		name: 'cerven.kxx',
		mimeType: 'application/octet-stream',
		buffer: Buffer.from(file)
	});
	await page.getByRole('button', { name: 'Zobrazit náhled' }).click();
	const result = page.getByTestId('import-result');
	await expect(result.getByRole('heading', { name: /nic nebylo zapsáno/ })).toBeVisible();
	await expect(result).toContainText('Neznámé položky (5998) na 2 řádcích');

	const codes = page.getByTestId('unknown-codes');
	const select = codes.getByLabel('Položka 5998 (řádků: 2)');
	await expect(codes).toContainText('500,00');
	await select.selectOption('5139');
	await page.getByRole('button', { name: 'Zobrazit náhled' }).click();
	await expect(result.getByRole('heading', { name: /Náhled: soubor je v pořádku/ })).toBeVisible();
	await expect(result.getByRole('row', { name: /červen 2025/ })).toContainText('1 734,00');

	await page.getByRole('button', { name: 'Importovat', exact: true }).click();
	await expect(result.getByRole('heading', { name: /Importováno jako dávka č\. \d+/ })).toBeVisible(
		{
			timeout: 30_000
		}
	);
	// Written under the known položka: the reconciliation has 5139 with both amounts.
	await expect(page.getByTestId('reconciliation-classes')).toContainText('1 734,00');
});
