// The people area's figure for `npm run bench`: the coverage matrix of a large office — 300
// processes (the demo's cloned, with their roles and requirements) × 1,000 staff (the demo's 61
// and generated colleagues with competences, every role held and deputised) — against the
// reference page (/account), both over HTTP from the built app on the embedded database (coverage
// reads the role_capability intervals the triggers keep, see its migration). Goal:
// the matrix page within 2× the reference.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../src/lib/server/db/engine';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { seedDemoIfEmpty } from '../src/lib/server/demo/seed';
import {
	createSession,
	generateSessionToken,
	SESSION_COOKIE
} from '../src/lib/server/auth/session';
import type { Db } from '../src/lib/server/db';
import {
	ensureBuild,
	growProcesses,
	measure,
	REFERENCE,
	startServer,
	stopServer
} from './bench-pages';

const PROCESSES = Number(process.env.BENCH_PEOPLE_PROCESSES ?? 300);
const STAFF = Number(process.env.BENCH_PEOPLE_STAFF ?? 1000);

function log(message: string) {
	console.error(`[bench people] ${message}`);
}

/** Roles and requirements for the cloned processes, staff up to `staff`, every role filled. */
export async function growPeople(db: Db, staff: number) {
	// A clone's code is its source's code, '-B' and a number.
	await sql`
		insert into process_role (process_id, job_role, raci)
		select n.id, r.job_role, r.raci
		from process n
		join process s on n.code like s.code || '-B%' and s.code not like '%-B%'
		join process_role r on r.process_id = s.id
		where not exists (select 1 from process_role x where x.process_id = n.id)
		order by n.id, r.id`.execute(db);
	await sql`
		insert into process_role_competence (process_role_id, competence_id, min_level)
		select nr.id, q.competence_id, q.min_level
		from process n
		join process s on n.code like s.code || '-B%' and s.code not like '%-B%'
		join process_role nr on nr.process_id = n.id
		join process_role sr on sr.process_id = s.id and sr.job_role = nr.job_role and sr.raci = nr.raci
		join process_role_competence q on q.process_role_id = sr.id
		on conflict do nothing`.execute(db);
	const { n } = await db
		.selectFrom('person')
		.select(sql<number>`count(*)::int`.as('n'))
		.executeTakeFirstOrThrow();
	await sql`
		insert into person (name, position, org_unit_id, fte, valid_from)
		select 'Zaměstnanec ' || g, 'Referent/ka', u.id, case when g % 5 = 0 then 0.5 else 1 end,
			date '2020-01-01'
		from generate_series(1, ${Math.max(0, staff - n)}::int) g
		join (select id, row_number() over (order by id) - 1 as i, count(*) over () as c
			from org_unit) u on u.i = g % u.c`.execute(db);
	await sql`
		insert into person_competence (person_id, competence_id, level, acquired_on, evidence_kind)
		select p.id, c.id, 2 + (p.id + c.id) % 3, date '2021-01-01', 'practice'
		from person p cross join competence c
		where p.name like 'Zaměstnanec %'`.execute(db);
	// Every role still without people: a holder and a deputy of its process's unit, in turn.
	await sql`
		insert into process_role_holder (process_role_id, person_id, kind)
		select r.id, p.id, case when k = 0 then 'holder' else 'deputy' end
		from (select r.id, pr.org_unit_id,
				row_number() over (partition by pr.org_unit_id order by r.id) as rn
			from process_role r join process pr on pr.id = r.process_id
			where not exists (select 1 from process_role_holder h where h.process_role_id = r.id)) r
		cross join generate_series(0, 1) k
		join (select id, org_unit_id,
				row_number() over (partition by org_unit_id order by id) - 1 as i,
				count(*) over (partition by org_unit_id) as c
			from person) p on p.org_unit_id = r.org_unit_id and p.i = (r.rn * 2 + k) % p.c
		on conflict do nothing`.execute(db);
}

export async function benchPeople() {
	ensureBuild();
	const dir = mkdtempSync(path.join(tmpdir(), 'dilna-bench-people-'));
	try {
		const target = { kind: 'pglite' as const, dataDir: dir };
		const db = openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'pgdata') });
		let cookie: string;
		let unit: number;
		let sizes;
		try {
			await migrateToLatest(db);
			await seedDemoIfEmpty(db);
			const t = performance.now();
			await growProcesses(db, PROCESSES);
			await growPeople(db, STAFF);
			log(`large office generated in ${Math.round(performance.now() - t)} ms`);
			const r = await sql<{ processes: number; roles: number; staff: number; holders: number }>`
				select (select count(*)::int from process) as processes,
					(select count(*)::int from process_role) as roles,
					(select count(*)::int from person) as staff,
					(select count(*)::int from process_role_holder) as holders`.execute(db);
			sizes = r.rows[0];
			// The unit with the most staff: its matrix is the largest.
			const big = await sql<{ id: number }>`
				select org_unit_id as id from person group by org_unit_id
				order by count(*) desc, org_unit_id limit 1`.execute(db);
			unit = big.rows[0].id;
			const mayor = await db
				.selectFrom('app_user')
				.where('username', '=', 'starosta')
				.select('id')
				.executeTakeFirstOrThrow();
			const token = generateSessionToken();
			await createSession(db, token, mayor.id);
			cookie = `${SESSION_COOKIE}=${token}`;
		} finally {
			await db.destroy();
		}
		const matrix = `/people/coverage?unit=${unit}`;
		const server = await startServer(target);
		let times;
		try {
			times = await measure(server.base, cookie, ['/people/coverage', matrix, REFERENCE]);
		} finally {
			await stopServer(server.child);
		}
		log(`pglite: ${JSON.stringify(times)}`);
		const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
		return {
			people: {
				engine: 'pglite',
				sizes,
				coverageMs: times['/people/coverage'],
				matrixMs: times[matrix],
				referenceMs: times[REFERENCE],
				matrixVsReference: ratio(times[matrix].median, times[REFERENCE].median),
				coverageVsReference: ratio(times['/people/coverage'].median, times[REFERENCE].median)
			},
			peopleGoals: {
				coverageMatrixWithin2xReference:
					times[matrix].median <= 2 * times[REFERENCE].median &&
					times['/people/coverage'].median <= 2 * times[REFERENCE].median
			}
		};
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

// `npx tsx scripts/bench-people.ts` runs it alone (BENCH_REUSE_BUILD=1 keeps an earlier build).
if (import.meta.url === `file://${process.argv[1]}`) {
	console.log(JSON.stringify(await benchPeople()));
}
