// The staged allocation's recompute (issue #21): the demo town grown to 300 processes and 2 M
// ledger entries on the embedded database, three stages (IT by PCs, then cyber security and
// personnel by FTE), and the time of refreshProcessCosts for one year — stage 0 and the stages,
// steps and results written. Goal: under 5 s. BENCH_ALLOCATION=0 skips (in scripts/bench.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../src/lib/server/db/engine';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { seedDemoIfEmpty } from '../src/lib/server/demo/seed';
import { rebuildSummary } from '../src/lib/server/costs/aggregates';
import { refreshProcessCosts } from '../src/lib/server/allocation/allocation.service';
import { generateLedger } from './bench-ledger';
import { growProcesses } from './bench-pages';

const PROCESSES = Number(process.env.BENCH_ALLOCATION_PROCESSES ?? 300);
const ROWS = Number(process.env.BENCH_ROWS ?? 2_000_000);

function log(message: string) {
	console.error(`[bench allocation] ${message}`);
}

export async function benchAllocation() {
	const year = new Date().getFullYear() - 1;
	const dir = mkdtempSync(path.join(tmpdir(), 'dilna-bench-allocation-'));
	const db = openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'pgdata') });
	try {
		await migrateToLatest(db);
		await seedDemoIfEmpty(db);
		await growProcesses(db, PROCESSES);
		const t0 = performance.now();
		await generateLedger(db, ROWS, log);
		await rebuildSummary(db);
		log(`ledger of ${ROWS} entries generated in ${Math.round(performance.now() - t0)} ms`);
		// PCs for every process of the year (the clones too), and three stages.
		await sql`delete from allocation_stage where year = ${year}`.execute(db);
		await sql`delete from driver_value where year = ${year}`.execute(db);
		await sql`insert into driver_value (driver_id, process_id, year, value)
			select d.id, p.id, ${year}, 1 + p.id % 5
			from process p cross join cost_driver d where d.code = 'PCS'`.execute(db);
		await sql`insert into allocation_stage (year, position, source_process_id, driver_id)
			select ${year}, s.position, p.id, s.driver
			from (values ('P-IT', 1, (select id from cost_driver where code = 'PCS')),
				('P-KB', 2, null::int), ('P-PER', 3, null::int)) s(code, position, driver)
			join process p on p.code = s.code`.execute(db);
		const counts = await sql<{ processes: number; stages: number; entries: number }>`
			select (select count(*)::int from process where status <> 'retired') as processes,
				(select count(*)::int from allocation_stage where year = ${year}) as stages,
				(select count(*)::int from cost_entry) as entries`.execute(db);
		await refreshProcessCosts(db, [year]);
		const times: number[] = [];
		for (let i = 0; i < 5; i++) {
			const t = performance.now();
			await refreshProcessCosts(db, [year]);
			times.push(performance.now() - t);
		}
		times.sort((a, b) => a - b);
		const ms = Math.round(times[2]);
		const steps = await sql<{ stage: number; n: number }>`
			select stage, count(*)::int as n from process_cost_allocation
			where year = ${year} and kind = 'actual' group by stage order by stage`.execute(db);
		log(
			`recompute of ${year} with ${JSON.stringify(counts.rows[0])}: ${ms} ms (median of 5); steps per stage ${JSON.stringify(steps.rows)}`
		);
		return {
			allocationGoals: { allocation_recompute_ms_max: 5000 },
			allocation: {
				engine: 'pglite',
				...counts.rows[0],
				recompute_ms: ms,
				steps_per_stage: steps.rows
			}
		};
	} finally {
		await db.destroy();
		rmSync(dir, { recursive: true, force: true });
	}
}
