import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/password';
import { isRole } from '../auth/permissions';
import type { Role } from '../db/schema';
import type { FieldErrors } from '../shared/errors';

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;

export function normaliseUsername(value: unknown): string {
	return typeof value === 'string' ? value.trim().toLowerCase() : '';
}

export function checkPassword(value: unknown, field: string, errors: FieldErrors): string {
	const password = typeof value === 'string' ? value : '';
	if (password.length < MIN_PASSWORD_LENGTH) errors[field] = 'error_password_too_short';
	else if (password.length > MAX_PASSWORD_LENGTH) errors[field] = 'error_too_long';
	return password;
}

export interface NewUserInput {
	username: string;
	displayName: string;
	role: Role;
	password: string;
}

/** Parses the "new user" form; returns the input or the field errors. */
export function parseNewUser(
	form: Record<string, unknown>
): { ok: true; value: NewUserInput } | { ok: false; errors: FieldErrors } {
	const errors: FieldErrors = {};
	const username = normaliseUsername(form.username);
	if (!username) errors.username = 'error_required';
	else if (username.length > 40) errors.username = 'error_too_long';
	else if (!USERNAME.test(username)) errors.username = 'error_username_format';
	const displayName = typeof form.displayName === 'string' ? form.displayName.trim() : '';
	if (!displayName) errors.displayName = 'error_required';
	else if (displayName.length > 120) errors.displayName = 'error_too_long';
	if (!isRole(form.role)) errors.role = 'error_role';
	const password = checkPassword(form.password, 'password', errors);
	if (Object.keys(errors).length) return { ok: false, errors };
	return { ok: true, value: { username, displayName, role: form.role as Role, password } };
}
