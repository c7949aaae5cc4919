// The benchmarks' large ledger (used by bench.ts and bench-pages.ts).
import { sql } from 'kysely';
import type { Db } from '../src/lib/server/db';

/**
 * Adds `rows` entries to the ledger as one imported batch. A real office's ledger grows by more
 * entries per month, unit and položka, not by new combinations: the demo's own combinations are
 * repeated. The aggregates are left to the caller.
 */
export async function generateLedger(
	db: Db,
	rows: number,
	log: (message: string) => void
): Promise<void> {
	const year = new Date().getFullYear();
	const batch = await db
		.insertInto('import_batch')
		.values({
			source: 'cli',
			format: 'csv',
			file_name: 'generated.csv',
			content_hash: `bench-${Date.now()}`,
			kind: 'actual',
			profile_name: null,
			rows_read: rows,
			rows_imported: rows,
			rows_skipped: 0,
			total: 0n,
			month_from: `${year - 2}-01-01`,
			month_to: `${year}-12-01`,
			file_totals: '[]'
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await sql`create table bench_combo as
		select row_number() over () as i, kind, month, nature, polozka, paragraf, org_unit_id,
			process_id, initiative_id
		from (select distinct kind, month, nature, polozka, paragraf, org_unit_id, process_id,
			initiative_id from cost_entry) d`.execute(db);
	const combos = await sql<{ n: number }>`select count(*)::int as n from bench_combo`.execute(db);
	const n = combos.rows[0].n;
	const chunk = 250_000;
	for (let done = 0; done < rows; done += chunk) {
		const size = Math.min(chunk, rows - done);
		await sql`
			insert into cost_entry (kind, month, amount, nature, polozka, paragraf, org_unit_id,
				process_id, initiative_id, text, batch_id)
			select c.kind, c.month, (g % 90000) + 100, c.nature, c.polozka, c.paragraf, c.org_unit_id,
				c.process_id, c.initiative_id, 'generováno', ${batch.id}::int
			from generate_series(${done + 1}::int, ${done + size}::int) as g
			join bench_combo c on c.i = (g % ${n}) + 1`.execute(db);
		log(`ledger ${done + size} / ${rows}`);
	}
	await sql`drop table bench_combo`.execute(db);
}
