// Reminders that reach people: the admin sends the weekly summary, the process owner's arrives in
// an SMTP sink this test starts (the server under test sends to it, see playwright.config.ts),
// its link opens the exact form, the actual recorded there shows on the adoption page.
import { expect, test } from '@playwright/test';
import { decoded, e2eSinkPort, startSmtpSink, type SmtpSink } from '../smtp-sink';
import { signIn, signOut } from './helpers';

let sink: SmtpSink;

test.beforeAll(async () => {
	sink = await startSmtpSink({ port: e2eSinkPort() });
});

test.afterAll(() => sink.close());

async function updatesOf(page: import('@playwright/test').Page, unit: string) {
	const row = page.getByTestId(`unit-${unit}`);
	const cells = row.locator('td.num');
	return Number(await cells.nth(2).innerText()) + Number(await cells.nth(3).innerText());
}

test("a process owner's weekly summary arrives, its link opens the form, the adoption page counts the update", async ({
	page
}) => {
	await signIn(page, 'admin');
	await page.goto('/admin/adoption');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zavádění Dílny');
	await expect(page.getByTestId('smtp-missing')).toHaveCount(0);
	const before = await updatesOf(page, 'OVV');

	await page.getByRole('button', { name: 'Poslat týdenní přehled teď' }).click();
	await expect(page.getByTestId('digests-sent')).toBeVisible();
	await expect
		.poll(() => sink.received.some((r) => r.to.includes('garant@mesto.example')))
		.toBe(true);
	const mail = decoded(sink.received.find((r) => r.to.includes('garant@mesto.example'))!.body);
	expect(mail).toContain('týdenní přehled');
	// Only the owner's own items: no other user's address or name.
	expect(mail).not.toContain('Nováková');
	const link = /http:\/\/localhost:\d+(\/goals\/kpi\/\d+\?period=[0-9Q-]+#record)/.exec(mail);
	expect(link).not.toBeNull();
	await signOut(page);

	await signIn(page, 'garant');
	await page.goto(link![1]);
	const form = page.locator('form[action="?/actual"]');
	await expect(page.locator('#record')).toBeVisible();
	const period = /period=([0-9Q-]+)/.exec(link![1])![1];
	await expect(form.getByLabel('Období')).toHaveValue(period);
	await form.getByLabel(/Skutečnost/).fill('58');
	await form.getByLabel('Komentář').fill('Zadáno z týdenního přehledu.');
	await form.getByRole('button', { name: 'Uložit skutečnost' }).click();
	await expect(page.getByTestId(`period-${period}`)).toBeVisible();
	await expect(form.locator('.field-error')).toHaveCount(0);
	await signOut(page);

	await signIn(page, 'admin');
	await page.goto('/admin/adoption');
	expect(await updatesOf(page, 'OVV')).toBe(before + 1);
	await expect(page.getByTestId('active-OVV')).not.toHaveText('0');
});

test('an ambassador sees their own unit only; a user who is not one is refused', async ({
	page
}) => {
	await signIn(page, 'garant');
	await page.goto('/admin/adoption');
	await expect(page.getByTestId('unit-OVV')).toBeVisible();
	await expect(page.getByTestId('unit-OF')).toHaveCount(0);
	await signOut(page);

	// A role that may be an ambassador learns how to become one; a viewer is refused.
	await signIn(page, 'projekt');
	await page.goto('/admin/adoption');
	await expect(page.getByTestId('not-ambassador')).toBeVisible();
	await expect(page.getByTestId('unit-OVV')).toHaveCount(0);
	await signOut(page);
	await signIn(page, 'host');
	const response = await page.goto('/admin/adoption');
	expect(response?.status()).toBe(403);
});

test('the first-visit guide shows on the landing page until dismissed', async ({ page }) => {
	await signIn(page, 'ekonom');
	await page.goto('/costs');
	const guide = page.getByTestId('first-visit-guide');
	await expect(guide).toBeVisible();
	await expect(guide.getByRole('link', { name: /export z účetnictví/ })).toHaveAttribute(
		'href',
		'/costs/import'
	);
	await guide.getByRole('button', { name: 'Rozumím, už nezobrazovat' }).click();
	await expect(page).toHaveURL(/\/costs$/);
	await expect(page.getByTestId('first-visit-guide')).toHaveCount(0);
	await page.reload();
	await expect(page.getByTestId('first-visit-guide')).toHaveCount(0);
});
