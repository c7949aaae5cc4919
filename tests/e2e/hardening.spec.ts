import { expect, test, type APIResponse } from '@playwright/test';
import { signIn } from './helpers';

const REQUIRED = {
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	'referrer-policy': 'same-origin',
	'cross-origin-opener-policy': 'same-origin'
};

function expectSecurityHeaders(response: APIResponse, what: string) {
	const headers = response.headers();
	for (const [name, value] of Object.entries(REQUIRED)) {
		expect(headers[name], `${name} on ${what}`).toBe(value);
	}
	// Plain http here: no HSTS (it would pin a host that has no https).
	expect(headers['strict-transport-security'], what).toBeUndefined();
}

test('every kind of response carries the security headers, static files included', async ({
	request,
	page
}) => {
	const login = await request.get('/login');
	expectSecurityHeaders(login, 'a page');
	expect(login.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
	const html = await login.text();
	// SvelteKit links its assets relative to the page (`./_app/immutable/…`).
	const found = /["'](?:\.\/|\/)?(_app\/immutable\/[^"']+\.js)["']/.exec(html)?.[1];
	expect(found).toBeTruthy();
	const asset = `/${found}`;
	const kinds: [string, string][] = [
		['/healthz', 'an endpoint'],
		['/api/v1/openapi.json', 'the API'],
		['/favicon.svg', 'a static file'],
		[asset, 'an immutable asset'],
		['/does-not-exist', 'a 404 page'],
		['/goals', 'a redirect to sign-in']
	];
	for (const [path, what] of kinds) {
		const response = await request.get(path, { maxRedirects: 0 });
		expectSecurityHeaders(response, `${what} (${path}, ${response.status()})`);
	}
	await signIn(page, 'host');
	const signedIn = await page.request.get('/goals');
	expectSecurityHeaders(signedIn, 'a signed-in page');
	expect(signedIn.headers()['cache-control']).toBe('private, no-store');
});

test('a body over its route limit is refused with the limit named, and the server keeps answering', async ({
	request,
	baseURL
}) => {
	const origin = { origin: baseURL! };
	// A form post of 2 MB (forms take 1 MB), as use:enhance sends it.
	const form = await request.post('/initiatives', {
		multipart: { name: 'x'.repeat(2 * 1024 * 1024) },
		headers: { ...origin, accept: 'application/json', 'x-sveltekit-action': 'true' }
	});
	expect(form.status()).toBe(413);
	expect(await form.json()).toEqual({
		type: 'error',
		error: { message: expect.stringContaining('nejvýše 1 MB') }
	});
	// An import screen takes a file of several megabytes (here refused only for being signed out).
	const upload = await request.post('/costs/import?/preview', {
		multipart: {
			file: { name: 'a.csv', mimeType: 'text/csv', buffer: Buffer.alloc(5 * 1024 * 1024, 'a') }
		},
		headers: { ...origin, accept: 'application/json', 'x-sveltekit-action': 'true' },
		maxRedirects: 0
	});
	expect(upload.status()).not.toBe(413);
	expect((await request.get('/healthz')).status()).toBe(200);
});

test('/account lists the sessions and signs out the other devices', async ({ page, browser }) => {
	const other = await browser.newContext();
	const otherPage = await other.newPage();
	await signIn(otherPage, 'host');
	await signIn(page, 'host');
	await page.goto('/account');
	const rows = page.getByTestId('session-row');
	expect(await rows.count()).toBeGreaterThanOrEqual(2);
	await expect(rows.filter({ hasText: 'Toto zařízení' })).toHaveCount(1);
	await page.getByRole('button', { name: 'Odhlásit všechna ostatní zařízení' }).click();
	await expect(page.getByRole('status')).toContainText('Ukončená přihlášení');
	await expect(rows).toHaveCount(1);
	await otherPage.goto('/goals');
	await expect(otherPage).toHaveURL(/\/login/);
	await other.close();
});

test('confirming the password returns to the admin page asked for', async ({ page }) => {
	await signIn(page, 'admin');
	await page.goto('/account/confirm?redirectTo=%2Fadmin%2Fusers');
	await page.getByLabel('Heslo').fill('not-the-password');
	await page.getByRole('button', { name: 'Potvrdit' }).click();
	await expect(page.locator('#password-error')).toBeVisible();
	await page.getByLabel('Heslo').fill('dilna-demo');
	await page.getByRole('button', { name: 'Potvrdit' }).click();
	await expect(page).toHaveURL(/\/admin\/users$/);
});
