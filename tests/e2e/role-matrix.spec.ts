// Every write action of the app, posted as every demo role: the server must answer 403 to each
// role without the capability (not just hide the button), and must not refuse the roles with it.
import {
	expect,
	request as playwrightRequest,
	test,
	type APIRequestContext
} from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ALL_ROLES, can } from '../../src/lib/server/auth/permissions';
import { guestMayOpen, type GuestScope } from '../../src/lib/server/guests/scope';
import type { Role } from '../../src/lib/server/db/schema';
import { DEMO_PASSWORD } from './helpers';
import type { WriteAction } from './role-matrix/types';

const areaFiles = readdirSync(path.resolve('tests/e2e/role-matrix')).filter(
	(f) => f.endsWith('.ts') && f !== 'types.ts'
);
const actions: WriteAction[] = [];
for (const file of areaFiles) {
	const module = (await import(`./role-matrix/${file}`)) as Record<string, WriteAction[]>;
	for (const list of Object.values(module)) actions.push(...list);
}

const USER_OF: Record<Role, string> = {
	admin: 'admin',
	manager: 'starosta',
	finance: 'ekonom',
	project_manager: 'projekt',
	process_owner: 'garant',
	hr: 'personalni',
	viewer: 'host',
	// the demo's external CAF assessor (seed-guests.ts)
	guest: 'hodnotitel'
};
// What the demo guest may open: this year's CAF round (id 2) and the council report, reading only.
const DEMO_GUEST_SCOPE: GuestScope = {
	userId: 0,
	expiresOn: '9999-12-31',
	revoked: false,
	councilReport: true,
	mayScore: false,
	cafRounds: [2],
	processes: []
};

/** The route's parameters as the action's path fills them (`/caf/[id]` at `/caf/2`: id 2). */
function paramsOf(action: WriteAction): Record<string, string> {
	const route = action.route.split('/').filter((s) => s && !/^\(.*\)$/.test(s));
	const path = action.path.split('?')[0].split('/').filter(Boolean);
	const params: Record<string, string> = {};
	route.forEach((segment, i) => {
		const name = /^\[(\w+)\]$/.exec(segment)?.[1];
		if (name && path[i] !== undefined) params[name] = path[i];
	});
	return params;
}
// Public write endpoints that need no sign-in.
// A guest's one-time link is followed signed out; its token is the credential
// (tests/integration/guests.test.ts, tests/e2e/guests.spec.ts).
const PUBLIC = new Set(['/login default', '/logout POST', '/lang POST', '/invite/[token] default']);
// Endpoints a session never opens, whatever its role: only an API token of the right scope (and a
// user with the capability behind it) does; tests/integration/imports-push.test.ts covers tokens.
const TOKEN_ONLY = new Set(['/api/v1/imports POST']);

function routeFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((entry) => {
		const full = path.join(dir, entry);
		return statSync(full).isDirectory() ? routeFiles(full) : [full];
	});
}

/** Every form action and mutating endpoint declared in src/routes, as "route action". */
function declaredWriteActions(): string[] {
	const root = path.resolve('src/routes');
	const found: string[] = [];
	for (const file of routeFiles(root)) {
		const route = '/' + path.relative(root, path.dirname(file)).split(path.sep).join('/');
		const id = route === '/' ? '/' : route.replace(/\/$/, '');
		const source = readFileSync(file, 'utf8');
		if (file.endsWith('+page.server.ts')) {
			const block = source.split(/export const actions[^=]*=\s*{/)[1];
			if (!block) continue;
			for (const match of block.matchAll(/^\t(\w+):\s*async/gm)) found.push(`${id} ${match[1]}`);
		}
		if (file.endsWith('+server.ts')) {
			for (const match of source.matchAll(
				/export (?:const|async function) (POST|PUT|PATCH|DELETE)\b/g
			)) {
				found.push(`${id} ${match[1]}`);
			}
		}
	}
	return found;
}

test('every write action of the app is in the role matrix', () => {
	const listed = new Set(actions.map((a) => `${a.route} ${a.action}`));
	const missing = declaredWriteActions().filter(
		(a) => !listed.has(a) && !PUBLIC.has(a) && !TOKEN_ONLY.has(a)
	);
	expect(missing).toEqual([]);
});

test.describe('role matrix', () => {
	const contexts = new Map<Role, APIRequestContext>();

	test.beforeAll(async ({ baseURL }) => {
		for (const role of ALL_ROLES) {
			const context = await playwrightRequest.newContext({ baseURL });
			const response = await context.post('/login', {
				form: { username: USER_OF[role], password: DEMO_PASSWORD },
				headers: { origin: baseURL!, accept: 'text/html' },
				maxRedirects: 0
			});
			expect(response.status(), `sign-in as ${USER_OF[role]}`).toBe(303);
			contexts.set(role, context);
		}
	});
	test.afterAll(async () => {
		for (const context of contexts.values()) await context.dispose();
	});

	for (const action of actions) {
		test(`${action.route} ${action.action}`, async ({ baseURL }) => {
			for (const role of ALL_ROLES) {
				// A guest is refused any page outside their scope first: 403, or 404 for another object.
				const verdict =
					role === 'guest'
						? guestMayOpen(DEMO_GUEST_SCOPE, action.route, paramsOf(action))
						: 'allowed';
				const allowed =
					verdict === 'allowed' &&
					(action.anySignedIn || action.capabilities.some((c) => can(role, c)));
				const isEndpoint = /^(POST|PUT|PATCH|DELETE)$/.test(action.action);
				const url = isEndpoint
					? action.path
					: action.action === 'default'
						? action.path
						: `${action.path}?/${action.action}`;
				const response = await contexts.get(role)!.fetch(url, {
					method: isEndpoint ? action.action : 'POST',
					form: action.form ?? {},
					headers: { origin: baseURL!, accept: 'text/html' },
					maxRedirects: 0
				});
				const status = response.status();
				if (allowed) {
					expect([401, 403], `${role} may ${action.action} at ${url}`).not.toContain(status);
				} else {
					const refusal = verdict === 'not_found' ? 404 : 403;
					expect(status, `${role} must get ${refusal} for ${action.action} at ${url}`).toBe(
						refusal
					);
				}
			}
		});
	}

	test('no role pushes an accounting import with a session, only with an import token', async ({
		baseURL
	}) => {
		for (const role of ALL_ROLES) {
			const response = await contexts.get(role)!.post('/api/v1/imports', {
				data: 'ORJ;POL;CASTKA\n',
				headers: { origin: baseURL!, 'x-file-name': 'ucetnictvi.csv', 'content-type': 'text/csv' },
				maxRedirects: 0
			});
			expect([401, 403], `${role} with a session`).toContain(response.status());
		}
	});

	test('signed-out posts get 401 or are sent to sign in', async ({ playwright, baseURL }) => {
		const anonymous = await playwright.request.newContext({ baseURL });
		for (const action of actions.slice(0, 5)) {
			const isEndpoint = /^(POST|PUT|PATCH|DELETE)$/.test(action.action);
			const url = isEndpoint ? action.path : `${action.path}?/${action.action}`;
			const response = await anonymous.fetch(url, {
				method: isEndpoint ? action.action : 'POST',
				form: action.form ?? {},
				headers: { origin: baseURL!, accept: 'text/html' },
				maxRedirects: 0
			});
			expect([401, 303]).toContain(response.status());
		}
		await anonymous.dispose();
	});
});
