import { expect, test, type Browser, type Page } from '@playwright/test';
import { extractText } from 'unpdf';
import { signIn } from './helpers';

async function as(browser: Browser, username: string): Promise<Page> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, username);
	return page;
}

async function scoreAs(
	browser: Browser,
	username: string,
	url: string,
	score: string,
	text: string
) {
	const page = await as(browser, username);
	await page.goto(url);
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Body (0–100)').fill(score);
	await page.getByLabel('Oblasti ke zlepšení').fill(text);
	await page.getByRole('button', { name: 'Uložit moje hodnocení' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Uloženo' })).toBeVisible();
	return page;
}

test('a panel of two scores, the leader reaches consensus, plans an initiative and prints the report', async ({
	browser
}) => {
	test.setTimeout(300_000);
	// The mayor (a manager) sets up a round led by the project manager, with a process owner.
	const boss = await as(browser, 'starosta');
	await boss.goto('/caf');
	await boss.waitForLoadState('networkidle');
	await boss.getByLabel('Název kola').fill('CAF e2e');
	await boss.getByLabel('Zahájení').fill('2026-01-05');
	await boss.getByLabel('Individuální hodnocení do').fill('2026-01-20');
	await boss.getByLabel('Konsenzus do').fill('2026-02-05');
	await boss.getByLabel('Ukončení').fill('2026-03-01');
	await boss.getByLabel('Vedoucí týmu').selectOption({ label: 'Tomáš Černý, projektový manažer' });
	// The form lists users twice: as panel members and as guest assessors.
	await boss
		.getByRole('group', { name: 'Hodnoticí tým' })
		.getByLabel('Lucie Procházková, garantka procesů')
		.check();
	await boss.getByRole('button', { name: 'Založit kolo' }).click();
	await expect(boss).toHaveURL(/\/caf\/\d+$/);
	const roundUrl = new URL(boss.url()).pathname;
	await expect(boss.getByTestId('round-status')).toHaveText('Příprava');
	await boss.waitForLoadState('networkidle');
	await boss.getByRole('button', { name: 'Posunout do stavu: Hodnocení' }).click();
	await expect(boss.getByTestId('round-status')).toHaveText('Hodnocení');

	// Each member scores on their own; a score out of range is refused at the field.
	const garant = await as(browser, 'garant');
	await garant.goto(`${roundUrl}/1.1`);
	await garant.waitForLoadState('networkidle');
	await garant.getByLabel('Body (0–100)').fill('101');
	await garant.getByRole('button', { name: 'Uložit moje hodnocení' }).click();
	await expect(garant.getByText('Body musí být celé číslo od 0 do 100.')).toBeVisible();
	await scoreAs(browser, 'garant', `${roundUrl}/1.1`, '40', 'Poslání nikdo nezná');
	const lead = await scoreAs(
		browser,
		'projekt',
		`${roundUrl}/1.1`,
		'75',
		'Vize není projednaná s týmy'
	);

	// The leader moves the round to consensus and sees the spread with the disagreement flagged.
	await lead.goto(roundUrl);
	await lead.waitForLoadState('networkidle');
	await lead.getByRole('button', { name: 'Posunout do stavu: Konsenzus' }).click();
	await expect(lead.getByTestId('round-status')).toHaveText('Konsenzus');
	await lead.goto(`${roundUrl}/1.1`);
	await lead.waitForLoadState('networkidle');
	await expect(lead.getByTestId('spread')).toContainText('Min. 40');
	await expect(lead.getByTestId('spread')).toContainText('Max. 75');
	await expect(lead.getByTestId('spread')).toContainText('Velký rozdíl v hodnocení');
	await lead.getByLabel('Body (0–100)').fill('60');
	await lead.getByLabel('Silné stránky').fill('Vedení poslání formulovalo');
	await lead.getByLabel('Oblasti ke zlepšení').fill('Projednat vizi s týmy');
	await lead.getByRole('button', { name: 'Uložit konsenzus' }).click();
	await expect(lead.getByRole('status').filter({ hasText: 'Uloženo' })).toBeVisible();

	// The area for improvement becomes an action, and with one click an initiative.
	await lead.reload();
	await lead.waitForLoadState('networkidle');
	await expect(lead.locator('#action-title')).toHaveValue('Projednat vizi s týmy');
	await lead.getByLabel('Dopad').selectOption('3');
	await lead.getByLabel('Náročnost').selectOption('1');
	await lead.getByRole('button', { name: 'Nová zlepšovací akce' }).click();
	await expect(lead.getByTestId('actions')).toContainText('Projednat vizi s týmy');
	await expect(lead.getByTestId('actions')).toContainText('9');
	if (process.env.CAF_SCREENSHOTS) {
		await lead.screenshot({ path: 'test-results/caf-sub-desktop.png', fullPage: true });
		await lead.setViewportSize({ width: 390, height: 844 });
		await lead.screenshot({ path: 'test-results/caf-sub-390.png', fullPage: true });
		await lead.goto(roundUrl);
		await lead.screenshot({ path: 'test-results/caf-round-390.png', fullPage: true });
		await lead.setViewportSize({ width: 1280, height: 900 });
		await lead.goto(`${roundUrl}/results?with=1`);
		await lead.waitForTimeout(1500);
		await lead.screenshot({ path: 'test-results/caf-results.png', fullPage: true });
		await lead.goto(`${roundUrl}/1.1`);
		await lead.waitForLoadState('networkidle');
	}
	await lead.getByRole('button', { name: 'Vytvořit iniciativu' }).click();
	await expect(lead).toHaveURL(/\/initiatives\/\d+$/);
	await expect(lead.getByTestId('caf-findings')).toContainText(
		'CAF e2e 1.1: Projednat vizi s týmy'
	);
	await expect(lead.getByTestId('initiative-status')).toHaveText('navrženo');

	// The consensus shows on the round for a non-member manager too, and the report prints to A4.
	await boss.goto(roundUrl);
	await expect(boss.getByTestId('consensus-1.1')).toHaveText('60');
	await boss.goto(`${roundUrl}/report`);
	await expect(boss.getByTestId('caf-report')).toContainText('Projednat vizi s týmy');
	await boss.emulateMedia({ media: 'print' });
	const pdf = await boss.pdf({ format: 'A4', printBackground: true });
	expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
	const { text, totalPages } = await extractText(new Uint8Array(pdf), { mergePages: true });
	expect(totalPages).toBeGreaterThanOrEqual(2);
	expect(text).toContain('Zpráva CAF: CAF e2e');
	expect(text).toContain('Projednat vizi s týmy');
	// The print CSS hides the app's navigation.
	expect(text).not.toContain('Odhlásit se');
});

test('a viewer reads the closed round but not the one in consensus', async ({ page }) => {
	await signIn(page, 'host');
	await page.goto('/caf');
	const links = page.getByRole('table').getByRole('link');
	await expect(links).toHaveCount(1);
	await links.first().click();
	await expect(page.getByTestId('round-status')).toHaveText('Uzavřeno');
	const response = await page.goto('/caf/2');
	expect(response?.status()).toBe(403);
});
