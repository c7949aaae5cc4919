// The kernel's optimistic-locking helpers on both engines: lock, version check, version + 1 and a
// delete that explains a foreign key instead of failing with a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engines, type TestDb } from './harness';
import { ConflictError, DependantsError, NotFoundError } from '../../src/lib/server/shared/errors';
import {
	deleteOrExplain,
	editAudited,
	expectVersion,
	lockForUpdate,
	updateVersioned
} from '../../src/lib/server/shared/versioned';

describe.each(engines)('versioned records on %s', (engine) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await createTestDb(engine);
	});
	afterAll(async () => {
		await t.destroy();
	});

	it('locks, checks the version and writes version + 1', async () => {
		const { id } = await t.db
			.insertInto('org_unit')
			.values({ code: 'VER', name: 'Verze', parent_id: null, description: null })
			.returning('id')
			.executeTakeFirstOrThrow();
		const after = await t.db.transaction().execute(async (trx) => {
			const row = await lockForUpdate(trx, 'org_unit', id);
			expectVersion(row, 1);
			return updateVersioned(trx, 'org_unit', id, { name: 'Verze 2' });
		});
		expect(after).toMatchObject({ id, name: 'Verze 2', version: 2 });
		await expect(
			t.db.transaction().execute(async (trx) => {
				expectVersion(await lockForUpdate(trx, 'org_unit', id), 1);
			})
		).rejects.toBeInstanceOf(ConflictError);
		await expect(
			t.db.transaction().execute((trx) => lockForUpdate(trx, 'org_unit', 999_999, 'org unit'))
		).rejects.toEqual(new NotFoundError('org unit'));
	});

	it('refuses a delete that something depends on, and deletes nothing', async () => {
		const { id } = await t.db
			.insertInto('org_unit')
			.values({ code: 'DEP', name: 'Útvar s procesem', parent_id: null, description: null })
			.returning('id')
			.executeTakeFirstOrThrow();
		await t.db
			.insertInto('process')
			.values({ code: 'DEP-1', name: 'Proces', kind: 'core', org_unit_id: id, owner_user_id: null })
			.execute();
		const refusal = t.db.transaction().execute((trx) => deleteOrExplain(trx, 'org_unit', id));
		await expect(refusal).rejects.toBeInstanceOf(DependantsError);
		await expect(refusal).rejects.toMatchObject({
			dependants: [{ key: 'processes_dep_other', count: 1 }]
		});
		await expect(
			t.db
				.transaction()
				.execute((trx) => deleteOrExplain(trx, 'org_unit', id, [{ key: 'x_dep', count: 2 }]))
		).rejects.toMatchObject({ dependants: [{ key: 'x_dep', count: 2 }] });
		const still = await t.db
			.selectFrom('org_unit')
			.select('id')
			.where('id', '=', id)
			.executeTakeFirst();
		expect(still).toEqual({ id });
	});

	it('edits in a transaction of its own, or in the one it is given, whose rollback undoes both', async () => {
		const { id } = await t.db
			.insertInto('org_unit')
			.values({ code: 'TRX', name: 'Transakce', parent_id: null, description: null })
			.returning('id')
			.executeTakeFirstOrThrow();
		const edit = {
			change: { userId: null, action: 'org_unit.update', entity: 'org_unit' },
			view: (r: { name: string }) => ({ name: r.name }),
			values: () => ({ name: 'Uvnitř' })
		};
		const records = () =>
			t.db
				.selectFrom('audit_event')
				.select(['before', 'after'])
				.where('entity', '=', 'org_unit')
				.where('entity_id', '=', String(id))
				.execute();
		await expect(
			t.db.transaction().execute(async (trx) => {
				await editAudited(trx, 'org_unit', id, 1, edit);
				throw new Error('rolled back');
			})
		).rejects.toThrow('rolled back');
		expect(await records()).toEqual([]);
		const { after } = await editAudited(t.db, 'org_unit', id, 1, edit);
		expect(after).toMatchObject({ name: 'Uvnitř', version: 2 });
		expect(await records()).toHaveLength(1);
	});
});
