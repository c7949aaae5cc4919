// Help in both languages: the header's Help link opens the area's page, the overview lists every
// area and the sample files; a sample downloaded from it goes through the import preview clean.
import { expect, test } from '@playwright/test';
import { signIn, signOut } from './helpers';

test('help in Czech and English; a sample file downloaded and previewed on the import screen', async ({
	page
}) => {
	test.setTimeout(120_000);
	await signIn(page, 'ekonom');

	// From an area's page, the header's link opens that area's help.
	await page.goto('/costs');
	await page.getByTestId('help-link').click();
	await expect(page).toHaveURL(/\/help\/costs$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Náklady a importy' })).toBeVisible();
	await expect(page.getByText('Náhled nic nezapíše.')).toBeVisible();

	await page.goto('/help');
	await expect(page.getByRole('heading', { level: 1, name: 'Nápověda' })).toBeVisible();
	const areas = page.getByRole('region', { name: 'Části Dílny' });
	for (const area of ['Cíle a ukazatele', 'Procesy a modely', 'CAF a znalosti', 'Lidé']) {
		await expect(areas.getByRole('link', { name: area })).toBeVisible();
	}
	const samples = page.getByTestId('samples');
	await expect(samples.getByRole('row')).toHaveCount(10); // the header and nine files

	// The same page in English.
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Help' })).toBeVisible();
	const parts = page.getByRole('region', { name: 'Parts of Dílna' });
	await expect(parts.getByRole('link', { name: 'Goals and KPIs' })).toBeVisible();
	await parts.getByRole('link', { name: 'Costs and imports' }).click();
	await expect(page.getByText('The preview writes nothing.')).toBeVisible();
	await page.getByRole('button', { name: 'Česky' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Náklady a importy' })).toBeVisible();

	// Download the generic CSV sample and preview it where the help page sends it.
	await page.goto('/help');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'naklady-obecny-2025.csv' }).click()
	]);
	const file = await download.path();
	await page.goto('/costs/import');
	await expect(page.getByTestId('samples-link')).toHaveAttribute('href', '/help#samples');
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Soubor', { exact: true }).setInputFiles({
		name: download.suggestedFilename(),
		mimeType: 'text/csv',
		buffer: (await import('node:fs')).readFileSync(file)
	});
	await page.getByRole('button', { name: 'Zobrazit náhled' }).click();
	const result = page.getByTestId('import-result');
	await expect(result.getByRole('heading', { name: /Náhled: soubor je v pořádku/ })).toBeVisible({
		timeout: 30_000
	});
});

test('a year without ledger data on /costs says what to do next: the clerk is sent to the import, the mayor is told who imports', async ({
	page
}) => {
	await signIn(page, 'ekonom');
	await page.goto('/costs?year=2015');
	const empty = page.getByTestId('empty-state');
	await expect(empty).toContainText('Za tento rok nejsou žádné údaje.');
	await expect(empty).toContainText('Nahrajte účetní data');
	await empty.getByRole('link', { name: 'Import' }).click();
	await expect(page).toHaveURL(/\/costs\/import$/);
	await signOut(page);

	await signIn(page, 'starosta');
	await page.goto('/costs?year=2015');
	await expect(page.getByTestId('empty-state')).toContainText('nahrává ekonomický odbor');
	await expect(page.getByTestId('empty-state').getByRole('link', { name: 'Import' })).toHaveCount(
		0
	);
	// A year with figures has no empty state.
	await page.goto('/costs');
	await expect(page.getByTestId('empty-state')).toHaveCount(0);
	// Help links the import screens only for those who may import: the mayor is told who does.
	await page.goto('/help');
	const kxx = page
		.getByTestId('samples')
		.getByRole('row')
		.filter({ hasText: 'ucetnictvi-kxx-2024.kxx' });
	await expect(kxx).toContainText('importuje jiná role');
	await expect(kxx.getByRole('link', { name: 'Náklady a importy' })).toHaveCount(0);
	await expect(page.locator('a[href="/costs/import"]')).toHaveCount(0);
});

test('an empty worklist on /my says why it is empty and where to go next', async ({ page }) => {
	// The demo's reader owns no KPI and no milestone: every section of the worklist is empty.
	await signIn(page, 'host');
	await page.goto('/my');
	const empty = page.getByTestId('empty-state');
	await expect(empty).toHaveCount(3);
	await expect(empty.nth(0)).toContainText('Nic po termínu.');
	await expect(empty.nth(1)).toContainText('V tomto období nemáte žádnou hodnotu k zapsání.');
	await expect(empty.nth(2)).toContainText('Žádný váš milník nemá termín do 31 dní');
	await empty.nth(2).getByRole('link', { name: 'Přejít na program' }).click();
	await expect(page).toHaveURL(/\/programme$/);
	await page.goto('/my');
	await page
		.getByTestId('empty-state')
		.nth(1)
		.getByRole('link', { name: 'Přejít na cíle' })
		.click();
	await expect(page).toHaveURL(/\/goals$/);
	// Help never links a page the reader would be refused.
	await page.goto('/help/adoption');
	await expect(page.locator('a[href="/admin/adoption"]')).toHaveCount(0);
	await signOut(page);
});
