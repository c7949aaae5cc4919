import { expect, test } from '@playwright/test';
import { extractText } from 'unpdf';
import { signIn } from './helpers';

test('the council report prints to an A4 PDF: a cover, numbered pages with a running header, the red KPIs explained', async ({
	page
}) => {
	await signIn(page, 'starosta');
	const year = new Date().getFullYear();
	await page.goto(`/reports/council?year=${year}`);
	const title = `Zpráva pro zastupitelstvo za rok ${year}`;
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	for (const heading of [
		'1. Shrnutí',
		'2. Cíle a ukazatele',
		'3. Struktura nákladů a podíl investic do zlepšování',
		`4. Náklady procesů ${year}`,
		'5. Transformační program a zlepšovací opatření'
	]) {
		await expect(page.getByRole('heading', { name: heading })).toBeVisible();
	}
	const cover = page.getByTestId('report-cover');
	await expect(cover).toContainText('Město Dolní Lhota');
	await expect(page.getByTestId('approval')).toContainText('Schválil(a)');
	const version = (await page.getByTestId('report-version').innerText()).trim();
	expect(version).toMatch(/^\d+$/);
	// The demo town has KPIs off target, each explained by its owner when the value was recorded.
	const firstRed = page.getByTestId('red-kpis').getByRole('row').nth(1);
	const comment = (await firstRed.getByRole('cell').last().innerText()).trim();
	expect(comment.length).toBeGreaterThan(10);
	expect(comment).not.toBe('Vysvětlení nebylo zapsáno.');
	// Charts are drawn before printing.
	await expect(page.getByTestId('report-chart')).toHaveAttribute('data-ready', 'true');

	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.app-header')).toBeHidden();
	const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
	const raw = Buffer.from(pdf).toString('latin1');
	expect(raw.startsWith('%PDF-')).toBe(true);
	// A4 is 595 × 842 points (the CSS page size gives 594.96 × 841.92).
	expect(raw).toMatch(/\/MediaBox\s*\[\s*0\s+0\s+59[45](\.\d+)?\s+84[12](\.\d+)?/);
	// The canvas charts are in the PDF as images.
	expect(raw).toMatch(/\/Subtype\s*\/Image/);

	const { text: pages, totalPages } = await extractText(new Uint8Array(pdf), { mergePages: false });
	const flat = pages.map((p) => p.replace(/\s+/g, ' '));
	expect(totalPages).toBeGreaterThanOrEqual(3);
	// No more pages than the content needs: the sections flow on instead of each forcing a page.
	expect(totalPages).toBeLessThanOrEqual(12);
	// Every page is numbered "Strana n z N"; every page after the cover carries the running header.
	flat.forEach((p, i) => expect(p).toContain(`Strana ${i + 1} z ${totalPages}`));
	for (const p of flat.slice(1)) {
		expect(p).toContain(`Město Dolní Lhota · ${title}`);
		expect(p).toContain(`Verze dat ${version}`);
	}
	expect(flat[0]).toContain('Projednání a schválení');
	expect(flat[0]).not.toContain('Město Dolní Lhota · ');
	// The owner's explanation of a red KPI reaches the council.
	expect(flat.join(' ')).toContain(comment.replace(/\s+/g, ' '));
	// No page but the last is left mostly empty: each carries a fair share of text.
	for (const p of flat.slice(1, -1)) expect(p.length).toBeGreaterThan(800);
	// The print CSS hides the app's navigation.
	expect(flat.join(' ')).not.toContain('Odhlásit se');
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
