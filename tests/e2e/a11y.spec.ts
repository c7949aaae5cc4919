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

// One test per page: an axe scan takes seconds on a loaded 2-core machine, and a walk over every
// page in one test came close to the test timeout.
for (const path of PAGES) {
	test(`${path} has no serious accessibility violations`, async ({ page }) => {
		// The council report is the largest page (every KPI, process and initiative): its scan
		// outlasts the default timeout on a loaded machine.
		if (path === '/reports/council') test.slow();
		await signIn(page, 'admin');
		await page.goto(path);
		await page.waitForLoadState('networkidle');
		expect(await seriousViolations(page)).toEqual([]);
	});
}

const DETAILS: { name: string; from: string; pattern: RegExp; to?: (href: string) => string }[] = [
	{ name: 'a goal', from: '/goals', pattern: /^\/goals\/\d+$/ },
	{ name: 'a process card', from: '/processes', pattern: /^\/processes\/\d+$/ },
	{ name: 'an initiative', from: '/initiatives', pattern: /^\/initiatives\/\d+$/ },
	{ name: 'a goal drill-down', from: '/', pattern: /^\/reports\/goals\/\d+/ },
	{
		name: 'a what-if',
		from: '/',
		pattern: /^\/processes\/\d+$/,
		to: (href) => href.replace('/processes/', '/what-if/')
	}
];

for (const detail of DETAILS) {
	test(`${detail.name} has no serious accessibility violations`, async ({ page }) => {
		await signIn(page, 'starosta');
		await page.goto(detail.from);
		const hrefs = await page
			.locator('a[href]')
			.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
		const href = hrefs.find((h) => detail.pattern.test(h));
		expect(href, `a link to ${detail.name} on ${detail.from}`).toBeDefined();
		await page.goto(detail.to ? detail.to(href!) : href!);
		await page.waitForLoadState('networkidle');
		expect(await seriousViolations(page)).toEqual([]);
	});
}

test('the public page, when on, has no serious accessibility violations', async ({ page }) => {
	await signIn(page, 'admin');
	await page.goto('/admin/settings');
	await page.waitForLoadState('networkidle');
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
