import { describe, expect, it } from 'vitest';
import { parseNewUser } from './users.validation';

const valid = {
	username: '  Jan.Novak ',
	displayName: 'Jan Novák',
	role: 'finance',
	password: 'dostatecne-dlouhe'
};

describe('parseNewUser', () => {
	it('normalises the username and accepts a valid form', () => {
		expect(parseNewUser(valid)).toEqual({
			ok: true,
			value: {
				username: 'jan.novak',
				displayName: 'Jan Novák',
				role: 'finance',
				password: 'dostatecne-dlouhe'
			}
		});
	});

	it('reports each bad field with its own message key', () => {
		const result = parseNewUser({ username: '', displayName: '', role: 'boss', password: 'short' });
		expect(result).toEqual({
			ok: false,
			errors: {
				username: 'error_required',
				displayName: 'error_required',
				role: 'error_role',
				password: 'error_password_too_short'
			}
		});
	});

	it('refuses over-long and malformed input without echoing it back', () => {
		const huge = 'a'.repeat(1_000_000);
		const result = parseNewUser({ ...valid, username: huge, displayName: huge });
		expect(result).toEqual({
			ok: false,
			errors: { username: 'error_too_long', displayName: 'error_too_long' }
		});
		expect(parseNewUser({ ...valid, username: 'jan novák' })).toMatchObject({
			ok: false,
			errors: { username: 'error_username_format' }
		});
		expect(parseNewUser({ ...valid, password: 'x'.repeat(300) })).toMatchObject({
			ok: false,
			errors: { password: 'error_too_long' }
		});
	});
});
