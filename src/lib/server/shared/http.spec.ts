import { describe, expect, it } from 'vitest';
import { queryId, routeId, versionOf } from './http';

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
