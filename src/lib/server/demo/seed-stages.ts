// The demo town's staged allocation: every process's PCs in every year of the history, and the
// IT support process (P-IT) passed on to the processes it serves by PCs, so /costs/allocation and
// the process rows show a stage's steps on the first visit. Run before the recompute.
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';

export async function seedStages(
	trx: Transaction<Database>,
	years: number[],
	actorId: number | null
): Promise<void> {
	const pcs = await trx
		.selectFrom('cost_driver')
		.select('id')
		.where('code', '=', 'PCS')
		.executeTakeFirst();
	const it = await trx
		.selectFrom('process')
		.select('id')
		.where('code', '=', 'P-IT')
		.where('kind', '=', 'support')
		.executeTakeFirst();
	if (!pcs || !it) return;
	const processes = await trx
		.selectFrom('process')
		.select(['id', 'code'])
		.where('status', '=', 'active')
		.orderBy('code')
		.execute();
	for (const year of years) {
		// One to four PCs a process, a few more each year; IT's own do not count (it serves itself).
		await trx
			.insertInto('driver_value')
			.values(
				processes.map((p, i) => ({
					driver_id: pcs.id,
					process_id: p.id,
					year,
					value: String(1 + ((i * 7 + year) % 4) + (year % 2))
				}))
			)
			.execute();
		await trx
			.insertInto('driver_value_set')
			.values({ driver_id: pcs.id, year, updated_by: actorId, version: 1 })
			.execute();
		await trx
			.insertInto('allocation_stage')
			.values({ year, position: 1, source_process_id: it.id, driver_id: pcs.id })
			.execute();
		await trx
			.insertInto('allocation_stage_set')
			.values({ year, updated_by: actorId, version: 1 })
			.execute();
	}
}
