import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('the council report prints to an A4 PDF with its sections and charts', async ({ page }) => {
	await signIn(page, 'starosta');
	const year = new Date().getFullYear();
	await page.goto(`/reports/council?year=${year}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		`Zpráva pro zastupitelstvo za rok ${year}`
	);
	for (const heading of [
		'1. Shrnutí',
		'2. Cíle a ukazatele',
		'3. Struktura nákladů a podíl investic do zlepšování',
		`4. Náklady procesů ${year}`,
		'5. Transformační program a zlepšovací opatření'
	]) {
		await expect(page.getByRole('heading', { name: heading })).toBeVisible();
	}
	// Charts are drawn before printing.
	await expect(page.getByTestId('report-chart')).toHaveAttribute('data-ready', 'true');

	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.app-header')).toBeHidden();
	const pdf = await page.pdf({ format: 'A4', printBackground: true });
	const text = pdf.toString('latin1');
	expect(text.startsWith('%PDF-')).toBe(true);
	// Each numbered section after the summary starts on a new page.
	const pages = text.match(/\/Type\s*\/Page[^s]/g) ?? [];
	expect(pages.length).toBeGreaterThanOrEqual(5);
	// A4 is 595 × 842 points.
	expect(text).toMatch(
		/\/MediaBox\s*\[\s*0\s+0\s+595(\.\d+)?\s+841(\.\d+)?|\/MediaBox\s*\[\s*0\s+0\s+595(\.\d+)?\s+842/
	);
	// The canvas charts are in the PDF as images.
	expect(text).toMatch(/\/Subtype\s*\/Image/);
});

test('the report tables download as CSV and XLSX', async ({ page }) => {
	await signIn(page, 'host');
	const year = new Date().getFullYear();
	const csv = await page.request.get(`/reports/export/processes?year=${year}&format=csv`);
	expect(csv.status()).toBe(200);
	expect(csv.headers()['content-type']).toContain('text/csv');
	const text = await csv.text();
	expect(text.split('\r\n')[0]).toBe(
		'\uFEFFKód;Proces;Druh;Případů/rok;Plné náklady;Náklady na případ;Potenciál'
	);
	expect(text.split('\r\n').length).toBeGreaterThan(10);
	const xlsx = await page.request.get(`/reports/export/initiatives?year=${year}&format=xlsx`);
	expect(xlsx.status()).toBe(200);
	// XLSX is a ZIP file.
	expect((await xlsx.body()).subarray(0, 2).toString('latin1')).toBe('PK');
	expect((await page.request.get('/reports/export/nope?format=csv')).status()).toBe(404);
});
