import { describe, expect, it } from 'vitest';
import { ConflictError } from './errors';
import { expectVersion } from './versioned';

describe('expectVersion', () => {
	it('passes the version the form was loaded with', () => {
		expect(() => expectVersion({ version: 3 }, 3)).not.toThrow();
	});
	it('refuses an outdated or missing version with what is stored now', () => {
		const row = { version: 4, code: 'P01' };
		let thrown: unknown;
		try {
			expectVersion(row, 3, (r) => ({ code: r.code }));
		} catch (e) {
			thrown = e;
		}
		expect(thrown).toBeInstanceOf(ConflictError);
		expect((thrown as ConflictError).current).toEqual({ code: 'P01' });
		expect(() => expectVersion(row, null)).toThrow(ConflictError);
	});
});
