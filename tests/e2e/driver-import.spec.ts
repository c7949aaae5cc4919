// Driver values from a file (issue #21): finance checks a file on the drivers page, sees its
// problems by row, then a good file's preview, confirms it, and the process card shows the unit
// cost year by year with the change from the year before explained by its parts.
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

const upload = (page: Page, name: string, text: string) =>
	page.getByLabel('Soubor', { exact: true }).setInputFiles({
		name,
		mimeType: 'text/csv',
		buffer: Buffer.from(text, 'utf8')
	});

test('finance imports driver values with a preview and sees the unit cost over time', async ({
	page
}) => {
	await signIn(page, 'ekonom');
	await page.goto('/costs/drivers');
	await page.waitForLoadState('networkidle');
	const importCard = page.getByTestId('driver-import');
	// the year the values are for: the one the page shows (no year column in the file)
	const year = await page.getByLabel('Rok (když soubor nemá sloupec rok)').inputValue();
	expect(year).toMatch(/^\d{4}$/);

	await upload(
		page,
		'spatne.csv',
		'Kód procesu;Kód veličiny;Hodnota\nP-EO;CASES;10\nP-XX;CASES;-1\n'
	);
	await importCard.getByRole('button', { name: 'Zobrazit náhled' }).click();
	const errors = page.getByTestId('import-errors');
	await expect(errors).toContainText('Řádek 3: Neznámý kód procesu „P-XX“.');
	await expect(errors).toContainText('Řádek 3: Hodnota -1 je záporná.');
	await expect(importCard.getByRole('button', { name: /Zapsat hodnoty/ })).toHaveCount(0);

	await upload(
		page,
		'velicny.csv',
		'Kód procesu;Kód veličiny;Hodnota\nP-EO;CASES;2 600\nP-OP;CASES;1 900,5\nP-EO;PCS;4\n'
	);
	await importCard.getByRole('button', { name: 'Zobrazit náhled' }).click();
	const preview = page.getByTestId('import-preview');
	await expect(preview.getByRole('row')).toHaveCount(4);
	await expect(preview.getByRole('row').nth(2)).toContainText('P-OP');
	await expect(preview.getByRole('row').nth(2)).toContainText(/1\s900,5/);
	await importCard.getByRole('button', { name: 'Zapsat hodnoty (3)' }).click();
	await expect(page.getByTestId('import-done')).toContainText('Zapsané hodnoty: 3');

	// The cases driver of that year now holds the file's values.
	await page.goto(`/costs/drivers?year=${year}`);
	await page
		.getByLabel('Vztahová veličina', { exact: true })
		.selectOption({ label: 'Počet případů (případ)' });
	await page.getByRole('button', { name: 'Zobrazit', exact: true }).click();
	await expect(page.getByLabel(/^P-OP/)).toHaveValue(/^1\s900,5$/);

	// The process card: every year with data, each change explained by parts that add up to it.
	await page.goto('/processes');
	await page
		.getByRole('link', { name: /Evidence obyvatel/ })
		.first()
		.click();
	const history = page.getByTestId('unit-cost-history');
	await expect(history.getByRole('heading', { name: 'Náklady na případ v čase' })).toBeVisible();
	const years = history.getByTestId('unit-cost-years').getByRole('row');
	expect(await years.count()).toBeGreaterThan(2);
	const parts = history.getByTestId('unit-cost-parts');
	await expect(parts.getByRole('rowheader', { name: 'Přímé náklady' })).toBeVisible();
	await expect(parts.getByRole('rowheader', { name: /^Režie útvaru OVV/ })).toBeVisible();
	await expect(parts.getByRole('rowheader', { name: 'Vliv počtu případů' })).toBeVisible();
	await expect(parts.getByRole('rowheader', { name: 'Změna celkem' })).toBeVisible();
	// The total of the latest comparison is a signed amount in Kč.
	await expect(parts.locator('[data-testid^="unit-cost-change-"]').last()).toContainText(
		/[+−]?\d[\d\s]*,\d{2}\s*Kč/
	);
});

test('the hours driver takes each modelled process’s hours from its model, the others stay typed', async ({
	page
}) => {
	await signIn(page, 'ekonom');
	await page.goto('/costs/drivers');
	await page.locator('#d-driver').selectOption({ label: 'Odpracované hodiny (h)' });
	await page.getByRole('button', { name: 'Zobrazit', exact: true }).click();
	await expect(page).toHaveURL(/driver=\d+/);
	await page.waitForLoadState('networkidle');
	const table = page.getByTestId('driver-values');
	// P-SR has a timed model in the demo: its hours stand beside the typed value.
	const modelled = (await table.getByTestId('modelled-P-SR').textContent())!.trim();
	expect(modelled).toMatch(/^\d[\d\s\u00a0]*$/);
	const unmodelled = table.getByRole('row').filter({ hasText: 'P-EO' });
	await expect(unmodelled.getByTestId('modelled-P-EO')).toHaveText('—');
	const typedBefore = await unmodelled.getByRole('textbox').inputValue();

	await page.getByTestId('fill-from-models').click();
	const sr = table.getByRole('row').filter({ hasText: 'P-SR' }).getByRole('textbox');
	await expect(sr).toHaveValue(modelled);
	await expect(unmodelled.getByRole('textbox')).toHaveValue(typedBefore);
	await page.getByRole('button', { name: 'Uložit hodnoty' }).click();
	await expect(page.getByRole('status')).toContainText('Uloženo');
	await page.reload();
	await expect(
		page
			.getByTestId('driver-values')
			.getByRole('row')
			.filter({ hasText: 'P-SR' })
			.getByRole('textbox')
	).toHaveValue(modelled);
});
