// The audit log as the secretary reads it after a change: the object's kind and present name,
// linked; what was done in words; each changed field with its label, before → after; filters by
// person and kind; and the same records as a CSV download.
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('a goal renamed by the mayor shows in the log in words, linked, and filters by person', async ({
	page
}) => {
	await signIn(page, 'starosta');
	await page.goto('/goals');
	const href = await page
		.locator('main a[href^="/goals/"]')
		.evaluateAll((links) =>
			links.map((a) => a.getAttribute('href')!).find((h) => /^\/goals\/\d+$/.test(h))
		);
	await page.goto(href!);
	const edit = page.locator('form[action="?/update"]');
	const name = edit.getByLabel('Název', { exact: true });
	const before = await name.inputValue();
	const after = `${before} (upraveno)`;
	await name.fill(after);
	await edit.getByRole('button', { name: 'Uložit' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(after);

	await page.goto('/admin/audit');
	await page.getByLabel('Kdo').selectOption({ label: 'Jana Nováková, starostka' });
	await page.getByLabel('Objekt').selectOption({ label: 'Cíl' });
	await page.getByRole('button', { name: 'Filtrovat' }).click();
	await expect(page).toHaveURL(/who=\d+/);
	const row = page.locator('tbody tr').first();
	await expect(row).toContainText('Jana Nováková, starostka');
	await expect(row).toContainText('změna');
	await expect(row.getByRole('link', { name: after })).toHaveAttribute('href', href!);
	await expect(row).toContainText(`Název: ${before} → ${after}`);
	// No action codes or raw JSON.
	await expect(page.locator('main')).not.toContainText('goal.update');
	await expect(page.locator('main')).not.toContainText('{"');

	// Another person's filter does not list the mayor's change.
	await page.getByLabel('Kdo').selectOption({ label: 'Tomáš Černý, projektový manažer' });
	await page.getByRole('button', { name: 'Filtrovat' }).click();
	await expect(page.locator('main')).not.toContainText(`${before} → ${after}`);

	// The filtered log downloads as CSV with the same words.
	await page.getByLabel('Kdo').selectOption({ label: 'Jana Nováková, starostka' });
	await page.getByRole('button', { name: 'Filtrovat' }).click();
	await expect(page.locator('main')).toContainText(`${before} → ${after}`);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: /^Stáhnout CSV/ }).click()
	]);
	const { readFile } = await import('node:fs/promises');
	const csv = await readFile((await download.path())!, 'utf8');
	expect(csv).toContain(after);
	expect(csv).toContain('Název');
});
