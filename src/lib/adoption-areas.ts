// The areas of Dílna a pilot switches on for its org units, one at a time. Shared by the server
// (which stores and checks them) and the navigation (which shows only what is switched on).

export const AREAS = ['goals', 'processes', 'costs', 'programme', 'caf', 'people'] as const;
export type Area = (typeof AREAS)[number];

/** What a unit joining the pilot starts with: goals with their KPIs, and the process cards. */
export const FIRST_AREAS: readonly Area[] = ['goals', 'processes'];

/** The area a navigation target belongs to; the overview and everything else belong to none. */
const AREA_OF_PATH: Record<string, Area> = {
	'/goals': 'goals',
	'/processes': 'processes',
	'/costs': 'costs',
	'/programme': 'programme',
	'/caf': 'caf',
	'/people': 'people'
};

export function isArea(value: unknown): value is Area {
	return typeof value === 'string' && (AREAS as readonly string[]).includes(value);
}

/**
 * The areas a user's navigation shows: every area (`null`) for those who see the whole office
 * and for people outside the pilot's units; a pilot unit's people see what is switched on for it.
 */
export function areasShown(
	seesEveryArea: boolean,
	pilot: { areas: readonly Area[] } | null
): readonly Area[] | null {
	if (seesEveryArea || !pilot) return null;
	return AREAS.filter((a) => pilot.areas.includes(a));
}

/** Whether a navigation target is shown to someone who sees `areas`. */
export function shows(areas: readonly Area[] | null, href: string): boolean {
	const area = AREA_OF_PATH[href];
	return areas === null || area === undefined || areas.includes(area);
}
