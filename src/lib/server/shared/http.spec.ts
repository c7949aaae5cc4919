import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError } from './errors';
import { found, pastYearParam, queryId, routeId, save, versionOf, yearParam } from './http';

function status(fn: () => unknown): number | null {
	try {
		fn();
		return null;
	} catch (e) {
		return (e as { status?: number }).status ?? -1;
	}
}

describe('route ids beyond int4 are missing records, not database errors', () => {
	it('answers 404 for ids PostgreSQL cannot compare with an integer column', () => {
		expect(routeId('2147483647')).toBe(2147483647);
		expect(status(() => routeId('2147483648'))).toBe(404);
		expect(status(() => routeId('99999999999999999999'))).toBe(404);
		expect(status(() => routeId('1e3'))).toBe(404);
		expect(status(() => routeId('0x10'))).toBe(404);
	});

	it('answers 400 for a version beyond int4', () => {
		expect(status(() => versionOf({ version: '4294967296' }))).toBe(400);
	});

	it('reads an optional id filter from the query, ignoring what cannot be an id', () => {
		const url = new URL('http://x/processes?unit=3&owner=99999999999&x=abc');
		expect(queryId(url, 'unit')).toBe(3);
		expect(queryId(url, 'owner')).toBeNull();
		expect(queryId(url, 'x')).toBeNull();
		expect(queryId(url, 'missing')).toBeNull();
	});
});

describe('the form-action body: parse, one service call, saved or refused beside the form', () => {
	const values = { name: 'Podatelna', version: '3' };

	it('refuses a form that did not parse without running the service', async () => {
		let ran = false;
		const answer = await save(
			'update',
			values,
			{ ok: false, errors: { name: 'error_required' } },
			async () => {
				ran = true;
			}
		);
		expect(ran).toBe(false);
		expect(answer).toMatchObject({ status: 400, data: { form: 'update', values } });
		expect(Object.keys((answer as { data: { errors: object } }).data.errors)).toEqual(['name']);
	});

	it('runs the service with the parsed value and answers saved', async () => {
		let got: unknown = null;
		const answer = await save(
			'update',
			values,
			{ ok: true, value: { name: 'Podatelna' } },
			async (v) => {
				got = v;
			}
		);
		expect(got).toEqual({ name: 'Podatelna' });
		expect(answer).toEqual({ form: 'update', saved: true });
	});

	it('shows a conflict (409) with the current record and a missing record (404) beside the form', async () => {
		const conflict = await save('update', values, async () => {
			throw new ConflictError({ name: 'Matrika', version: 4 });
		});
		expect(conflict).toMatchObject({
			status: 409,
			data: { form: 'update', current: { version: 4 } }
		});
		const missing = await save('delete', {}, async () => {
			throw new NotFoundError('process');
		});
		expect(missing).toMatchObject({ status: 404, data: { form: 'delete' } });
	});

	it('throws on what is not a refusal: a redirect after creating, or a real error', async () => {
		await expect(
			save('create', values, async () => {
				throw new Error('connection lost');
			})
		).rejects.toThrow('connection lost');
	});
});

describe("a record read by a route id: the error page when it is missing or not the reader's", () => {
	it('passes the record through, 404 for missing, 403 for forbidden, real errors on', async () => {
		await expect(found(Promise.resolve({ id: 1 }))).resolves.toEqual({ id: 1 });
		await expect(found(Promise.reject(new NotFoundError('goal')))).rejects.toMatchObject({
			status: 404
		});
		await expect(found(Promise.reject(new ForbiddenError()))).rejects.toMatchObject({
			status: 403
		});
		await expect(found(Promise.reject(new Error('boom')))).rejects.toThrow('boom');
	});
});

describe('the year a page shows', () => {
	const at = (query: string) => new URL(`http://x/?${query}`);

	it('takes ?year= within the years an office can have, else the current year', () => {
		expect(yearParam(at('year=2024'), 2026)).toBe(2024);
		expect(yearParam(at('year=2036'), 2026)).toBe(2036);
		expect(yearParam(at('year=2037'), 2026)).toBe(2026);
		expect(yearParam(at('year=1989'), 2026)).toBe(2026);
		expect(yearParam(at('year=20x5'), 2026)).toBe(2026);
	});

	it('shows a later year of figures as this one, since figures exist only up to now', () => {
		expect(pastYearParam(at('year=2028'), 2026)).toBe(2026);
		expect(pastYearParam(at('year=2025'), 2026)).toBe(2025);
		expect(pastYearParam(at(''), 2026)).toBe(2026);
	});
});
