import type { Capability } from '../../../src/lib/server/auth/permissions';

/**
 * One write action of the app, as the role-matrix test posts it. Every form action and every
 * POST/PUT/PATCH/DELETE endpoint must be listed in one of the area files beside this one; the test
 * fails for any it finds in src/routes that is not.
 */
export interface WriteAction {
	/** SvelteKit route id, e.g. `/(app)/admin/users` — used to check every action is listed. */
	route: string;
	/** Named form action (`create` for `?/create`), `default`, or an HTTP method for endpoints. */
	action: string;
	/** A concrete URL path for the route (fill in ids of demo records). */
	path: string;
	/** The roles with any of these capabilities may do it; all others must get 403. */
	capabilities: Capability[];
	/** Form fields to post. Keep them invalid or harmless: allowed roles must not change data. */
	form?: Record<string, string>;
	/** For actions open to every signed-in user (account, own records). */
	anySignedIn?: boolean;
}
