// Figures a mayor can put before the council (issue #16): from a red goal to the KPI that makes
// it red, to the costliest process and its initiative; and a KPI value that replaces another
// only when confirmed, with the old one kept in the history.
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('the mayor drills from a red goal to its red KPI, the costliest process and its initiative', async ({
	page
}) => {
	await signIn(page, 'starosta');
	// The goals tile says how a goal's status arises.
	await expect(page.getByTestId('tile-goals').getByTestId('rollup-rule')).toContainText('nejhorší');
	await expect(page.getByTestId('tile-investment').getByTestId('share-formula')).toContainText('÷');

	// A red goal from the goal health list, with the count of its red KPIs beside it.
	const red = page.locator('.goal-list li', { has: page.locator('.badge.bad') }).first();
	await expect(red).toContainText('neplněných ukazatelů');
	const goalHref = (await red.getByRole('link').getAttribute('href'))!;
	await red.getByRole('link').click();
	await expect(page.getByTestId('goal-status')).toHaveClass(/bad/);
	await expect(page.getByTestId('red-kpis')).toBeVisible();

	// Its red KPI opens the KPI, not the goal.
	const kpiRow = page
		.locator('section[aria-labelledby="kpis-heading"] tbody tr', {
			has: page.locator('[data-status="off_target"]')
		})
		.first();
	const kpiLink = kpiRow.getByRole('link').first();
	await expect(kpiLink).toHaveAttribute('href', /^\/goals\/kpi\/\d+$/);
	const kpiCode = (await kpiLink.textContent())!.trim().split(' ')[0];
	await kpiLink.click();
	await expect(page).toHaveURL(/\/goals\/kpi\/\d+$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(kpiCode);
	await expect(page.locator('tbody [data-status="off_target"]').first()).toBeVisible();

	// Back to the goal: its costliest process first, and on to the initiative that improves it.
	await page.goto(goalHref);
	const rows = page.getByTestId('drill-processes').locator('tbody tr');
	await expect(rows.first()).toBeVisible();
	const costs = await rows.locator('td.num:nth-of-type(2)').allTextContents();
	const values = costs.map((c) => Number(c.replace(/[^\d]/g, '')));
	expect(values).toEqual([...values].sort((a, b) => b - a));
	const withInitiative = rows.filter({ has: page.locator('a[href^="/initiatives/"]') }).first();
	const initiative = withInitiative.locator('a[href^="/initiatives/"]').first();
	await initiative.click();
	await expect(page).toHaveURL(/\/initiatives\/\d+$/);
});

test('a KPI value outside its range is refused, and replacing a value asks first', async ({
	page
}) => {
	await signIn(page, 'starosta');
	await page.goto('/goals');
	await page.getByTestId('kpi-KPI-06').getByRole('link').first().click();
	await expect(page).toHaveURL(/\/goals\/kpi\/\d+$/);
	await expect(page.getByLabel(/Skutečnost/)).toBeVisible();

	// A recorded period, newest first in the table.
	const recorded = page
		.locator('tbody tr[data-testid^="period-"]')
		.filter({ has: page.locator('[data-status]:not([data-status="no_data"])') })
		.first();
	const period = (await recorded.getAttribute('data-testid'))!.replace('period-', '');
	const old = (await recorded.locator('td.num').nth(2).textContent())!.trim();

	const form = page.locator('form[action="?/actual"]');
	await form.getByLabel('Období').fill(period);
	// A share of 104 % is not a share.
	await form.getByLabel(/Skutečnost/).fill('104');
	await form.getByLabel('Komentář').fill('Kontrola rozsahu');
	await form.getByRole('button', { name: 'Uložit skutečnost' }).click();
	await expect(form.locator('.field-error')).toContainText('mimo povolený rozsah');

	// A value in range over an existing one: asked first, saved on the second submit.
	await form.getByLabel(/Skutečnost/).fill('55,5');
	await form.getByRole('button', { name: 'Uložit skutečnost' }).click();
	await expect(page.getByTestId('confirm-overwrite')).toContainText('Chcete ji přepsat?');
	await page.getByRole('button', { name: 'Přepsat hodnotu' }).click();
	await expect(page.getByRole('status')).toContainText(/Uloženo/);
	await expect(page.getByTestId(`period-${period}`).locator('td.num').nth(2)).toHaveText('55,5');
	// The history keeps the old value, in words and Czech numbers.
	await expect(page.locator('.history li').first()).toContainText(`Hodnota: ${old} → 55,5`);
});
