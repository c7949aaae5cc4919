// The planner's statistics of the ledger after a bulk write. PostgreSQL's autovacuum refreshes them
// in the background a little later; the embedded engine has no autovacuum, so without this the
// planner never knows how many lines a year holds and, at two million lines, chose plans that read
// a whole year to show a page of it (1.8 s instead of 2 ms, measured).
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** autovacuum's own rule: analyse once the rows written reach a tenth of those last counted */
const SCALE_FACTOR = 0.1;
const THRESHOLD = 50;

/**
 * Refreshes the statistics of the ledger and its monthly summary when `rowsWritten` lines were
 * just committed and that is enough to change the plans (or the ledger was never analysed).
 * Returns whether it did. Run outside the writing transaction: it reads the committed rows.
 */
export async function refreshLedgerStatistics(
	db: Kysely<Database>,
	rowsWritten: number
): Promise<boolean> {
	const r = await sql<{ reltuples: number }>`
		select reltuples::float8 as reltuples from pg_class
		where oid = to_regclass('cost_entry')`.execute(db);
	// -1: never analysed (PostgreSQL 14 and later), so any count is a guess.
	const counted = Number(r.rows[0]?.reltuples ?? -1);
	if (counted >= 0 && rowsWritten < THRESHOLD + SCALE_FACTOR * counted) return false;
	await sql`analyze cost_entry, cost_month_summary`.execute(db);
	return true;
}
