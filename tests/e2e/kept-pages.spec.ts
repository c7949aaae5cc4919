// The overview and /costs are drawn once per data version and user and sent again as they were
// (src/lib/server/page-cache.ts). What each user is sent must still be their own page, its scripts
// allowed by the policy sent with it, and the app must still run in the browser.
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

/** Records every Content-Security-Policy violation on the page, from before its first script. */
async function watchPolicy(page: Page) {
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { cspViolations: string[] }).cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
	});
}

const violations = (page: Page) =>
	page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

test('each user is sent their own kept page, however often the pages are opened in turn', async ({
	browser
}) => {
	const mayor = await browser.newPage();
	const finance = await browser.newPage();
	await signIn(mayor, 'starosta');
	await signIn(finance, 'ekonom');
	for (let round = 0; round < 2; round++) {
		for (const path of ['/', '/costs']) {
			await mayor.goto(path);
			await finance.goto(path);
			await expect(mayor.locator('header')).toContainText('Jana Nováková, starostka');
			await expect(mayor.locator('header')).not.toContainText('Marie Dvořáková');
			await expect(finance.locator('header')).toContainText('Marie Dvořáková, ekonomka');
			await expect(finance.locator('header')).not.toContainText('Jana Nováková');
		}
	}
	// What a role may do is part of the page: finance sets the target, the mayor only reads it.
	await expect(finance.getByLabel('Cílový podíl investic')).toBeVisible();
	await expect(mayor.getByLabel('Cílový podíl investic')).toHaveCount(0);
	await mayor.close();
	await finance.close();
});

test('a page sent again carries its scripts’ hashes, no nonce, and runs in the browser', async ({
	page
}) => {
	await watchPolicy(page);
	await signIn(page, 'starosta');
	const first = await page.goto('/costs');
	const again = await page.goto('/costs');
	const policy = again!.headers()['content-security-policy'];
	expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
	expect(policy).not.toContain('nonce-');
	// The same page, sent again: the same policy and the same ETag.
	expect(first!.headers()['content-security-policy']).toBe(policy);
	expect(first!.headers()['etag']).toBe(again!.headers()['etag']);
	expect(await violations(page)).toEqual([]);

	// The app took over the page: following a link is a client navigation (the window stays).
	await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
	await page.getByRole('link', { name: 'Přehled', exact: true }).first().click();
	await expect(page).toHaveURL(/\/$/);
	await expect(page.getByTestId('tile-investment')).toBeVisible();
	expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
	expect(await violations(page)).toEqual([]);
});
