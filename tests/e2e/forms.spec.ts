// Forms that behave: a new risk's form is empty again after saving (a second click does not add
// the same risk twice), and owner pickers offer the office's people, not the reader or the
// technical admin account.
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('the new-risk form empties after saving and offers only working owners', async ({ page }) => {
	await signIn(page, 'projekt');
	await page.goto('/programme/risks');
	await page.waitForLoadState('networkidle');
	const form = page.locator('form[action="?/create"]');
	const owner = form.getByLabel('Odpovídá');
	const owners = await owner.locator('option').allTextContents();
	expect(owners).toContain('Tomáš Černý, projektový manažer');
	expect(owners).not.toContain('Host (čtenář)');
	expect(owners).not.toContain('Správce systému');

	const description = 'Dodavatel spisové služby nestihne migraci';
	await form.getByLabel('Popis rizika').fill(description);
	await owner.selectOption({ label: 'Tomáš Černý, projektový manažer' });
	await form.getByLabel('Opatření ke zmírnění').fill('Smluvní pokuta a záložní termín');
	await form.getByRole('button', { name: 'Přidat riziko' }).click();
	await expect(page.getByRole('status')).toHaveText('Uloženo.');
	await expect(form.getByLabel('Popis rizika')).toHaveValue('');
	await expect(form.getByLabel('Opatření ke zmírnění')).toHaveValue('');
	await expect(page.locator('tr', { hasText: description })).toHaveCount(1);
	// Sending the emptied form is refused at the field, not saved as a second copy.
	await form.getByRole('button', { name: 'Přidat riziko' }).click();
	await expect(form.locator('.field-error').first()).toBeVisible();
	await expect(page.locator('tr', { hasText: description })).toHaveCount(1);
});

test('moving a milestone past its baseline asks why, and a date outside the activity warns', async ({
	page
}) => {
	await signIn(page, 'projekt');
	await page.goto('/programme');
	const href = await page
		.locator('main a[href^="/programme/milestones/"]')
		.first()
		.getAttribute('href');
	await page.goto(href!);
	await page.waitForLoadState('networkidle');
	const form = page.locator('form[action="?/update"]');
	// Far past any activity's end: a slip that needs its reason.
	await form.getByLabel('Aktuální termín').fill('2035-06-30');
	await form.getByRole('button', { name: 'Uložit' }).click();
	await expect(form.locator('#slipReason-error')).toHaveText(
		'Termín se posouvá za původní termín – napište důvod skluzu.'
	);
	await form.getByLabel('Důvod skluzu').fill('Dodavatel nestihl dodávku');
	await form.getByRole('button', { name: 'Uložit' }).click();
	await expect(page.getByTestId('slip-reason')).toHaveText('Dodavatel nestihl dodávku');
	await expect(page.getByTestId('outside-activity')).toContainText('30. 6. 2035');
});

test("the project manager's /my lists the milestones he owns, linked to their form", async ({
	page
}) => {
	await signIn(page, 'projekt');
	await page.goto('/my');
	const section = page.getByRole('region', { name: /Milníky, za které odpovídám/ });
	await expect(section.getByRole('heading')).not.toHaveText(/\(0\)/);
	const link = section.getByRole('link', { name: 'Upravit milník' }).first();
	await link.click();
	await expect(page).toHaveURL(/\/programme\/milestones\/\d+#edit-h$/);
	await expect(page.locator('form[action="?/update"]')).toBeVisible();
});
