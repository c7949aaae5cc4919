import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('the mayor drills from a red goal to the costliest process and to its initiative', async ({
	page
}) => {
	await signIn(page, 'starosta');
	await expect(page).toHaveURL(/\/$/);
	for (const tile of ['investment', 'fixed', 'budget', 'goals', 'kpis', 'savings', 'milestones']) {
		await expect(page.getByTestId(`tile-${tile}`)).toBeVisible();
	}
	await expect(page.getByTestId('chart-structure')).toHaveAttribute('data-ready', 'true');

	// A goal off target, from the goal health list.
	const red = page.locator('.goal-list li', { has: page.locator('.badge.bad') }).first();
	await expect(red).toBeVisible();
	const goalName = (await red.getByRole('link').textContent())!.trim();
	await red.getByRole('link').click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(goalName);
	await expect(page.getByTestId('goal-status')).toHaveClass(/bad/);

	// Its processes come costliest first; the first with an initiative leads to it.
	const rows = page.getByTestId('drill-processes').locator('tbody tr');
	await expect(rows.first()).toBeVisible();
	const costs = await rows.locator('td.num:nth-of-type(2)').allTextContents();
	const values = costs.map((c) => Number(c.replace(/[^\d]/g, '')));
	expect(values).toEqual([...values].sort((a, b) => b - a));
	const processLink = rows.first().getByRole('link').first();
	const processHref = await processLink.getAttribute('href');
	expect(processHref).toMatch(/^\/processes\/\d+$/);

	const withInitiative = rows.filter({ has: page.locator('a[href^="/initiatives/"]') }).first();
	const initiative = withInitiative.locator('a[href^="/initiatives/"]').first();
	const initiativeName = (await initiative.textContent())!.trim();
	await initiative.click();
	await expect(page).toHaveURL(/\/initiatives\/\d+$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(
		initiativeName.split(' ').slice(1).join(' ')
	);

	// And back, and on to the process card.
	await page.goBack();
	await page.locator(`a[href="${processHref}"]`).first().click();
	await expect(page).toHaveURL(new RegExp(`${processHref}$`));
});

test('the what-if recomputes the unit cost without saving', async ({ page }) => {
	await signIn(page, 'starosta');
	const first = page.getByTestId('top-full').getByRole('link').first();
	const href = (await first.getAttribute('href'))!;
	const id = href.split('/').pop();
	await page.goto(`/what-if/${id}`);
	const unit = page.getByTestId('whatif-unit');
	// Unchanged inputs give the booked figures: no difference, before and after the script runs.
	await expect(unit.locator('xpath=following-sibling::td[1]')).toHaveText('0,00 Kč');
	await expect(page.locator('input[inputmode="decimal"]').first()).not.toHaveValue('');
	await expect(unit.locator('xpath=following-sibling::td[1]')).toHaveText('0,00 Kč');
	const before = await unit.textContent();
	const volume = page.getByLabel('Počet případů za rok');
	const current = Number((await volume.inputValue()).replace(/\s/g, ''));
	await volume.fill(String(current * 2));
	await expect(unit).not.toHaveText(before!);
	await volume.fill('abc');
	await expect(page.getByText('Zadejte celé nezáporné číslo.')).toBeVisible();
	await page.reload();
	await expect(unit).toHaveText(before!);
});

test('the public page is absent until an admin turns it on', async ({ page, request }) => {
	expect((await request.get('/public')).status()).toBe(404);
	await signIn(page, 'admin');
	await page.goto('/admin/settings');
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Zveřejnit stránku /public').check();
	await page.getByRole('button', { name: 'Uložit' }).last().click();
	await expect(page.getByText('Nastavení bylo uloženo.')).toBeVisible();
	const anonymous = await request.get('/public', { headers: { cookie: '' } });
	expect(anonymous.status()).toBe(200);
	await page.context().clearCookies();
	await page.goto('/public');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Jak úřad plní své cíle a kolik stojí'
	);
	// Turn it off again for the other tests.
	await signIn(page, 'admin');
	await page.goto('/admin/settings');
	await page.getByLabel('Zveřejnit stránku /public').uncheck();
	await page.getByRole('button', { name: 'Uložit' }).last().click();
	await expect(page.getByText('Nastavení bylo uloženo.')).toBeVisible();
	expect((await request.get('/public')).status()).toBe(404);
});

test('an admin issues an API token, it reads the API, and stops working once revoked', async ({
	page,
	playwright,
	baseURL
}) => {
	const api = await playwright.request.newContext({ baseURL });
	const none = await api.get('/api/v1/goals');
	expect(none.status()).toBe(401);
	expect(await none.json()).toEqual({ error: 'unauthorized' });

	await signIn(page, 'admin');
	await page.goto('/admin/tokens');
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Název').fill('Power BI');
	await page.locator('#token-user').selectOption({ label: 'Host (čtenář) (host)' });
	await page.getByRole('button', { name: 'Vydat token' }).click();
	const token = (await page.getByTestId('issued-token').locator('code').textContent())!.trim();
	expect(token).toMatch(/^dilna_/);

	const headers = { authorization: `Bearer ${token}` };
	const goals = await api.get('/api/v1/goals', { headers });
	expect(goals.status()).toBe(200);
	expect(((await goals.json()) as { data: unknown[] }).data.length).toBeGreaterThan(0);
	// A viewer's token may not read the audit log.
	expect((await api.get('/api/v1/audit', { headers })).status()).toBe(403);
	const spec = await api.get('/api/v1/openapi.json');
	expect(((await spec.json()) as { openapi: string }).openapi).toBe('3.1.0');

	await page
		.locator('tr', { hasText: 'Power BI' })
		.getByRole('button', { name: 'Zrušit token' })
		.click();
	await expect(page.getByText('Token byl zrušen.')).toBeVisible();
	expect((await api.get('/api/v1/goals', { headers })).status()).toBe(401);
	await api.dispose();
});

test('the KPIs off target on the overview are the ones /goals lists when filtered by status', async ({
	page
}) => {
	await signIn(page, 'starosta');
	const offSection = page.locator('section[aria-labelledby="off-heading"]');
	const listed = (await offSection.locator('li a').allTextContents()).map((t) => t.trim());
	expect(listed.length).toBeGreaterThan(0);

	await page.goto('/goals');
	// A choice made before the page hydrates is reset by hydration (seen once in CI: the form
	// then sent an empty status).
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Stav ukazatelů').selectOption('off_target');
	await page.getByRole('button', { name: 'Zobrazit' }).click();
	await expect(page).toHaveURL(/status=off_target/);
	const rows = page.locator('tr[data-testid^="kpi-"]');
	await expect(rows).toHaveCount(listed.length);
	for (const badge of await rows.locator('[data-status]').all()) {
		await expect(badge).toHaveAttribute('data-status', 'off_target');
	}
	const codes = await rows.locator('td:first-child a').allTextContents();
	expect(codes.map((c) => c.trim()).sort()).toEqual(listed.map((l) => l.split(' ')[0]).sort());
});
