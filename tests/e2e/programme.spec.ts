import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

// Not the last milestone, so the time axis keeps its span when it moves.
const MILESTONE = 'Procesní karty všech klíčových procesů';

function addDays(date: string, days: number): string {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

async function initiativeUrl(page: Page, code: string) {
	await page.goto('/initiatives');
	const href = await page.getByTestId(`ini-row-${code}`).getByRole('link').getAttribute('href');
	expect(href).toMatch(/^\/initiatives\/\d+$/);
	return href!;
}

test('the project manager moves a milestone and sees the slip and the timeline change', async ({
	page
}) => {
	await signIn(page, 'projekt');
	await page.goto('/programme');
	await expect(page.getByRole('heading', { name: 'Časová osa' })).toBeVisible();
	const row = page.getByTestId(/^ms-row-/).filter({ hasText: MILESTONE });
	await expect(row.getByTestId('slip-cell')).toHaveText('0 d');
	const href = await row.getByRole('link', { name: MILESTONE }).getAttribute('href');
	const id = href!.split('/').pop()!;
	const diamond = page.getByTestId(`timeline-ms-${id}`);
	const xBefore = Number(await diamond.getAttribute('data-x'));
	const dueBefore = (await diamond.getAttribute('data-due'))!;
	await expect(page.getByTestId(`timeline-slip-${id}`)).toHaveCount(0);

	await row.getByRole('link', { name: MILESTONE }).click();
	await expect(page.getByRole('heading', { level: 1, name: MILESTONE })).toBeVisible();
	await page.waitForLoadState('networkidle');

	// A due date before the activity starts is refused at the field, and nothing changes.
	await page.getByLabel('Aktuální termín').fill('2001-01-01');
	await page.getByRole('button', { name: 'Uložit' }).click();
	await expect(page.getByText('Termín nemůže být před začátkem aktivity.')).toBeVisible();
	await expect(page.getByLabel('Aktuální termín')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByTestId('slip')).toHaveText('0 d');

	// Moving it 45 days later, with the reason for the slip, shows a 45-day slip.
	await page.getByLabel('Aktuální termín').fill(addDays(dueBefore, 45));
	await page.getByLabel('Důvod skluzu').fill('Dodavatel posunul nasazení');
	await page.getByRole('button', { name: 'Uložit' }).click();
	await expect(page.getByRole('status')).toHaveText('Uloženo.');
	await expect(page.getByTestId('slip')).toHaveText('45 d');

	await page.getByRole('link', { name: /Zpět na program/ }).click();
	await expect(row.getByTestId('slip-cell')).toHaveText('45 d');
	await expect(diamond).toHaveAttribute('data-due', addDays(dueBefore, 45));
	const xAfter = Number(await diamond.getAttribute('data-x'));
	expect(xAfter).toBeGreaterThan(xBefore);
	await expect(page.getByTestId(`timeline-slip-${id}`)).toHaveCount(1);
});

test('a manager approves a proposed initiative', async ({ page }) => {
	await signIn(page, 'starosta');
	const url = await initiativeUrl(page, 'INI-06');
	await page.goto(url, { waitUntil: 'networkidle' });
	await expect(page.getByTestId('initiative-status')).toHaveText('navrženo');
	await page.getByRole('button', { name: 'Schválit opatření' }).click();
	await expect(page.getByTestId('initiative-status')).toHaveText('schváleno');
	await expect(page.getByText(/navrženo → schváleno/)).toBeVisible();
	await page.goto('/initiatives');
	await expect(page.getByTestId('ini-row-INI-06')).toContainText('schváleno');
});

test('a finance user cannot approve: no button, and the server answers 403', async ({
	page,
	baseURL
}) => {
	await signIn(page, 'ekonom');
	const url = await initiativeUrl(page, 'INI-11');
	await page.goto(url);
	await expect(page.getByTestId('initiative-status')).toHaveText('navrženo');
	await expect(page.getByRole('button', { name: 'Schválit opatření' })).toHaveCount(0);
	await expect(page.getByText(/čeká na schválení vedením/)).toBeVisible();
	for (const [action, form] of [
		['approve', { version: '1' }],
		['status', { version: '1', to: 'approved' }]
	] as const) {
		const response = await page.request.post(`${url}?/${action}`, {
			form,
			headers: { origin: baseURL!, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(response.status(), action).toBe(403);
	}
	await page.reload();
	await expect(page.getByTestId('initiative-status')).toHaveText('navrženo');
});

test('bad savings input is refused at the field; the monthly report prints the programme', async ({
	page
}) => {
	await signIn(page, 'projekt');
	await page.goto(await initiativeUrl(page, 'INI-01'), { waitUntil: 'networkidle' });
	await expect(page.getByTestId('payback-formula')).toContainText('Doba návratnosti');
	await page.getByLabel('Úspora (Kč)').fill('5000');
	await page.getByRole('button', { name: 'Zaznamenat úsporu' }).click();
	await expect(page.getByText('Zadejte období, za které byla úspora dosažena.')).toBeVisible();
	await expect(page.getByText('Vyplňte toto pole.')).toBeVisible();

	await page.getByLabel('Rozpočet na rok (Kč)').fill('-100');
	await page.getByRole('button', { name: 'Nastavit rozpočet' }).click();
	await expect(page.getByText('Částka nesmí být záporná.')).toBeVisible();

	await page.goto('/programme/report');
	await expect(
		page.getByRole('heading', { name: /Měsíční zpráva o stavu programu/ })
	).toBeVisible();
	for (const heading of ['Postup podle aktivit', 'Milníky se skluzem', 'Hlavní rizika']) {
		await expect(page.getByRole('heading', { name: heading })).toBeVisible();
	}
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('button', { name: 'Tisk' })).toBeHidden();
});

test('the private calendar feed serves the milestones as iCalendar without a session', async ({
	page,
	playwright,
	baseURL
}) => {
	await signIn(page, 'garant');
	// Wait for hydration so the enhanced form handles the click.
	await page.goto('/programme', { waitUntil: 'networkidle' });
	// The first link, or a new one when this user already has a feed (it replaces the old one).
	await page.getByRole('button', { name: /Vytvořit (nový )?odkaz/ }).click();
	const feedUrl = await page.getByTestId('calendar-url').inputValue();
	expect(feedUrl).toMatch(/\/calendar\/[a-z2-7]{32}$/);
	const anonymous = await playwright.request.newContext({ baseURL });
	const response = await anonymous.get(new URL(feedUrl).pathname);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toContain('text/calendar');
	const ics = await response.text();
	expect(ics).toContain('BEGIN:VCALENDAR');
	expect(ics).toContain('Modely BPMN');
	expect(ics).not.toContain('Zpráva ze sebehodnocení CAF');
	expect((await anonymous.get('/calendar/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')).status()).toBe(404);
	await anonymous.dispose();
});

test('a concurrent edit is detected: the second save shows the current values, overwrites nothing', async ({
	browser
}) => {
	const first = await browser.newPage();
	const second = await browser.newPage();
	await signIn(first, 'projekt');
	await signIn(second, 'admin');
	await first.goto('/programme');
	const row = first
		.getByTestId(/^ms-row-/)
		.filter({ hasText: 'Pravidelné vyhodnocování KPI procesů' });
	const href = (await row.getByRole('link').first().getAttribute('href'))!;
	await first.goto(href, { waitUntil: 'networkidle' });
	await second.goto(href, { waitUntil: 'networkidle' });

	await first.getByLabel('Poznámky').fill('Posunuto kvůli výběru dodavatele.');
	await first.getByRole('button', { name: 'Uložit' }).click();
	await expect(first.getByRole('status')).toHaveText('Uloženo.');

	await second.getByLabel('Poznámky').fill('Jiná poznámka');
	await second.getByRole('button', { name: 'Uložit' }).click();
	await expect(second.getByRole('alert')).toContainText('Záznam mezitím změnil někdo jiný');
	await expect(second.getByRole('alert')).toContainText('Posunuto kvůli výběru dodavatele.');
	await expect(second.getByLabel('Poznámky')).toHaveValue('Jiná poznámka');

	await first.reload();
	await expect(first.getByLabel('Poznámky')).toHaveValue('Posunuto kvůli výběru dodavatele.');
	await first.close();
	await second.close();
});
