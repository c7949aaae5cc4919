// The accounting system pushes a KXX file with a položka nobody has decided on: the endpoint keeps
// it waiting (202) and writes nothing; the clerk finds it on /costs/import, accepts the code as
// written, previews and imports it, and the batch lands with the položka marked unverified.
import { expect, test } from '@playwright/test';
import { kxxFile } from '../integration/imports-formats-files';
import { signIn, signOut } from './helpers';

const file = kxxFile([
	{
		month: 8,
		year: 2025,
		lines: [
			{ polozka: '5139', orj: '110', amount: 2_000_00n },
			{ polozka: '5997', orj: '110', amount: 41_25n },
			{ polozka: '5997', orj: '110', amount: 58_75n }
		]
	}
]);

test('a pushed file with an unknown položka waits until finance finishes it on /costs/import', async ({
	page,
	playwright,
	baseURL
}) => {
	test.setTimeout(180_000);
	await signIn(page, 'admin');
	await page.goto('/admin/tokens');
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Název').fill('GINIS');
	const ekonom = await page
		.locator('#token-user option', { hasText: '(ekonom)' })
		.getAttribute('value');
	await page.locator('#token-user').selectOption(ekonom!);
	await page.getByLabel('Oprávnění tokenu').selectOption('costs_import');
	await page.getByRole('button', { name: 'Vydat token' }).click();
	const token = (await page.getByTestId('issued-token').locator('code').textContent())!.trim();
	await expect(page.locator('tr', { hasText: 'GINIS' })).toContainText('zasílání účetních importů');
	await signOut(page);

	const api = await playwright.request.newContext({ baseURL });
	const authorization = `Bearer ${token}`;
	// An import token reads nothing.
	expect((await api.get('/api/v1/goals', { headers: { authorization } })).status()).toBe(403);
	const pushed = await api.post('/api/v1/imports', {
		headers: {
			authorization,
			'content-type': 'application/octet-stream',
			'x-file-name': 'srpen.kxx'
		},
		data: Buffer.from(file)
	});
	expect(pushed.status()).toBe(202);
	const body = (await pushed.json()) as {
		status: string;
		pendingId: number;
		unknown: { code: string; count: number; amount: string; choice: unknown }[];
	};
	expect(body.status).toBe('pending');
	expect(body.unknown).toEqual([
		{ field: 'polozka', code: '5997', count: 2, amount: '100.00', choice: null }
	]);

	await signIn(page, 'ekonom');
	await page.goto('/costs/import');
	await page.waitForLoadState('networkidle');
	const waiting = page.getByTestId(`waiting-${body.pendingId}`);
	await expect(waiting).toContainText('srpen.kxx');
	await expect(waiting).toContainText('5997 (2)');
	await waiting.getByRole('link', { name: 'Dokončit import' }).click();
	await expect(page.getByTestId('pending-banner')).toContainText('srpen.kxx');
	await page.waitForLoadState('networkidle');

	await page.getByRole('button', { name: 'Zobrazit náhled' }).click();
	const result = page.getByTestId('import-result');
	await expect(result.getByRole('heading', { name: /nic nebylo zapsáno/ })).toBeVisible();
	await page.locator('select[name="map_polozka:5997"]').selectOption('accept');
	await page.getByRole('button', { name: 'Zobrazit náhled' }).click();
	await expect(result.getByRole('heading', { name: /Náhled: soubor je v pořádku/ })).toBeVisible();

	await page.getByRole('button', { name: 'Importovat', exact: true }).click();
	await expect(result.getByRole('heading', { name: /Importováno jako dávka č\. \d+/ })).toBeVisible(
		{ timeout: 30_000 }
	);
	await expect(page.getByTestId('unverified-5997')).toBeVisible();
	await expect(page.getByTestId(`waiting-${body.pendingId}`)).toHaveCount(0);

	await page.goto('/costs/batches');
	await expect(page.locator('tr', { hasText: 'srpen.kxx' }).first()).toBeVisible();
});
