import { passwordProblem } from '../auth/password-policy';
import { isRole } from '../auth/permissions';
import type { Role } from '../db/schema';
import type { FieldErrors } from '../shared/errors';
import { FormReader, type Parsed } from '../shared/form';

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;

export function normaliseUsername(value: unknown): string {
	return typeof value === 'string' ? value.trim().toLowerCase() : '';
}

/** A new password: long enough and not a common or breached one (see passwordProblem). */
export function checkPassword(
	value: unknown,
	field: string,
	errors: FieldErrors,
	username = ''
): string {
	const password = typeof value === 'string' ? value : '';
	const problem = passwordProblem(password, username);
	if (problem) errors[field] = problem;
	return password;
}

export interface NewUserInput {
	username: string;
	displayName: string;
	role: Role;
	password: string;
}

/** Parses the "new user" form; returns the input or the field errors. */
export function parseNewUser(form: Record<string, unknown>): Parsed<NewUserInput> {
	const f = new FormReader(form);
	const username = f.text('username', { required: true, max: 40 })?.toLowerCase() ?? '';
	if (username && !f.errors.username && !USERNAME.test(username)) {
		f.errors.username = 'error_username_format';
	}
	const displayName = f.text('displayName', { required: true, max: 120 }) ?? '';
	if (!isRole(form.role)) f.errors.role = 'error_role';
	// Passwords are taken as typed: the reader would trim them.
	const password = checkPassword(form.password, 'password', f.errors, username);
	return f.result({ username, displayName, role: form.role as Role, password });
}
