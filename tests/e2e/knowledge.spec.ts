import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('the knowledge search finds records without accents, marks the hits and filters by kind', async ({
	page
}) => {
	await signIn(page, 'host');
	await page.goto('/knowledge?q=odpadove+hospodarstvi');
	const hits = page.getByTestId('search-hits');
	await expect(hits.getByRole('link').first()).toContainText('Odpadové hospodářství');
	await expect(hits.locator('mark').first()).toHaveText('Odpadové');
	await page.goto('/knowledge?q=znalosti&kind=caf');
	await expect(hits).toContainText('4.4 Řídí informace a znalosti');
	await expect(hits.getByText('Model CAF').first()).toBeVisible();
});
