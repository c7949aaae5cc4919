// A manager finds the single point of failure of a key process (building permits), assigns a
// qualified deputy and sees it disappear; a gap becomes a training action on the person and in
// /my; capacity's what-if moves utilization unsaved; HR reads names; the viewer never sees one.
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
	const unitPage =
		'/people/coverage?unit=' + (await unitId(page, 'Odbor výstavby a územního plánování'));
	await page.goto(unitPage);
	// The list carries one assign form at a time, and removing buttons only on that row: the
	// row's link opens it.
	await expect(page.getByRole('button', { name: 'Odebrat z role' })).toHaveCount(0);
	await page.getByTestId(roleTestId).getByTestId('open-assign').click();
	await expect(page).toHaveURL(/assign=\d+/);
	const sr = page.getByTestId(roleTestId);
	const person = sr.locator('select[name="personId"]');
	await person.selectOption({ index: await optionIndexOf(person, 'Klára Fialová') });
	await sr.locator('select[name="kind"]').selectOption('deputy');
	await sr.getByRole('button', { name: 'Přiřadit k roli' }).click();
	await expect(page.getByTestId(roleTestId).getByTestId('spof')).toHaveCount(0);
	await page.goto('/people/coverage');
	const after = Number((await page.getByTestId('spof-count').innerText()).match(/\d+/)![0]);
	expect(after).toBe(before - 1);

	// Removing the deputy again (from the opened row) brings the single point of failure back.
	await page.goto(unitPage);
	await page.getByTestId(roleTestId).getByTestId('open-assign').click();
	const deputy = page.getByTestId(roleTestId).locator('li', { hasText: 'Klára Fialová' });
	await deputy.getByRole('button', { name: 'Odebrat z role' }).click();
	await expect(page.getByTestId(roleTestId).getByTestId('spof')).toBeVisible();
	await expect(deputy).toHaveCount(0);
	await page.goto('/people/coverage');
	const again = Number((await page.getByTestId('spof-count').innerText()).match(/\d+/)![0]);
	expect(again).toBe(before);
});

test('the viewer sees positions and counts, never a name', async ({ page }) => {
	await signIn(page, 'host');
	for (const path of [
		'/people',
		'/people/coverage',
		'/people/coverage?unit=1',
		'/people/coverage?spof=1',
		'/people/capacity',
		'/people/competences',
		'/people/processes/1',
		'/processes/1',
		'/my',
		'/'
	]) {
		await page.goto(path);
		const text = await page.locator('main').innerText();
		for (const name of ['Fialová', 'Pokorný', 'Benešová', 'Hájek', 'Kučerová', 'Veselá']) {
			expect(text, `${path} shows ${name}`).not.toContain(name);
		}
	}
	await page.goto('/people');
	await expect(page.getByTestId('names-hidden')).toBeVisible();
	const response = await page.goto('/people/1');
	expect(response?.status()).toBe(403);
});

test('a gap becomes a training action on the person and in the manager’s worklist', async ({
	page
}) => {
	await signIn(page, 'tajemnik');
	await page.goto('/people/coverage?spof=1');
	const kb = page.locator('[data-testid^="role-P-KB-"]');
	await expect(kb.getByTestId('spof')).toBeVisible();
	await kb.getByTestId('gap-training').click();
	await expect(page).toHaveURL(/\/people\/\d+/);
	const row = page.getByTestId('person-training').locator('tbody tr').first();
	await expect(row).toContainText('KB');
	await expect(row).toContainText('P-KB');
	await page.goto('/my');
	await expect(page.getByTestId('my-training')).toContainText('Kybernetická');
});

test('the capacity what-if moves a modelled role to another unit, unsaved', async ({ page }) => {
	await signIn(page, 'starosta');
	await page.goto('/people/capacity');
	const over = page.getByTestId('unit-OVÚP');
	await expect(over.getByTestId('flag')).toHaveText('přetížený');
	const before = await over.getByTestId('utilization').innerText();
	await over.locator('summary').click();
	await expect(page.getByTestId('drill-OVÚP')).toContainText('P-SR');
	const form = page.getByTestId('whatif');
	const roleSelect = form.locator('select[name="role"]');
	await roleSelect.selectOption({ index: await optionIndexOf(roleSelect, 'P-SR') });
	await form.locator('select[name="roleTo"]').selectOption({ label: 'Oddělení informatiky' });
	await form.getByRole('button', { name: 'Přepočítat' }).click();
	await expect(page.getByTestId('whatif-active')).toBeVisible();
	const after = await page.getByTestId('unit-OVÚP').getByTestId('utilization').innerText();
	expect(after).not.toBe(before);
	await page.goto('/people/capacity');
	await expect(page.getByTestId('unit-OVÚP').getByTestId('utilization')).toHaveText(before);
});

test('HR lands on the staff list and reads names, and the overview says the saved FTE', async ({
	page
}) => {
	await signIn(page, 'personalni');
	await expect(page).toHaveURL(/\/people$/);
	await expect(page.locator('main')).toContainText('Fialová');
	await page.goto('/');
	await expect(page.getByTestId('savings-fte')).toContainText('úvazku');
});

test('bad input is refused at the field: FTE over 1, a level outside 1–4', async ({ page }) => {
	await signIn(page, 'starosta');
	await page.goto('/people/1');
	const held = page.locator('form[action="?/held"]');
	await held.locator('select[name="competenceId"]').selectOption({ index: 1 });
	await held.locator('input[name="level"]').fill('5');
	await held.getByRole('button').click();
	await expect(held.locator('input[name="level"]')).toHaveAttribute('aria-invalid', 'true');
	const edit = page.locator('form[action="?/update"]');
	await edit.locator('input[name="fte"]').fill('1,2');
	await edit.getByRole('button', { name: 'Uložit' }).click();
	await expect(edit.locator('input[name="fte"]')).toHaveAttribute('aria-invalid', 'true');
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

test('the coverage list shows twenty-five roles a page, single points of failure first', async ({
	page
}) => {
	await signIn(page, 'starosta');
	await page.goto('/people/coverage');
	const pager = page.getByRole('navigation', { name: 'Stránkování' });
	const shown = /Role 1–25 z (\d+)/.exec(await pager.innerText());
	expect(shown, 'the demo office has more than fifty roles').not.toBeNull();
	const total = Number(shown![1]);
	expect(total).toBeGreaterThan(50);
	const rows = page.getByTestId('coverage').locator('tbody tr');
	await expect(rows).toHaveCount(25);
	// The count of single points of failure is the office's, not the page's, and they lead.
	const spofs = Number((await page.getByTestId('spof-count').innerText()).match(/\d+/)![0]);
	expect(spofs).toBeGreaterThan(0);
	await expect(rows.first()).toHaveClass(/spof/);
	await pager.getByRole('link', { name: 'Další' }).click();
	await expect(page).toHaveURL(/page=2/);
	await expect(pager).toContainText(`Role 26–50 z ${total}`);
	await expect(rows).toHaveCount(25);
	// A page past the last shows the last.
	await page.goto('/people/coverage?page=99');
	const lastFrom = Math.floor((total - 1) / 25) * 25 + 1;
	await expect(pager).toContainText(`Role ${lastFrom}–${total} z ${total}`);
	await expect(rows).toHaveCount(total - lastFrom + 1);
	await expect(pager.getByRole('link', { name: 'Další' })).toHaveCount(0);
	await expect(page.getByTestId('spof-count')).toContainText(String(spofs));
});

test('a unit’s matrix shows at most twenty roles by twenty people, a page past the last shows the last', async ({
	page
}) => {
	await signIn(page, 'starosta');
	await page.goto('/people/coverage');
	const unit = await unitId(page, 'Odbor výstavby a územního plánování');
	await page.goto(`/people/coverage?unit=${unit}`);
	const matrix = page.getByTestId('matrix');
	const rows = await matrix.locator('tbody tr').count();
	const columns = await matrix.locator('thead th.person').count();
	expect(rows).toBeGreaterThan(0);
	expect(rows).toBeLessThanOrEqual(20);
	expect(columns).toBeGreaterThan(0);
	expect(columns).toBeLessThanOrEqual(20);
	await page.goto(`/people/coverage?unit=${unit}&mrows=99&mcols=99`);
	await expect(matrix.locator('tbody tr')).toHaveCount(rows);
	await expect(matrix.locator('thead th.person')).toHaveCount(columns);
});
