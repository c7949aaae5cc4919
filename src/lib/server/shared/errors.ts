// The refusals every area's services throw and the one route helper (`refuse` in ./http.ts) maps
// to what a form shows. Services throw these and nothing else for a user's mistake; any other
// error is a fault and becomes a 500 with a reference number.

/** Field → message key (messages/*\/*.json), as forms show them after translation. */
export type FieldErrors = Record<string, string>;

/** The input breaks a rule; nothing was written. */
export class ValidationError extends Error {
	constructor(readonly errors: FieldErrors) {
		super('validation failed');
	}
}

/** Another user saved the record since this form was loaded; `current` is what is stored now. */
export class ConflictError extends Error {
	constructor(readonly current: unknown) {
		super('conflict');
	}
}

export class NotFoundError extends Error {
	constructor(readonly entity: string) {
		super(`${entity} not found`);
	}
}

/** The actor has the capability in general but not for this record (not their process, KPI…). */
export class ForbiddenError extends Error {
	constructor(readonly reason = 'forbidden') {
		super(`forbidden: ${reason}`);
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
