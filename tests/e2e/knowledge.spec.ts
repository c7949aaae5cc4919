import { expect, test } from '@playwright/test';
import { docx, pdf } from '../builders/files';
import { signIn } from './helpers';

test('the knowledge search finds records without accents, marks the hits and filters by kind', async ({
	page
}) => {
	await signIn(page, 'host');
	await page.goto('/knowledge?q=odpadove+hospodarstvi');
	const hits = page.getByTestId('search-hits');
	await expect(hits.getByRole('link').first()).toContainText('Odpadové hospodářství');
	await expect(hits.locator('mark').first()).toHaveText('Odpadové');
	await page.goto('/knowledge?q=znalosti&kind=caf');
	await expect(hits).toContainText('4.4 Řídí informace a znalosti');
	await expect(hits.getByText('Model CAF').first()).toBeVisible();
});

test('a process owner uploads a PDF, the search finds a word from inside it, the file downloads safely', async ({
	page
}) => {
	await signIn(page, 'garant');
	await page.goto('/knowledge/documents');
	await page.waitForLoadState('networkidle');
	// A Word file named .pdf is refused with a clear message, nothing stored.
	await page.getByLabel('Název dokumentu').fill('Podvržený soubor');
	await page.getByLabel('Soubor', { exact: true }).setInputFiles({
		name: 'podvrh.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from(docx('Word v přestrojení'))
	});
	await page.getByRole('button', { name: 'Nahrát' }).click();
	await expect(page.getByText('Obsah souboru neodpovídá jeho příponě')).toBeVisible();
	await page.goto('/knowledge/documents');
	await page.waitForLoadState('networkidle');
	await expect(page.getByRole('link', { name: 'Podvržený soubor' })).toHaveCount(0);

	await page.getByLabel('Název dokumentu').fill('Směrnice o kompostování');
	await page.getByLabel('Soubor', { exact: true }).setInputFiles({
		name: 'Směrnice kompost.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from(pdf('Pravidla pro vermikompostovani v budove radnice'))
	});
	await page.getByRole('button', { name: 'Nahrát' }).click();
	await expect(page).toHaveURL(/\/knowledge\/documents\/\d+$/);
	await expect(page.getByTestId('versions')).toContainText('Směrnice kompost.pdf');

	const link = page.getByTestId('versions').getByRole('link', { name: 'Směrnice kompost.pdf' });
	const response = await page.request.get((await link.getAttribute('href'))!);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('application/pdf');
	expect(response.headers()['x-content-type-options']).toBe('nosniff');
	expect(response.headers()['content-disposition']).toBe(
		`attachment; filename="Smernice kompost.pdf"; filename*=UTF-8''Sm%C4%9Brnice%20kompost.pdf`
	);

	await page.goto('/knowledge?q=vermikompostovani');
	const hits = page.getByTestId('search-hits');
	await expect(hits.getByRole('link').first()).toContainText('Směrnice o kompostování');
	await expect(hits.locator('mark').first()).toHaveText('vermikompostovani');
});

test("the demo town's knowledge base: a regulation due for review in its owner's /my, linked to its process, and audit findings by process", async ({
	page
}) => {
	await signIn(page, 'garant');
	await page.goto('/my');
	const reviews = page.getByTestId('my-reviews');
	await reviews.getByRole('link', { name: 'Spisový a skartační řád' }).click();
	await expect(page).toHaveURL(/\/knowledge\/documents\/\d+$/);
	await expect(page.getByText('P-SPS').first()).toBeVisible();
	await expect(page.getByTestId('versions')).toContainText('spisovy-rad-2025.docx');

	await page.goto('/knowledge/findings');
	const findings = page.getByTestId('findings');
	await expect(
		findings.getByRole('row').filter({ hasText: 'Skartační řízení neproběhlo' })
	).toContainText('P-SPS');
	await expect(
		findings.getByRole('row').filter({ hasText: 'Lhůty stavebního řízení' })
	).toContainText('P-SR');

	// A word from inside a demo file finds its document.
	await page.goto('/knowledge?q=lhuty+stavebniho+rizeni&kind=document');
	await expect(page.getByTestId('search-hits').getByRole('link').first()).toContainText(
		'Popis procesu: Stavební řízení'
	);
});
