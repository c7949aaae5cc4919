// Guests: the admin invites an external CAF assessor; the invitation arrives in an SMTP sink this
// test starts (the server under test sends to it, see playwright.config.ts); the guest follows
// the one-time link, sets a password, sees only the CAF round (no names, no other page of the
// app) and is signed out at once when the admin revokes them.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { decoded, e2eSinkPort, startSmtpSink, type SmtpSink } from '../smtp-sink';
import { signIn } from './helpers';

let sink: SmtpSink;

test.beforeAll(async () => {
	sink = await startSmtpSink({ port: e2eSinkPort() });
});

test.afterAll(() => sink.close());

/** Every page of the signed-in app, as a path with its parameters filled in. */
function appPages(roundId: string): { route: string; path: string }[] {
	const root = path.resolve('src/routes/(app)');
	const walk = (dir: string): string[] =>
		readdirSync(dir).flatMap((e) => {
			const full = path.join(dir, e);
			return statSync(full).isDirectory() ? walk(full) : [full];
		});
	return walk(root)
		.filter((f) => f.endsWith('+page.svelte') || f.endsWith('+server.ts'))
		.map((f) => path.relative(root, path.dirname(f)).split(path.sep).join('/'))
		.map((dir) => ({
			route: `/(app)${dir ? '/' + dir : ''}`,
			path:
				'/' +
				dir
					.replace(/\[id\]/g, roundId)
					.replace(/\[code\]/g, '1.1')
					.replace(/\[table\]/g, 'subcriteria')
					.replace(/\[[^\]]+\]/g, '1')
		}));
}

const GUEST_OPENS = new Set([
	'/(app)/guest',
	'/(app)/account',
	'/(app)/caf/[id]',
	'/(app)/caf/[id]/[code]',
	'/(app)/caf/[id]/results',
	'/(app)/caf/[id]/report'
]);

async function statusOf(request: APIRequestContext, url: string): Promise<number> {
	const response = await request.get(url, { maxRedirects: 0 });
	return response.status();
}

test('an invited CAF assessor signs in through the link, sees only the round, and is gone after revocation', async ({
	page,
	browser
}) => {
	test.setTimeout(180_000);
	const email = 'hodnotitelka@kraj.example';
	await signIn(page, 'admin');
	await page.goto('/admin/users');
	const card = page.locator('section', {
		has: page.getByRole('heading', { name: 'Pozvat hosta' })
	});
	await card.getByLabel('E-mail').fill(email);
	await card.getByLabel('Jméno').fill('Hodnotitelka z kraje');
	await card.getByLabel('Účel').selectOption('assessor');
	// A month after the server's today (the field's minimum).
	const today = await card.getByLabel('Přístup do').getAttribute('min');
	const end = new Date(`${today}T00:00:00Z`);
	end.setUTCDate(end.getUTCDate() + 30);
	await card.getByLabel('Přístup do').fill(end.toISOString().slice(0, 10));
	const rounds = card.getByRole('group', { name: 'Kola CAF' });
	const roundName = (await rounds.locator('label').first().innerText()).trim();
	await rounds.getByRole('checkbox').first().check();
	await card.getByRole('button', { name: 'Pozvat hosta' }).click();
	await expect(page.getByTestId('guest-invited')).toContainText(email);
	const row = page.getByTestId(`guest-row-${email}`);
	await expect(row).toContainText(roundName);
	await expect(row.getByTestId('guest-state')).toHaveText('pozván');

	await expect.poll(() => sink.received.some((r) => r.to.includes(email))).toBe(true);
	const mail = decoded(sink.received.find((r) => r.to.includes(email))!.body);
	expect(mail).toContain('Dobrý den, Hodnotitelka z kraje');
	// No other person's name: not even the admin's.
	expect(mail).not.toContain('Správce');
	const link = /http:\/\/localhost:\d+(\/invite\/[a-z2-7]{32})/.exec(mail);
	expect(link).not.toBeNull();

	const guestContext = await browser.newContext();
	const guest = await guestContext.newPage();
	await guest.goto(link![1]);
	await guest.waitForLoadState('networkidle');
	await expect(guest.getByText('Hodnotitelka z kraje')).toBeVisible();
	await guest.getByLabel('Heslo').fill('heslo');
	await guest.getByRole('button', { name: 'Nastavit heslo a přihlásit se' }).click();
	await expect(guest.locator('.field-error')).toBeVisible();
	await guest.getByLabel('Heslo').fill('hodnotitelka-z-kraje-2026');
	await guest.getByRole('button', { name: 'Nastavit heslo a přihlásit se' }).click();
	await expect(guest).toHaveURL(/\/guest$/);

	// The navigation offers only their own page; it lists the one round.
	const nav = guest.getByRole('navigation', { name: /Hlavní|Main/ });
	await expect(nav.getByRole('link')).toHaveText(['Můj přístup']);
	const roundLink = guest.getByTestId('guest-caf-rounds').getByRole('link');
	await expect(roundLink).toHaveText([roundName]);
	await roundLink.click();
	await expect(guest.getByRole('heading', { level: 1 })).toContainText(roundName);
	// The round without people: no leader, panel or owners by name.
	const text = await guest.locator('main').innerText();
	for (const name of ['Černý', 'Procházková', 'Dvořáková', 'Svoboda', 'Nováková']) {
		expect(text).not.toContain(name);
	}
	const roundId = /\/caf\/(\d+)/.exec(guest.url())![1];

	// Every other page and endpoint of the app is refused (403, or 404 for another round or
	// process), whatever its own load checks.
	const refused: string[] = [];
	const opened: string[] = [];
	for (const { route, path: url } of appPages(roundId)) {
		const status = await statusOf(guestContext.request, url);
		if (GUEST_OPENS.has(route)) {
			if (status !== 200) refused.push(`${url} ${status}`);
		} else if (![403, 404, 405].includes(status)) {
			// (405: an endpoint without GET, e.g. /guide; the role matrix posts to it as the guest)
			opened.push(`${url} ${status}`);
		}
	}
	expect(opened).toEqual([]);
	expect(refused).toEqual([]);
	const other = String(Number(roundId) === 1 ? 2 : 1);
	expect(await statusOf(guestContext.request, `/caf/${other}`)).toBe(404);
	expect(await statusOf(guestContext.request, '/api/v1/processes')).toBe(403);

	// The link works once.
	const again = await browser.newContext();
	const second = await again.newPage();
	await second.goto(link![1]);
	await expect(second.getByTestId('invitation-invalid')).toBeVisible();
	await again.close();

	// The admin revokes: the guest's next request goes to the login page.
	await page.reload();
	await expect(row.getByTestId('guest-state')).toHaveText('aktivní');
	await row.getByRole('button', { name: 'Odebrat přístup' }).click();
	await expect(row.getByTestId('guest-state')).toHaveText('odebrán');
	await guest.goto(`/caf/${roundId}`);
	await expect(guest).toHaveURL(/\/login/);
	await guestContext.close();
});
