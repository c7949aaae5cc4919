// /costs orders its process table by name or by full cost in SQL, on the bigint haléře as stored:
// two costs a float could not tell apart still come in their exact order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engines, type TestDb } from './harness';
import * as build from '../builders';
import * as costs from '../../src/lib/server/costs/costs.service';

const YEAR = 2025;
// 2^53 + 1 and 2^53: the same number as a JavaScript float.
const BIG = 9_007_199_254_740_993n;
const BIG_LESS = 9_007_199_254_740_992n;

describe.each(engines)('the process table order on %s', (engine) => {
	let t: TestDb;
	const ids: Record<string, number> = {};

	beforeAll(async () => {
		t = await createTestDb(engine);
		const unit = await build.orgUnit(t.db, { code: 'OSV', name: 'Sociální' });
		const made: [string, string, bigint | null][] = [
			['P-A', 'Žádosti', BIG_LESS],
			['P-B', 'Archiv', BIG],
			['P-C', 'Matrika', 5_00n],
			// A budget only: counts 0 in the actual order.
			['P-D', 'Kontrola', null]
		];
		for (const [code, name, full] of made) {
			ids[code] = await build.process(t.db, { code, name, org_unit_id: unit });
			await t.db
				.insertInto('process_cost_year')
				.values({
					process_id: ids[code],
					year: YEAR,
					kind: full === null ? 'budget' : 'actual',
					direct: 0n,
					allocated: full ?? 1_00n,
					full_cost: full ?? 1_00n
				})
				.execute();
		}
	});
	afterAll(() => t.destroy());

	const codes = async (view: costs.ProcessView) =>
		(await costs.processCosts(t.db, YEAR, 1, view)).map((p) => p.code);

	it('keeps the code order by default', async () => {
		expect(await codes({})).toEqual(['P-A', 'P-B', 'P-C', 'P-D']);
	});

	it('orders by the exact full cost both ways', async () => {
		expect(await codes({ order: { by: 'cost', dir: 'desc' } })).toEqual([
			'P-B',
			'P-A',
			'P-C',
			'P-D'
		]);
		expect(await codes({ order: { by: 'cost', dir: 'asc' } })).toEqual([
			'P-D',
			'P-C',
			'P-A',
			'P-B'
		]);
		const [top] = await costs.processCosts(t.db, YEAR, 1, { order: { by: 'cost', dir: 'desc' } });
		expect(top.fullCost).toBe(BIG);
	});

	it('orders by name both ways', async () => {
		const asc = await codes({ order: { by: 'name', dir: 'asc' } });
		expect(asc[0]).toBe('P-B'); // Archiv
		expect(asc.at(-1)).toBe('P-A'); // Žádosti
		expect(await codes({ order: { by: 'name', dir: 'desc' } })).toEqual([...asc].reverse());
	});

	it('narrows to the one process the card asks for', async () => {
		expect(await codes({ processId: ids['P-C'] })).toEqual(['P-C']);
	});
});
