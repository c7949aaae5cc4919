// Goals and KPIs end to end: a manager adds an objective, links a process, adds a KPI and sets
// its target; the process owner records an actual and sees the status change; a viewer sees no
// edit controls and a forged POST gets 403.
import { expect, test } from '@playwright/test';
import { signIn, signOut } from './helpers';

const year = new Date().getFullYear();
const month = `${year}-${String(new Date().getMonth() + 1).padStart(2, '0')}`;

test.describe.configure({ mode: 'serial' });

let goalUrl = '';
let kpiUrl = '';

test('a manager adds an objective, links a process and sets a target', async ({ page }) => {
	await signIn(page, 'starosta');
	await page.goto('/goals');
	await expect(page.getByTestId('goal-V')).toBeVisible();
	// The seeded tree shows statuses and sparklines.
	await expect(page.getByTestId('kpi-KPI-02').locator('svg')).toBeVisible();

	const form = page.locator('form[action="?/create"]');
	await form.getByLabel('Kód', { exact: true }).fill('C1.9');
	await form.getByLabel('Název', { exact: true }).fill('Zkrátit čekání na přepážce');
	await form.getByLabel('Úroveň').selectOption('objective');
	const parent = await form
		.locator('select[name="parentId"] option', { hasText: 'C1 Dobře a efektivně' })
		.getAttribute('value');
	await form.getByLabel('Nadřízený cíl').selectOption(parent!);
	await form.getByRole('button', { name: 'Vytvořit cíl' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'C1.9 Zkrátit čekání na přepážce'
	);
	goalUrl = new URL(page.url()).pathname;

	// A weight out of range is refused at the field; a valid one links the process.
	const link = page.locator('form[action="?/link"]');
	const eo = await link
		.locator('option', { hasText: 'P-EO Evidence obyvatel' })
		.getAttribute('value');
	await link.getByLabel('Proces').selectOption(eo!);
	await link.getByLabel(/Váha příspěvku/).fill('120');
	await link.getByRole('button', { name: 'Přiřadit proces' }).click();
	await expect(link.getByText('Váha musí být celé číslo od 1 do 100.')).toBeVisible();
	await link.getByLabel(/Váha příspěvku/).fill('30');
	await link.getByRole('button', { name: 'Přiřadit proces' }).click();
	await expect(page.getByTestId('goal-process-P-EO')).toContainText('30 %');

	const kpi = page.locator('form[action="?/createKpi"]');
	await kpi.getByLabel('Kód ukazatele').fill('KPI-E2E');
	await kpi.getByLabel('Název ukazatele').fill('Čekací doba na přepážce');
	await kpi.getByLabel('Jednotka').fill('min');
	await kpi.getByLabel('Směr').selectOption('lower');
	await kpi.getByLabel('Periodicita').selectOption('monthly');
	await kpi
		.getByLabel('Odpovědná osoba')
		.selectOption({ label: 'Lucie Procházková, garantka procesů' });
	await kpi.getByRole('button', { name: 'Vytvořit ukazatel' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'KPI-E2E Čekací doba na přepážce'
	);
	kpiUrl = new URL(page.url()).pathname;

	const target = page.locator('form[action="?/target"]');
	await target.getByLabel('Období').fill(String(year));
	await target.getByLabel('Cílová hodnota').fill('10');
	await target.getByLabel('Tolerance').fill('-2');
	await target.getByRole('button', { name: 'Uložit cílovou hodnotu' }).click();
	await expect(target.getByText('Tolerance nesmí být záporná.')).toBeVisible();
	await target.getByLabel('Tolerance').fill('2,5');
	await target.getByRole('button', { name: 'Uložit cílovou hodnotu' }).click();
	await expect(page.getByRole('status')).toHaveText('Uloženo.');
	await expect(page.getByTestId(`period-${month}`)).toContainText('bez dat');
	await signOut(page);
});

test('the process owner records an actual and sees the status change', async ({ page }) => {
	await signIn(page, 'garant');
	await page.goto('/my');
	const row = page.getByTestId(`due-KPI-E2E-${month}`);
	await expect(row).toBeVisible();
	await row.getByRole('link', { name: 'Zadat skutečnost' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'KPI-E2E Čekací doba na přepážce'
	);

	const form = page.locator('form[action="?/actual"]');
	await expect(form.getByLabel('Období')).toHaveValue(month);
	// Off target without a comment is refused at the field.
	await form.getByLabel(/Skutečnost/).fill('14,5');
	await form.getByRole('button', { name: 'Uložit skutečnost' }).click();
	await expect(
		form.getByText('Hodnota neplní cíl ani v toleranci – doplňte komentář.')
	).toBeVisible();
	await form.getByLabel(/Skutečnost/).fill('11,5');
	await form.getByRole('button', { name: 'Uložit skutečnost' }).click();
	await expect(page.getByTestId(`period-${month}`)).toContainText('v toleranci');

	await page.reload();
	await form.getByLabel(/Skutečnost/).fill('8');
	await form.getByRole('button', { name: 'Uložit skutečnost' }).click();
	// The period has a value already: replacing it is confirmed first.
	await expect(page.getByTestId('confirm-overwrite')).toContainText('Chcete ji přepsat?');
	await page.getByRole('button', { name: 'Přepsat hodnotu' }).click();
	await expect(page.getByTestId(`period-${month}`)).toContainText('plněno');
	await expect(page.getByTestId('latest-value')).toContainText('8');

	await page.goto('/my');
	await expect(page.getByTestId(`due-KPI-E2E-${month}`)).toHaveCount(0);
	await signOut(page);
});

test('a viewer sees no edit controls and a forged POST gets 403', async ({ page, baseURL }) => {
	await signIn(page, 'host');
	await page.goto(goalUrl);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'C1.9 Zkrátit čekání na přepážce'
	);
	await expect(page.locator('form[method="POST"][action^="?/"]')).toHaveCount(0);
	await page.goto(kpiUrl);
	await expect(page.getByTestId(`period-${month}`)).toContainText('plněno');
	await expect(page.locator('form[method="POST"][action^="?/"]')).toHaveCount(0);
	await page.goto('/processes/4');
	await expect(page.locator('form[method="POST"][action^="?/"]')).toHaveCount(0);

	const forged = await page.request.post(`${kpiUrl}?/actual`, {
		form: { period: month, value: '1', comment: 'x' },
		headers: { origin: baseURL!, accept: 'application/json' }
	});
	expect(forged.status()).toBe(403);
	const forgedGoal = await page.request.post(`${goalUrl}?/delete`, {
		form: {},
		headers: { origin: baseURL!, accept: 'application/json' }
	});
	expect(forgedGoal.status()).toBe(403);
	// Nothing changed.
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await page.goto(kpiUrl);
	await expect(page.getByTestId('latest-value')).toContainText('8');
});

test('the process catalogue sorts by potential and a card shows its history', async ({ page }) => {
	await signIn(page, 'garant');
	await page.goto('/processes?sort=potential');
	const first = page.locator('tbody tr').first();
	await expect(first).toContainText('P-SR');
	await page.goto('/processes/4');
	const form = page.locator('form[action="?/update"]');
	await form.getByLabel('Výstupy').fill('Potvrzení o pobytu');
	await form.getByRole('button', { name: 'Uložit' }).click();
	await expect(page.getByRole('status')).toHaveText('Uloženo.');
	await page.reload();
	await expect(page.getByText('Potvrzení o pobytu').first()).toBeVisible();
	await expect(page.locator('.history li').first()).toContainText('úprava karty');
});

test('an import with a bad row saves nothing and names the row; a good file imports', async ({
	page
}) => {
	await signIn(page, 'garant');
	await page.goto('/goals/import');
	const last = year - 1;
	const bad = `období;kód;hodnota;komentář\n${last}-01;KPI-02;14,5;\n${last}-Q1;KPI-02;14;\n${last}-02;KPI-03;80;\n`;
	await page.getByLabel('Soubor').setInputFiles({
		name: 'skutecnosti.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(bad, 'utf8')
	});
	await page.getByRole('button', { name: 'Importovat' }).click();
	await expect(page.getByText('Soubor obsahuje chyby (2); nic nebylo uloženo.')).toBeVisible();
	const problems = page.getByTestId('import-problems');
	await expect(problems.locator('tbody tr')).toHaveCount(2);
	await expect(problems.locator('tbody tr').nth(0)).toContainText('3');
	await expect(problems.locator('tbody tr').nth(0)).toContainText(
		'Období neodpovídá periodicitě ukazatele.'
	);
	await expect(problems.locator('tbody tr').nth(1)).toContainText(
		'Za ukazatel KPI-03 neodpovídáte'
	);

	const good = `${last}-01;KPI-02;14,5;\n${last}-02;KPI-02;13;\n`;
	await page.getByLabel('Soubor').setInputFiles({
		name: 'skutecnosti.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(good, 'utf8')
	});
	await page.getByRole('button', { name: 'Importovat' }).click();
	await expect(page.getByRole('status')).toContainText('Importováno 2 skutečností');
	await page.goto('/goals/kpi/2');
	await expect(page.getByTestId(`period-${last}-01`)).toContainText('14,5');
});

test('a concurrent goal edit is refused and names the other person’s values by their labels', async ({
	browser
}) => {
	const first = await browser.newPage();
	const second = await browser.newPage();
	await signIn(first, 'starosta');
	await signIn(second, 'tajemnik');
	for (const page of [first, second]) await page.goto(goalUrl, { waitUntil: 'networkidle' });
	const edit = (page: typeof first) => page.locator('form[action="?/update"]');

	await edit(first).getByLabel('Název', { exact: true }).fill('Kratší čekání na přepážce');
	await edit(first).getByRole('button', { name: 'Uložit' }).click();
	await expect(first.getByRole('heading', { level: 1 })).toHaveText(
		'C1.9 Kratší čekání na přepážce'
	);

	await edit(second)
		.getByLabel('Do roku')
		.fill(String(year + 3));
	await edit(second).getByRole('button', { name: 'Uložit' }).click();
	const alert = second.locator('section[aria-labelledby="edit-h"]').getByRole('alert');
	await expect(alert).toContainText('Záznam mezitím změnil někdo jiný');
	// The values now saved, under the form's own labels; the changed one is marked.
	const name = alert.locator('dt', { hasText: /^Název$/ });
	await expect(name).toBeVisible();
	await expect(name.locator('+ dd')).toContainText('Kratší čekání na přepážce');
	await expect(name.locator('+ dd')).toContainText('liší se');
	await expect(alert.locator('dt', { hasText: /^(name|code|version|override)$/ })).toHaveCount(0);
	// Nothing of the second edit was saved over the first.
	await second.reload();
	await expect(second.getByRole('heading', { level: 1 })).toHaveText(
		'C1.9 Kratší čekání na přepážce'
	);
	await first.close();
	await second.close();
});
