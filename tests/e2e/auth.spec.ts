import { expect, test } from '@playwright/test';
import { signIn, signOut } from './helpers';

const NAV = ['Přehled', 'Cíle', 'Procesy', 'Náklady', 'Program', 'CAF', 'Lidé', 'Správa'];
const expectations: [string, string, string[]][] = [
	['admin', '/', NAV],
	['starosta', '/', NAV],
	['tajemnik', '/', NAV],
	['ekonom', '/costs', NAV.slice(0, 7)],
	['projekt', '/programme', NAV.slice(0, 7)],
	['garant', '/my', NAV.slice(0, 7)],
	['personalni', '/people', NAV.slice(0, 7)],
	['host', '/', NAV.slice(0, 7)]
];

for (const [username, landing, nav] of expectations) {
	test(`${username} signs in, lands on ${landing} and sees their navigation`, async ({ page }) => {
		await signIn(page, username);
		await expect(page).toHaveURL(new RegExp(`${landing === '/' ? '/$' : landing}`));
		const links = page.getByRole('navigation', { name: 'Hlavní navigace' }).getByRole('link');
		await expect(links).toHaveText(nav);
		await signOut(page);
	});
}

test('a wrong password is refused without saying whether the user exists', async ({ page }) => {
	await page.goto('/login');
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Uživatelské jméno').fill('host');
	await page.getByLabel('Heslo').fill('not-the-password');
	await page.getByRole('button', { name: 'Přihlásit se' }).click();
	await expect(page.getByRole('alert')).toHaveText('Neplatné uživatelské jméno nebo heslo.');
	await page.getByLabel('Uživatelské jméno').fill('nobody-of-that-name');
	await page.getByLabel('Heslo').fill('not-the-password');
	await page.getByRole('button', { name: 'Přihlásit se' }).click();
	await expect(page.getByRole('alert')).toHaveText('Neplatné uživatelské jméno nebo heslo.');
});

test('repeated failures make the username wait: HTTP 429 and Retry-After', async ({ request }) => {
	const statuses: number[] = [];
	let retryAfter: string | undefined;
	for (let i = 0; i < 7; i++) {
		const response = await request.post('/login', {
			form: { username: 'throttle-victim', password: 'wrong-password' },
			headers: { accept: 'text/html', origin: test.info().project.use.baseURL! },
			maxRedirects: 0
		});
		statuses.push(response.status());
		retryAfter ??= response.headers()['retry-after'];
	}
	// Three passwords are checked at once; after that each attempt must wait (1 s, 2 s, …).
	expect(statuses.slice(0, 3)).toEqual([400, 400, 400]);
	expect(statuses.slice(3)).toEqual([429, 429, 429, 429]);
	expect(Number(retryAfter)).toBeGreaterThan(0);
});

test('signing out ends the session: the old cookie no longer opens pages', async ({
	page,
	context
}) => {
	await signIn(page, 'host');
	const cookie = (await context.cookies()).find((c) => c.name === 'dilna_session')!;
	await signOut(page);
	await context.addCookies([cookie]);
	await page.goto('/goals');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fgoals/);
});

test('a forged session cookie is ignored and removed', async ({ page, context, baseURL }) => {
	await context.addCookies([{ name: 'dilna_session', value: 'a'.repeat(32), url: baseURL! }]);
	await page.goto('/costs');
	await expect(page).toHaveURL(/\/login/);
	expect((await context.cookies()).find((c) => c.name === 'dilna_session')).toBeUndefined();
});

test('admin creates a user who then signs in; a password change ends other sessions', async ({
	page,
	browser
}) => {
	await signIn(page, 'admin');
	await page.goto('/admin/users');
	const create = page.locator('form[action="?/create"]');
	await create.getByLabel('Uživatelské jméno').fill('novak');
	await create.getByLabel('Jméno', { exact: true }).fill('Karel Novák');
	await create.getByLabel('Role').selectOption('viewer');
	await create.getByLabel('Počáteční heslo').fill('short');
	await create.getByRole('button', { name: 'Vytvořit uživatele' }).click();
	await expect(create.getByText('Heslo musí mít nejméně 12 znaků.')).toBeVisible();
	// The username and the word "heslo" with a year: long enough, but the first thing tried.
	await create.getByLabel('Počáteční heslo').fill('novak-heslo-2026');
	await create.getByRole('button', { name: 'Vytvořit uživatele' }).click();
	await expect(create.getByText(/Toto heslo je příliš běžné/)).toBeVisible();
	await create.getByLabel('Počáteční heslo').fill('lipa-u-rybnika-26');
	await create.getByRole('button', { name: 'Vytvořit uživatele' }).click();
	await expect(page.getByRole('status')).toHaveText('Uživatel novak byl vytvořen.');
	await expect(page.getByTestId('user-row-novak')).toBeVisible();

	const other = await browser.newContext();
	const otherPage = await other.newPage();
	await signIn(otherPage, 'novak', 'lipa-u-rybnika-26');

	const second = await browser.newContext();
	const secondPage = await second.newPage();
	await signIn(secondPage, 'novak', 'lipa-u-rybnika-26');
	await secondPage.goto('/account');
	await secondPage.getByLabel('Současné heslo').fill('lipa-u-rybnika-26');
	await secondPage.getByLabel('Nové heslo').fill('nove-heslo-karla-1');
	await secondPage.getByRole('button', { name: 'Změnit heslo' }).click();
	await expect(secondPage.getByRole('status')).toContainText('Heslo bylo změněno');

	await otherPage.goto('/goals');
	await expect(otherPage).toHaveURL(/\/login/);
	await secondPage.goto('/goals');
	await expect(secondPage).toHaveURL(/\/goals/);
	await other.close();
	await second.close();
});

test('the language switches to English and back', async ({ page }) => {
	await signIn(page, 'host');
	await page.getByRole('button', { name: 'English' }).click();
	const nav = page.getByRole('navigation', { name: 'Main navigation' });
	await expect(nav.getByRole('link', { name: 'Goals' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.getByRole('button', { name: 'Česky' }).click();
	await expect(
		page.getByRole('navigation', { name: 'Hlavní navigace' }).getByRole('link', { name: 'Cíle' })
	).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'cs');
});

test('unknown pages answer 404 in the user language', async ({ page }) => {
	const response = await page.goto('/does-not-exist');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chyba 404');
});

test('a megabyte sign-in gets a clear answer and the server keeps running', async ({
	request,
	baseURL
}) => {
	const response = await request.post('/login', {
		form: { username: 'u'.repeat(1024 * 1024), password: 'whatever-password' },
		headers: { accept: 'text/html', origin: baseURL! },
		maxRedirects: 0
	});
	// Over the sign-in form's 16 kB: refused before it is read, with the limit named.
	expect(response.status()).toBe(413);
	expect(await response.text()).toContain('tento formulář přijme nejvýše 16 kB');
	expect((await request.get('/healthz')).status()).toBe(200);
});

test('an empty sign-in form names the missing fields', async ({ page }) => {
	await page.goto('/login');
	await page.waitForLoadState('networkidle');
	await page.getByRole('button', { name: 'Přihlásit se' }).click();
	await expect(page.locator('#username-error')).toHaveText('Vyplňte toto pole.');
	await expect(page.locator('#password-error')).toHaveText('Vyplňte toto pole.');
});

test('a signed-in page refuses a viewer the admin area with a 403 page', async ({ page }) => {
	await signIn(page, 'host');
	const response = await page.goto('/admin/users');
	expect(response?.status()).toBe(403);
	await expect(page.getByText('K této akci nemáte oprávnění.')).toBeVisible();
	// The error page keeps the header: the way back to the sections the viewer may open.
	const nav = page.getByRole('navigation', { name: 'Hlavní navigace' });
	await expect(nav.getByRole('link', { name: 'Cíle' })).toBeVisible();
	await expect(nav.getByRole('link', { name: 'Správa' })).toHaveCount(0);
	await expect(page.getByTestId('user-name')).toContainText('Host');
});

test('a signed-in user on an unknown page keeps the navigation', async ({ page }) => {
	await signIn(page, 'ekonom');
	const response = await page.goto('/no-such-section');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chyba 404');
	await page
		.getByRole('navigation', { name: 'Hlavní navigace' })
		.getByRole('link', { name: 'Náklady' })
		.click();
	await expect(page).toHaveURL(/\/costs$/);
});
