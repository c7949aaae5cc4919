// A manager finds the single point of failure of a key process (building permits), assigns a
// qualified deputy and sees it disappear; the viewer never sees a staff name.
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('a manager closes the single point of failure of the building permits', async ({ page }) => {
	await signIn(page, 'starosta');
	await page.goto('/people/coverage?spof=1');
	const row = page.locator('[data-testid^="role-P-SR-"]');
	await expect(row).toHaveCount(1);
	await expect(row.getByTestId('spof')).toBeVisible();
	const roleTestId = (await row.getAttribute('data-testid'))!;
	const before = Number((await page.getByTestId('spof-count').innerText()).match(/\d+/)![0]);

	// The deputy holds the building law below the level required; a colleague holds it at 3.
	await page.goto(
		'/people/coverage?unit=' + (await unitId(page, 'Odbor výstavby a územního plánování'))
	);
	const sr = page.getByTestId(roleTestId);
	const person = sr.locator('select[name="personId"]');
	await person.selectOption({ index: await optionIndexOf(person, 'Klára Fialová') });
	await sr.locator('select[name="kind"]').selectOption('deputy');
	await sr.getByRole('button', { name: 'Přiřadit k roli' }).click();
	await expect(page.getByTestId(roleTestId).getByTestId('spof')).toHaveCount(0);
	await page.goto('/people/coverage');
	const after = Number((await page.getByTestId('spof-count').innerText()).match(/\d+/)![0]);
	expect(after).toBe(before - 1);
});

test('the viewer sees positions and counts, never a name', async ({ page }) => {
	await signIn(page, 'host');
	for (const path of ['/people', '/people/coverage', '/people/coverage?unit=1', '/']) {
		await page.goto(path);
		const text = await page.locator('main').innerText();
		for (const name of ['Fialová', 'Pokorný', 'Benešová', 'Hájek']) {
			expect(text, `${path} shows ${name}`).not.toContain(name);
		}
	}
	await page.goto('/people');
	await expect(page.getByTestId('names-hidden')).toBeVisible();
	const response = await page.goto('/people/1');
	expect(response?.status()).toBe(403);
});

async function unitId(page: import('@playwright/test').Page, name: string) {
	return page.locator('#unit option', { hasText: name }).getAttribute('value');
}

async function optionIndexOf(select: import('@playwright/test').Locator, text: string) {
	const labels = await select.locator('option').allInnerTexts();
	const i = labels.findIndex((l) => l.includes(text));
	expect(i, `${text} among ${labels.join(', ')}`).toBeGreaterThan(0);
	return i;
}
