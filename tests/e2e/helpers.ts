import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'dilna-demo';

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
	await page.goto('/login');
	// Typing before the page has hydrated can be wiped out by hydration.
	await page.waitForLoadState('networkidle');
	await page.getByLabel(/Uživatelské jméno|Username/).fill(username);
	await page.getByLabel(/^(Heslo|Password)$/).fill(password);
	await page.getByRole('button', { name: /Přihlásit se|Sign in/ }).click();
	// Attached, not visible: on a phone the user menu is folded behind the menu button. Hashing
	// the password (argon2id) may take seconds on a busy machine.
	await expect(page.getByTestId('user-name')).toBeAttached({ timeout: 20_000 });
}

export async function signOut(page: Page) {
	await page.getByRole('button', { name: /Odhlásit se|Sign out/ }).click();
	await expect(page).toHaveURL(/\/login/);
}
