// Refusals shared by the process-map areas (org units, processes, goals, KPIs). Bad input,
// conflicts and missing records use the foundation's errors from users.ts.
export { ConflictError, NotFoundError, ValidationError } from '../users/users';
export type { FieldErrors } from '../users/users';

/** The actor has the capability in general but not for this record (not their process/KPI). */
export class ForbiddenError extends Error {
	constructor() {
		super('forbidden');
	}
}

/** What still depends on a record someone tried to delete: message key → how many. */
export interface Dependant {
	key: string;
	count: number;
}

/** A delete refused because other records depend on this one; nothing was deleted. */
export class DependantsError extends Error {
	constructor(readonly dependants: Dependant[]) {
		super('has dependants');
	}
}

/** Keeps only the dependants that exist; throws when any does. */
export function refuseIfDependants(dependants: Dependant[]): void {
	const present = dependants.filter((d) => d.count > 0);
	if (present.length) throw new DependantsError(present);
}
