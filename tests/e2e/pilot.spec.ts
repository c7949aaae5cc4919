// The pilot's scope: the admin switches an area off for a pilot unit, and its process owner's
// navigation no longer offers it; switched on again, it is back.
import { expect, test, type Page } from '@playwright/test';
import { signIn, signOut } from './helpers';

async function setCosts(page: Page, on: boolean) {
	await signIn(page, 'admin');
	await page.goto('/admin/adoption');
	const form = page.getByTestId('pilot-areas-OVV');
	await form.getByRole('checkbox', { name: 'Náklady' }).setChecked(on);
	await form.getByRole('button', { name: 'Uložit' }).click();
	await expect(
		page.getByTestId('pilot-areas-OVV').getByRole('checkbox', { name: 'Náklady' })
	).toBeChecked({ checked: on });
	await page.reload();
	await expect(
		page.getByTestId('pilot-areas-OVV').getByRole('checkbox', { name: 'Náklady' })
	).toBeChecked({ checked: on });
	await signOut(page);
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Hlavní navigace' });

test('an area switched off for a pilot unit leaves its people’s navigation until it is back', async ({
	page
}) => {
	try {
		await setCosts(page, false);
		await signIn(page, 'garant');
		await expect(nav(page).getByRole('link', { name: 'Cíle' })).toBeVisible();
		await expect(nav(page).getByRole('link', { name: 'Náklady' })).toHaveCount(0);
		await signOut(page);
	} finally {
		await setCosts(page, true);
	}
	await signIn(page, 'garant');
	await expect(nav(page).getByRole('link', { name: 'Náklady' })).toBeVisible();
});
