// Two app instances on one PostgreSQL database behind nginx (scripts/scale-out.js, the topology
// of compose.yaml without containers): whatever instance a request reaches, the session, the
// sign-in throttle, the overview's cache and the ledger are the same.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { kxxFile } from '../integration/imports-formats-files';
import { DEMO_PASSWORD, signIn } from './helpers';
import { missing, startScaleOut } from '../../scripts/scale-out.js';

const PORT = Number(process.env.E2E_PORT ?? 4173) + 1;
// The demo is seeded up to today: January of this year is always in the year to date.
const YEAR = new Date().getFullYear();

type Topology = { url: string; instances: string[]; stop: () => Promise<void> };
let topology: Topology | null = null;
let why: string | null = null;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	test.setTimeout(600_000);
	why = await missing();
	if (why) return;
	topology = await startScaleOut({
		port: PORT,
		log: (line: string) => void process.stderr.write(line)
	});
});

test.afterAll(async () => {
	await topology?.stop();
});

/** A browser talking to one instance directly, as nginx would forward it. */
function direct(browser: Browser, instance: string): Promise<BrowserContext> {
	return browser.newContext({
		baseURL: instance,
		extraHTTPHeaders: { 'x-forwarded-proto': 'http', 'x-forwarded-for': '198.51.100.7' }
	});
}

function upload(name: string, bytes: Uint8Array) {
	return { name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) };
}

/** The year's actual total on /costs in haléře. */
async function actualTotal(page: Page): Promise<number> {
	await page.goto(`/costs?year=${YEAR}`);
	const text = (await page.getByTestId('actual-total').textContent()) ?? '';
	const [whole, fraction = '0'] = text.replace(/[^\d,-]/g, '').split(',');
	return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
}

async function importFile(page: Page, name: string, bytes: Uint8Array) {
	await page.goto('/costs/import');
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Soubor', { exact: true }).setInputFiles(upload(name, bytes));
	await page.getByRole('button', { name: 'Importovat', exact: true }).click();
	await expect(
		page.getByTestId('import-result').getByRole('heading', { name: /Importováno jako dávka/ })
	).toBeVisible({ timeout: 60_000 });
}

test.beforeEach(() => {
	test.skip(why !== null, `scale-out needs nginx and PostgreSQL: ${why}`);
});

test('a session opened through one instance works on the other and through nginx', async ({
	browser
}) => {
	const [one, two] = topology!.instances;
	const context = await direct(browser, one);
	const page = await context.newPage();
	await signIn(page, 'starosta');
	await page.goto(`${two}/account`);
	await expect(page.getByTestId('user-name')).toBeAttached();
	await expect(page).toHaveURL(`${two}/account`);

	const proxied = await browser.newContext({ baseURL: topology!.url });
	const viaProxy = await proxied.newPage();
	await signIn(viaProxy, 'tajemnik');
	// nginx spreads the requests over both instances: every one is signed in.
	for (let i = 0; i < 4; i++) {
		const response = await viaProxy.request.get('/account', { maxRedirects: 0 });
		expect(response.status()).toBe(200);
	}
	// The largest pages pass the proxy too: SvelteKit names every module a page needs in its Link
	// header (over 6 KB on /costs), more than nginx takes by default.
	for (const path of ['/', '/costs', '/goals', '/processes', '/programme', '/people', '/caf']) {
		const response = await viaProxy.request.get(path, { maxRedirects: 0 });
		expect(response.status(), path).toBe(200);
	}
	await context.close();
	await proxied.close();
});

test('the sign-in throttle counts attempts on both instances together', async ({ playwright }) => {
	const [one, two] = topology!.instances;
	const headers = (origin: string) => ({
		origin,
		accept: 'text/html',
		'x-forwarded-proto': 'http',
		'x-forwarded-for': '203.0.113.5'
	});
	const contexts = await Promise.all(
		[one, two].map((baseURL) => playwright.request.newContext({ baseURL }))
	);
	const statuses: number[] = [];
	for (let i = 0; i < 6; i++) {
		const response = await contexts[i % 2].post('/login', {
			form: { username: 'projekt', password: 'spatne-heslo-123' },
			headers: headers([one, two][i % 2]),
			maxRedirects: 0
		});
		statuses.push(response.status());
	}
	// Three attempts pass, then the username must wait, whichever instance is asked.
	expect(statuses.slice(0, 3)).toEqual([400, 400, 400]);
	expect(statuses.slice(3)).toContain(429);
	const right = await contexts[1].post('/login', {
		form: { username: 'projekt', password: DEMO_PASSWORD },
		headers: headers(two),
		maxRedirects: 0
	});
	expect(right.status()).toBe(429);
	for (const c of contexts) await c.dispose();
});

test('an import through one instance: the overview and the per-month replacement seen on the other', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const [one, two] = topology!.instances;
	const first = await (await direct(browser, one)).newPage();
	const second = await (await direct(browser, two)).newPage();
	await signIn(first, 'ekonom');
	await signIn(second, 'ekonom');

	// The overview is computed on instance one and kept there until the data changes.
	await first.goto('/');
	const fixedBefore = await first.getByTestId('tile-fixed').textContent();
	const totalBefore = await actualTotal(first);

	// Electricity (fixed) for January, fifty million, imported through instance two.
	const january = (amount: bigint) =>
		kxxFile([{ month: 1, year: YEAR, lines: [{ polozka: '5154', orj: '110', amount }] }]);
	await importFile(second, 'energie-leden.kxx', january(50_000_000_00n));
	await first.goto('/');
	await expect(first.getByTestId('tile-fixed')).not.toHaveText(fixedBefore ?? '');
	expect(await actualTotal(first)).toBe(totalBefore + 50_000_000_00);

	// A corrected January through instance one replaces that month: instance two sees the new
	// amount, not both.
	await importFile(first, 'energie-leden-oprava.kxx', january(20_000_000_00n));
	expect(await actualTotal(second)).toBe(totalBefore + 20_000_000_00);
	await second.goto('/');
	await expect(second.getByTestId('tile-fixed')).not.toHaveText(fixedBefore ?? '');
});

test('https through the proxy: HSTS on pages and static files; an admin without a second factor sets it up first', async ({
	playwright
}) => {
	const [one] = topology!.instances;
	const https = await playwright.request.newContext({
		baseURL: one,
		extraHTTPHeaders: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.8' }
	});
	for (const path of ['/login', '/favicon.svg', '/healthz', '/does-not-exist']) {
		const response = await https.get(path, { maxRedirects: 0 });
		expect(response.headers()['strict-transport-security'], path).toContain('max-age=31536000');
		expect(response.headers()['x-content-type-options'], path).toBe('nosniff');
	}
	await https.dispose();

	const context = await playwright.request.newContext({
		baseURL: one,
		extraHTTPHeaders: { 'x-forwarded-proto': 'http', 'x-forwarded-for': '198.51.100.9' }
	});
	const signedIn = await context.post('/login', {
		form: { username: 'admin', password: DEMO_PASSWORD },
		headers: { origin: one, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(signedIn.status()).toBe(303);
	const admin = await context.get('/admin/users', { maxRedirects: 0 });
	expect(admin.status()).toBe(303);
	expect(admin.headers()['location']).toMatch(/^\/account\/two-factor\?required=1/);
	await context.dispose();
});
