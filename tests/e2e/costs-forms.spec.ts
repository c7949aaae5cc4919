// The cost screens' forms as finance uses them: the natures table filtered, changed and saved
// once (all rows or none), the manual entry form above its table, the process costs sorted and
// linked to each process card, and the card's cost breakdown landing on its own process.
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

const natureSelect = (page: Page, polozka: string) =>
	page.getByRole('combobox', { name: `Povaha ${polozka}`, exact: true });

async function openMappings(page: Page) {
	await page.goto('/costs/mappings');
	// Changes made before hydration would not be tracked.
	await page.waitForLoadState('networkidle');
}

test('the natures table filters, takes two changes and saves them at once', async ({ page }) => {
	await signIn(page, 'ekonom');
	await openMappings(page);
	const box = page.getByTestId('natures-box');
	// The list scrolls in its own box: the page is not thousands of pixels tall.
	const height = await page.evaluate(() => document.documentElement.scrollHeight);
	expect(height).toBeLessThan(4000);
	expect(await box.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);

	await page.getByLabel('Kód nebo název').fill('513');
	await expect(page.getByTestId('nature-row-5136')).toBeVisible();
	await expect(page.getByTestId('nature-row-5011')).toBeHidden();
	await page.getByLabel('Povaha', { exact: true }).selectOption({ label: 'Variabilní' });
	await expect(page.getByTestId('nature-row-5131')).toBeHidden(); // potraviny: fixed

	const save = page.getByRole('button', { name: 'Uložit změny povahy' });
	await expect(save).toBeDisabled();
	await natureSelect(page, '5136').selectOption('fixed');
	await natureSelect(page, '5139').selectOption('fixed');
	await expect(page.getByTestId('natures-changed')).toHaveText('Změněných řádků: 2');
	// Only the changed rows are sent.
	const sent = page.waitForRequest((r) => r.url().includes('?/natures'));
	await save.click();
	const body = (await sent).postData() ?? '';
	expect(body).toContain('nature.5136');
	expect(body).toContain('nature.5139');
	expect(body).not.toContain('nature.5134');
	await expect(page.getByRole('status').filter({ hasText: 'Uloženo' })).toHaveText(
		'Uloženo. Změněných položek: 2.'
	);

	// Both saved: a fresh page shows them, and the nature filter now finds them under fixed.
	await openMappings(page);
	await expect(natureSelect(page, '5136')).toHaveValue('fixed');
	await expect(natureSelect(page, '5139')).toHaveValue('fixed');
	await page.getByLabel('Povaha', { exact: true }).selectOption({ label: 'Fixní' });
	await expect(page.getByTestId('nature-row-5139')).toBeVisible();

	// Back as the demo had them, in one save again.
	await page.getByLabel('Povaha', { exact: true }).selectOption({ label: 'vše' });
	await natureSelect(page, '5136').selectOption('variable');
	await natureSelect(page, '5139').selectOption('variable');
	await page.getByRole('button', { name: 'Uložit změny povahy' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Uloženo' })).toBeVisible();
});

test('a row saved by someone else meanwhile refuses the whole save and is named', async ({
	page,
	browser
}) => {
	await signIn(page, 'ekonom');
	await openMappings(page);

	// A colleague saves 5164 after this page was loaded.
	const other = await browser.newContext();
	const colleague = await other.newPage();
	await signIn(colleague, 'admin');
	await openMappings(colleague);
	await natureSelect(colleague, '5164').selectOption('fixed');
	await colleague.getByRole('button', { name: 'Uložit změny povahy' }).click();
	await expect(colleague.getByRole('status').filter({ hasText: 'Uloženo' })).toBeVisible();

	await natureSelect(page, '5163').selectOption('fixed');
	await natureSelect(page, '5164').selectOption('investment');
	await page.getByRole('button', { name: 'Uložit změny povahy' }).click();
	await expect(page.getByRole('alert')).toContainText('Položku 5164 mezitím uložil někdo jiný');
	await expect(page.getByRole('alert')).toContainText('Neuložilo se nic');
	const row = page.getByTestId('nature-row-5164');
	await expect(row).toContainText('Mezitím uloženo jinak: Fixní');
	// The refused row shows what is stored; the other change is kept for another try.
	await expect(natureSelect(page, '5164')).toHaveValue('fixed');
	await expect(natureSelect(page, '5163')).toHaveValue('fixed');

	// Nothing of the refused save was written.
	await openMappings(colleague);
	await expect(natureSelect(colleague, '5163')).toHaveValue('variable');
	await expect(natureSelect(colleague, '5164')).toHaveValue('fixed');
	await natureSelect(colleague, '5164').selectOption('variable');
	await colleague.getByRole('button', { name: 'Uložit změny povahy' }).click();
	await expect(colleague.getByRole('status').filter({ hasText: 'Uloženo' })).toBeVisible();
	await other.close();
});

test('the manual entry form stands above the table of entries', async ({ page }) => {
	await signIn(page, 'ekonom');
	await page.goto('/costs/entries');
	await page.waitForLoadState('networkidle');
	const add = page.getByText('Nový záznam', { exact: true });
	await expect(add).toBeInViewport();
	await add.click();
	const amount = page.locator('#new-amount');
	await expect(amount).toBeVisible();
	const formTop = (await amount.boundingBox())!.y;
	const tableTop = (await page.getByRole('table').first().boundingBox())!.y;
	expect(formTop).toBeLessThan(tableTop);
	expect(formTop).toBeLessThan(1200);
});

test('process costs sort by cost both ways and link each process to its card', async ({ page }) => {
	await signIn(page, 'ekonom');
	await page.goto('/costs');
	const table = page.locator('#process-costs');
	const fullCosts = async () =>
		(
			await table
				.locator('tr[data-testid^="process-cost-"] td:nth-of-type(3)')
				.evaluateAll((cells) => cells.map((c) => c.textContent ?? ''))
		).map((text) => BigInt(text.replace(/[^\d-]/g, '')));
	const ordered = (values: bigint[], dir: 1 | -1) =>
		values.every((v, i) => i === 0 || (dir === 1 ? values[i - 1] <= v : values[i - 1] >= v));

	await table.getByRole('link', { name: 'Plné náklady' }).click();
	await expect(page).toHaveURL(/sort=cost&dir=desc/);
	await expect(table.getByRole('columnheader', { name: /Plné náklady/ })).toHaveAttribute(
		'aria-sort',
		'descending'
	);
	const down = await fullCosts();
	expect(down.length).toBeGreaterThan(1);
	expect(ordered(down, -1)).toBe(true);
	expect(down[0]).toBeGreaterThan(down[down.length - 1]);

	await table.getByRole('link', { name: /Plné náklady/ }).click();
	await expect(page).toHaveURL(/sort=cost(&dir=asc)?(#|$)/);
	const up = await fullCosts();
	expect(ordered(up, 1)).toBe(true);

	await table.getByRole('link', { name: 'Proces', exact: true }).click();
	await expect(page).toHaveURL(/sort=name/);
	const first = table.locator('tr[data-testid^="process-cost-"]').first();
	const link = first.getByRole('link').first();
	const name = (await link.textContent())!.trim();
	await link.click();
	await expect(page).toHaveURL(/\/processes\/\d+$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
});

test("the process card's cost breakdown lands on that process's steps", async ({ page }) => {
	await signIn(page, 'ekonom');
	await page.goto('/costs?sort=name&dir=desc');
	// A process from the end of the list by code, so it is not simply at the top.
	const last = page.locator('tr[data-testid^="process-cost-"]').first();
	await last.getByRole('link').first().click();
	await expect(page).toHaveURL(/\/processes\/(\d+)$/);
	const id = /\/processes\/(\d+)$/.exec(page.url())![1];

	await page.getByRole('link', { name: 'Rozpad nákladů a alokace' }).click();
	await expect(page).toHaveURL(new RegExp(`/costs\\?year=\\d+&process=${id}#process-${id}$`));
	const row = page.locator(`#process-${id}`);
	await expect(row).toBeInViewport();
	await expect(row.locator('details')).toHaveAttribute('open', '');
	await expect(row.locator('ol.steps')).toBeVisible();
	await expect(page.getByTestId('process-only')).toBeVisible();
	await page.getByRole('link', { name: 'Zobrazit všechny procesy' }).click();
	await expect(page.locator('tr[data-testid^="process-cost-"]')).toHaveCount(25);
});
