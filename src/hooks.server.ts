import {
	json,
	type Handle,
	type HandleServerError,
	type RequestEvent,
	type ServerInit
} from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { getLocale } from '$lib/paraglide/runtime';
import { closeDatabase, getDb, startDatabase } from '$lib/server/db';
import { describeTarget, databaseTargetFromEnv } from '$lib/server/db/config';
import {
	deleteSessionCookie,
	sessionCookieName,
	setSessionCookie,
	validateSessionToken
} from '$lib/server/auth/session';
import { seedDemoIfEmpty, DEMO_USERS, DEMO_PASSWORD } from '$lib/server/demo/seed';
import { DEMO_GUEST } from '$lib/server/demo/seed-guests';
import { currentDate, currentMonth, systemClock } from '$lib/server/shared/clock';
import { log } from '$lib/server/log';
import { fillYearStatusIfMissing } from '$lib/server/kpis/kpis.service';
import {
	bodyLimitFor,
	discardBody,
	DRAIN_LIMIT,
	readWithin,
	sizeText
} from '$lib/server/body-limit';
import { t } from '$lib/server/i18n';
import { HSTS, SECURITY_HEADERS } from '$lib/security-headers.js';
import { startScheduler } from '$lib/server/notifications/scheduler';
import { pageViews } from '$lib/server/adoption/page-views';
import { guestScope, recordGuestRequest } from '$lib/server/guests/guests.service';
import { guestMayOpen } from '$lib/server/guests/scope';
import { keptPage, mayKeepPage, pageKey } from '$lib/server/page-cache';

export const init: ServerInit = async () => {
	const db = await startDatabase();
	// The KPI area backfills its own read model here, so the db module imports no area.
	await fillYearStatusIfMissing(db);
	// Reminders and the weekly digest (off in tests; see scheduler.ts).
	const stopScheduler = startScheduler(db, systemClock);
	// adapter-node stops taking requests on SIGTERM/SIGINT, lets the open ones finish, then emits
	// this: close the database so the embedded folder is written out and released.
	process.once('sveltekit:shutdown', () => {
		stopScheduler?.();
		pageViews
			.flush()
			.then(() => closeDatabase())
			.then(
				() => log.info('database closed'),
				(error: unknown) => log.error({ error: String(error) }, 'closing the database failed')
			);
	});
	log.info({ database: describeTarget(databaseTargetFromEnv()) }, 'database ready');
	if (process.env.DILNA_DEMO === '1') {
		// Seeded relative to the app clock's today, so the demo's story holds whatever the date.
		const seeded = await seedDemoIfEmpty(db, { clock: systemClock });
		const users = [...DEMO_USERS, DEMO_GUEST]
			.map((u) => `  ${u.username.padEnd(10)} ${u.role}`)
			.join('\n');
		console.log(
			`\nDílna demo town ${seeded ? 'seeded' : 'already present'}. Sign in with (password "${DEMO_PASSWORD}"):\n${users}\n`
		);
	}
};

const handleRequestLog: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	event.locals.requestId = event.request.headers.get('x-request-id') ?? crypto.randomUUID();
	const response = await resolve(event);
	log.info(
		{
			requestId: event.locals.requestId,
			method: event.request.method,
			path: event.url.pathname,
			status: response.status,
			userId: event.locals.user?.id ?? null,
			durationMs: Math.round((performance.now() - started) * 10) / 10
		},
		'request'
	);
	return response;
};

const handleParaglide: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

const handleAuth: Handle = async ({ event, resolve }) => {
	const secure = event.url.protocol === 'https:';
	const token = event.cookies.get(sessionCookieName(secure));
	event.locals.dataVersion = null;
	event.locals.sessionRenewed = false;
	if (!token) {
		event.locals.user = null;
		event.locals.session = null;
		return resolve(event);
	}
	const { session, user, dataVersion, renewed } = await validateSessionToken(getDb(), token);
	// The cookie goes out again only when the session's expiry moved (at most once a minute), so
	// most answers carry none and a kept page may be sent (handlePageCache).
	if (session && renewed) setSessionCookie(event.cookies, token, session.expiresAt, secure);
	else if (!session) deleteSessionCookie(event.cookies, secure);
	event.locals.user = user;
	event.locals.session = session;
	event.locals.sessionRenewed = renewed;
	// Only a read may use it: an action writes first and then draws its page again, after it.
	const reads = event.request.method === 'GET' || event.request.method === 'HEAD';
	if (reads) event.locals.dataVersion = dataVersion;
	// A guest's scope is read with their session: requireUser checks every load and action by it.
	event.locals.guest = user?.role === 'guest' ? await guestScope(getDb(), user.id) : null;
	return resolve(event);
};

/** The busiest pages are drawn once per data version and user (page-cache.ts). */
const handlePageCache: Handle = ({ event, resolve }) => {
	if (!mayKeepPage(event)) return resolve(event);
	const key = pageKey(event, getLocale(), currentDate());
	return keptPage(getDb(), key, event.locals.dataVersion!, () => resolve(event));
};

/**
 * Every request of a guest is in the audit log (what they opened, what they sent, the answer),
 * written before the response goes out: a guest's trail must not be lost to a slow database.
 */
const handleGuestAudit: Handle = async ({ event, resolve }) => {
	let response = await resolve(event);
	const user = event.locals.user;
	if (user?.role === 'guest') {
		// A backstop behind requireUser: a page or endpoint of the app outside the guest's scope that
		// answered anyway (a load that forgot its guard) is replaced by the refusal.
		const routeId = event.route.id;
		const inApp = !!routeId && (routeId.startsWith('/(app)') || routeId.startsWith('/api/'));
		const verdict = guestMayOpen(event.locals.guest ?? null, routeId, event.params);
		if (inApp && verdict !== 'allowed' && response.status < 400) {
			const status = verdict === 'not_found' ? 404 : 403;
			response = new Response(status === 404 ? 'not found' : 'forbidden', {
				status,
				headers: { 'content-type': 'text/plain; charset=utf-8' }
			});
		}
		await recordGuestRequest(getDb(), user.id, {
			method: event.request.method,
			path: event.url.pathname,
			action: event.url.search.startsWith('?/') ? event.url.search.slice(2) : null,
			route: event.route.id,
			status: response.status
		}).catch((error: unknown) =>
			log.error({ error: String(error) }, 'recording a guest request failed')
		);
	}
	return response;
};

/**
 * Counts a signed-in user's successful page view (full load or client navigation) per month and
 * route pattern, for the adoption measures. Summed in memory and written every few seconds (a
 * page view costs no write of its own, and busy pages do not queue on one counter row): a lost
 * count costs less than a slower page.
 */
const handlePageViews: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const user = event.locals.user;
	const routeId = event.route.id;
	const page =
		event.isDataRequest || !!response.headers.get('content-type')?.startsWith('text/html');
	if (
		user &&
		page &&
		event.request.method === 'GET' &&
		routeId?.startsWith('/(app)') &&
		response.ok
	) {
		const now = systemClock();
		pageViews.add(
			currentMonth(() => now),
			routeId,
			user.id,
			now
		);
	}
	return response;
};

const handleSecurityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
	if (event.url.protocol === 'https:') response.headers.set('Strict-Transport-Security', HSTS);
	if (event.locals.user) response.headers.set('Cache-Control', 'private, no-store');
	return response;
};

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The answer to a body over its route's limit, in the form the sender reads (page, form, JSON). */
function bodyTooLarge(event: RequestEvent, limit: number): Response {
	const message = t('error_body_too_large', { max: sizeText(limit) });
	// The body has been read to its end or to DRAIN_LIMIT; past that the rest is not read.
	const headers = { connection: 'close' };
	if (event.request.headers.get('x-sveltekit-action') === 'true') {
		// What use:enhance expects: the page shows it on the error page.
		return json({ type: 'error', error: { message } }, { status: 413, headers });
	}
	if (!(event.request.headers.get('accept') ?? '').includes('text/html')) {
		return json({ message }, { status: 413, headers });
	}
	const back = escapeHtml(event.url.pathname);
	const html = `<!doctype html><html lang="${getLocale()}"><head><meta charset="utf-8"><title>413</title></head><body><main><h1>413</h1><p>${escapeHtml(message)}</p><p><a href="${back}">${escapeHtml(t('error_body_too_large_back'))}</a></p></main></body></html>`;
	return new Response(html, {
		status: 413,
		headers: { ...headers, 'content-type': 'text/html; charset=utf-8' }
	});
}

/**
 * Request bodies within their route's limit (body-limit.ts): a declared length over it is refused
 * without a byte kept; a body without one is read here up to the limit and refused past it. A
 * refused body is read to its end first (up to DRAIN_LIMIT), so the sender gets the 413.
 */
const handleBodyLimit: Handle = async ({ event, resolve }) => {
	const { request } = event;
	if (!request.body || request.method === 'GET' || request.method === 'HEAD') return resolve(event);
	const limit = bodyLimitFor(event.url.pathname);
	const declared = request.headers.get('content-length');
	if (declared !== null) {
		const length = Number(declared);
		if (!(length <= limit)) {
			if (length <= DRAIN_LIMIT) await discardBody(request);
			return bodyTooLarge(event, limit);
		}
	} else {
		// Chunked: read up to the limit here, so a body over it is a 413 and not a failed form.
		const within = await readWithin(request, limit);
		if (!within) return bodyTooLarge(event, limit);
		event.request = within;
	}
	return resolve(event);
};

export const handle = sequence(
	handleSecurityHeaders,
	handleRequestLog,
	handleParaglide,
	handleBodyLimit,
	handleAuth,
	handleGuestAudit,
	handlePageViews,
	handlePageCache
);

export const handleError: HandleServerError = ({ error, event, status }) => {
	const id = event.locals.requestId ?? crypto.randomUUID();
	if (status >= 500) {
		log.error({ requestId: id, path: event.url.pathname, err: error }, 'unhandled error');
	}
	// Users see a reference number, never a stack trace.
	return { message: status === 404 ? 'not found' : 'internal error', id };
};
