// On a phone (390 px wide) every main page fits the screen: wide tables scroll inside their own
// box, forms wrap, and the navigation collapses into a menu button.
import { test, expect, type Page } from '@playwright/test';
import { signIn } from './helpers';

test.use({ viewport: { width: 390, height: 844 } });

/** The first link on `listPath` whose address matches `pattern` (a detail page of the demo). */
async function firstLink(page: Page, listPath: string, pattern: RegExp): Promise<string> {
	await page.goto(listPath);
	const hrefs = await page
		.locator('main a[href]')
		.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
	const href = hrefs.find((h) => pattern.test(h));
	expect(href, `a link like ${pattern} on ${listPath}`).toBeTruthy();
	return href!;
}

async function pageWidth(page: Page): Promise<number> {
	return page.evaluate(() => document.documentElement.scrollWidth);
}

test('every main page fits a 390 px phone screen', async ({ page }) => {
	test.setTimeout(240_000);
	await signIn(page, 'admin');
	const pages = [
		'/',
		'/goals',
		'/goals/coverage',
		await firstLink(page, '/goals', /^\/goals\/\d+$/),
		await firstLink(page, '/goals', /^\/goals\/kpi\/\d+$/),
		'/processes',
		await firstLink(page, '/processes', /^\/processes\/\d+$/),
		'/processes/org-units',
		'/processes/assets',
		'/costs',
		'/costs/allocation',
		'/costs/import',
		'/costs/mappings',
		'/costs/batches',
		'/programme',
		'/programme/report',
		'/programme/risks',
		'/initiatives',
		await firstLink(page, '/initiatives', /^\/initiatives\/\d+$/),
		'/caf',
		await firstLink(page, '/caf', /^\/caf\/\d+$/),
		'/people',
		'/people/coverage',
		'/people/capacity',
		'/knowledge?q=stavebn%C3%AD',
		'/my',
		'/reports/council',
		'/admin/users',
		'/admin/audit',
		'/admin/settings',
		'/account'
	];
	const tooWide: string[] = [];
	for (const path of pages) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBeLessThan(400);
		const width = await pageWidth(page);
		if (width > 390) tooWide.push(`${path}: ${width} px`);
	}
	expect(tooWide).toEqual([]);
});

test('on a phone the navigation is one menu button that opens the sections', async ({ page }) => {
	await signIn(page, 'starosta');
	const nav = page.getByRole('navigation', { name: /Hlavní|Main/ });
	await expect(nav.getByRole('link', { name: 'Cíle' })).toBeHidden();
	const header = await page.locator('.app-header').boundingBox();
	expect(header!.height).toBeLessThan(80);
	await page.getByRole('button', { name: 'Menu' }).click();
	await nav.getByRole('link', { name: 'Cíle' }).click();
	await expect(page).toHaveURL(/\/goals$/);
	// The menu closes after choosing a section.
	await expect(nav.getByRole('link', { name: 'Procesy' })).toBeHidden();
});
