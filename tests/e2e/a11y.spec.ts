import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

async function seriousViolations(page: Page) {
	const results = await new AxeBuilder({ page }).analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the sign-in page has no serious accessibility violations', async ({ page }) => {
	await page.goto('/login');
	expect(await seriousViolations(page)).toEqual([]);
});

const PAGES = [
	'/',
	'/goals',
	'/processes',
	'/costs',
	'/programme',
	'/initiatives',
	'/admin/users',
	'/admin/tokens',
	'/admin/settings',
	'/account',
	'/reports/council'
];

test('the main pages have no serious accessibility violations', async ({ page }) => {
	await signIn(page, 'admin');
	const found: Record<string, string[]> = {};
	for (const path of PAGES) {
		await page.goto(path);
		await page.waitForLoadState('networkidle');
		const violations = await seriousViolations(page);
		if (violations.length) found[path] = violations;
	}
	expect(found).toEqual({});
});

test('detail pages have no serious accessibility violations', async ({ page }) => {
	await signIn(page, 'starosta');
	const found: Record<string, string[]> = {};
	const firstLink = async (from: string, pattern: RegExp) => {
		await page.goto(from);
		const hrefs = await page
			.locator('a[href]')
			.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
		return hrefs.find((h) => pattern.test(h)) ?? null;
	};
	const details = [
		await firstLink('/goals', /^\/goals\/\d+$/),
		await firstLink('/processes', /^\/processes\/\d+$/),
		await firstLink('/initiatives', /^\/initiatives\/\d+$/),
		await firstLink('/', /^\/reports\/goals\/\d+/),
		await firstLink('/', /^\/processes\/\d+$/).then(
			(h) => h && h.replace('/processes/', '/what-if/')
		)
	].filter((h): h is string => h !== null);
	expect(details.length).toBeGreaterThanOrEqual(4);
	for (const path of details) {
		await page.goto(path);
		await page.waitForLoadState('networkidle');
		const violations = await seriousViolations(page);
		if (violations.length) found[path] = violations;
	}
	expect(found).toEqual({});
});

test('the public page, when on, has no serious accessibility violations', async ({ page }) => {
	await signIn(page, 'admin');
	await page.goto('/admin/settings');
	await page.getByLabel('Zveřejnit stránku /public').check();
	await page.getByRole('button', { name: 'Uložit' }).last().click();
	await expect(page.getByText('Nastavení bylo uloženo.')).toBeVisible();
	await page.goto('/public');
	await page.waitForLoadState('networkidle');
	const violations = await seriousViolations(page);
	await page.goto('/admin/settings');
	await page.getByLabel('Zveřejnit stránku /public').uncheck();
	await page.getByRole('button', { name: 'Uložit' }).last().click();
	await expect(page.getByText('Nastavení bylo uloženo.')).toBeVisible();
	expect(violations).toEqual([]);
});
