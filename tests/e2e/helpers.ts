import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'dilna-demo';

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
	await page.goto('/login');
	// Typing before the page has hydrated can be wiped out by hydration.
	await page.waitForLoadState('networkidle');
	await page.getByLabel(/Uživatelské jméno|Username/).fill(username);
	await page.getByLabel(/^(Heslo|Password)$/).fill(password);
	await page.getByRole('button', { name: /Přihlásit se|Sign in/ }).click();
	await expect(page.getByTestId('user-name')).toBeVisible();
}

export async function signOut(page: Page) {
	await page.getByRole('button', { name: /Odhlásit se|Sign out/ }).click();
	await expect(page).toHaveURL(/\/login/);
}
