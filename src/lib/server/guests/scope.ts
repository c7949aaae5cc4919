/**
 * What a guest may open: the one rule every load and action of a guest passes through
 * (`requireUser` in auth/guard.ts asks it). A guest opens only the pages below, and those that
 * show one object only for the objects of their scope; every other page is refused.
 */
export interface GuestScope {
	userId: number;
	/** the last day they may work, YYYY-MM-DD (Prague time) */
	expiresOn: string;
	revoked: boolean;
	councilReport: boolean;
	/** may score in the CAF rounds of their scope (they sit on the panel as a guest) */
	mayScore: boolean;
	cafRounds: number[];
	processes: number[];
}

type Need = 'any' | 'caf_round' | 'process' | 'council_report';

/** The only pages a guest may open (SvelteKit route ids), and the object each one needs. */
export const GUEST_ROUTES: Readonly<Record<string, Need>> = {
	'/(app)/guest': 'any',
	'/(app)/account': 'any',
	'/(app)/caf/[id]': 'caf_round',
	'/(app)/caf/[id]/[code]': 'caf_round',
	'/(app)/caf/[id]/results': 'caf_round',
	'/(app)/caf/[id]/report': 'caf_round',
	'/(app)/processes/[id]': 'process',
	'/(app)/processes/[id]/model': 'process',
	'/(app)/reports/council': 'council_report'
};

export type GuestVerdict = 'allowed' | 'forbidden' | 'not_found';

/** Whether the grant is in force on `today` (YYYY-MM-DD): not revoked and not past its day. */
export function guestActive(
	scope: Pick<GuestScope, 'expiresOn' | 'revoked'> | null,
	today: string
): boolean {
	return !!scope && !scope.revoked && today <= scope.expiresOn;
}

function objectId(params: Record<string, string>): number | null {
	const id = Number(params.id);
	return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/**
 * A page of another area is forbidden (403); a page of an allowed kind showing an object outside
 * the scope is not found (404), so a guest cannot tell which other rounds or processes exist.
 */
export function guestMayOpen(
	scope: GuestScope | null,
	routeId: string | null,
	params: Record<string, string>
): GuestVerdict {
	if (!scope || !routeId) return 'forbidden';
	const need = GUEST_ROUTES[routeId];
	if (!need) return 'forbidden';
	switch (need) {
		case 'any':
			return 'allowed';
		case 'council_report':
			return scope.councilReport ? 'allowed' : 'forbidden';
		case 'caf_round': {
			const id = objectId(params);
			return id !== null && scope.cafRounds.includes(id) ? 'allowed' : 'not_found';
		}
		case 'process': {
			const id = objectId(params);
			return id !== null && scope.processes.includes(id) ? 'allowed' : 'not_found';
		}
	}
}

/** The first page of a guest: the list of what they may open. */
export const GUEST_LANDING = '/guest';
