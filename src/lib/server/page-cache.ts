import type { RequestEvent } from '@sveltejs/kit';
import type { Executor } from './audit/audit';
import { pagePerDataVersion } from './db/data-version';

/**
 * Pages whose whole answer follows from the signed-in user, the language, the address, today's
 * date and the data version: everything their loads and their layouts read is a watched table
 * (db/data-version.ts) or in that key. The busiest pages; their figures are kept per data version
 * already, and rendering them was most of what a request cost (a 60–80 KB page, its serialized
 * data and its ETag). A page joins the list only when all it reads is watched.
 */
export const KEPT_PAGES: ReadonlySet<string> = new Set(['/(app)', '/(app)/costs']);

/** A 200 page as it was sent, without its cookies (they belong to the request that drew it). */
interface KeptPage {
	headers: [string, string][];
	body: Uint8Array<ArrayBuffer>;
}

/** The drawn page is not one to keep (a refusal, a redirect, not HTML): it goes out as it is. */
class NotKept extends Error {}

/**
 * May this request be answered with a kept page? Only a signed-in staff member's full page load
 * (a guest's every request is audited), with the data version read with the session, and only
 * when the session check sent no cookie: a kept answer carries none.
 */
export function mayKeepPage(event: RequestEvent): boolean {
	const { user, dataVersion, sessionRenewed } = event.locals;
	return (
		event.request.method === 'GET' &&
		!event.isDataRequest &&
		!sessionRenewed &&
		!!user &&
		user.role !== 'guest' &&
		dataVersion !== null &&
		KEPT_PAGES.has(event.route.id ?? '')
	);
}

/**
 * What a kept page depends on besides the data version. The whole user (name, role, second factor)
 * is in it: each user has their own copy, so a page shows its reader's name and only what their
 * role may see, as a fresh rendering would.
 */
export function pageKey(event: RequestEvent, locale: string, today: string): string {
	const { pathname, search } = event.url;
	return [event.route.id, pathname + search, locale, today, JSON.stringify(event.locals.user)].join(
		'|'
	);
}

/**
 * The page for `key`, drawn by `draw` once per data version and then sent again as it was. Its
 * Content-Security-Policy holds hashes of its scripts, not a nonce (svelte.config.js), so the
 * header and the page still agree when sent again; SvelteKit answers If-None-Match from its ETag.
 */
export async function keptPage(
	db: Executor,
	key: string,
	version: bigint,
	draw: () => Response | Promise<Response>
): Promise<Response> {
	let drawn: Response | undefined;
	try {
		const page = await pagePerDataVersion(
			db,
			key,
			async (): Promise<KeptPage> => {
				drawn = await draw();
				const html = drawn.headers.get('content-type')?.startsWith('text/html');
				if (drawn.status !== 200 || !html) throw new NotKept();
				const headers = [...drawn.headers].filter(([name]) => name !== 'set-cookie');
				return { headers, body: new Uint8Array(await drawn.arrayBuffer()) };
			},
			version
		);
		if (drawn) return new Response(page.body, drawn);
		return new Response(page.body, { status: 200, headers: page.headers });
	} catch (error) {
		if (!(error instanceof NotKept)) throw error;
		// Another request's drawing was not kept: this one draws its own.
		return drawn ?? draw();
	}
}
