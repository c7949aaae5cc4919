import type { Role } from '../db/schema';

export interface User {
	id: number;
	username: string;
	displayName: string;
	role: Role;
	active: boolean;
	createdAt: Date;
	version: number;
}

/** Field → message key (see messages/*\/core.json), as forms show them. */
export type FieldErrors = Record<string, string>;

export class ValidationError extends Error {
	constructor(readonly errors: FieldErrors) {
		super('validation failed');
	}
}

/** Another user saved the record since this form was loaded. */
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
