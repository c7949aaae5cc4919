// Staged allocation as the finance clerk uses it (issue #21): the demo's IT support process is
// passed on by PCs on first visit; the clerk removes the stage and sets it again, and sees a
// process's unit cost change and the stage's steps on its cost row.
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

async function costRow(page: Page, year: string, processId: string) {
	await page.goto(`/costs?year=${year}&process=${processId}`);
	return page.getByTestId('process-cost-P-SR');
}

test('the clerk allocates IT onward by PCs and sees the unit cost and its steps', async ({
	page
}) => {
	await signIn(page, 'ekonom');
	await page.goto('/costs/allocation');
	// The last full year: every process has its volume.
	const year = String(Number(await page.getByLabel('Rok').inputValue()) - 1);
	await page.goto(`/costs/allocation?year=${year}`);
	await page.waitForLoadState('networkidle');
	await expect(page.getByTestId('stage-steps-1')).toContainText('P-IT');
	const processId = (await page
		.locator('label[for^="p"]', { hasText: /^P-SR – / })
		.getAttribute('for'))!.slice(1);

	const staged = await costRow(page, year, processId);
	await expect(staged).toContainText('etapa 1 z P-IT');
	const unitWith = await staged.locator('td').nth(4).innerText();

	// Without the stage, IT keeps its cost: the row has no stage step and another unit cost.
	await page.goto(`/costs/allocation?year=${year}`);
	await page.waitForLoadState('networkidle');
	const row = page.getByTestId('stages-row-0');
	await row
		.getByRole('combobox', { name: 'Podpůrný proces' })
		.selectOption({ label: '— bez etapy —' });
	await page.getByRole('button', { name: 'Uložit etapy' }).click();
	await expect(page.getByTestId('stage-steps-1')).toBeHidden();
	const plain = await costRow(page, year, processId);
	await expect(plain).not.toContainText('etapa 1');
	const unitWithout = await plain.locator('td').nth(4).innerText();
	expect(unitWithout).not.toBe(unitWith);

	// IT onward by PCs again: the steps and the unit cost come back.
	await page.goto(`/costs/allocation?year=${year}`);
	await page.waitForLoadState('networkidle');
	await row
		.getByRole('combobox', { name: 'Podpůrný proces' })
		.selectOption({ label: 'P-IT – IT provoz a uživatelská podpora' });
	await row
		.getByRole('combobox', { name: 'Vztahová veličina' })
		.selectOption({ label: 'Počet počítačů (ks)' });
	await page.getByRole('button', { name: 'Uložit etapy' }).click();
	await expect(page.getByTestId('stage-steps-1')).toContainText('P-IT');
	await expect(page.getByTestId('stage-steps-1')).toContainText('P-SR');
	const again = await costRow(page, year, processId);
	await expect(again).toContainText('etapa 1 z P-IT');
	await expect(again.locator('td').nth(4)).toHaveText(unitWith);

	// A what-if: the same stages computed without saving show every process before and after.
	await page.goto(`/costs/allocation?year=${year}`);
	await page.waitForLoadState('networkidle');
	await page.getByRole('button', { name: 'Spočítat' }).click();
	await expect(page.getByTestId('scenario-P-SR')).toBeVisible();
});
