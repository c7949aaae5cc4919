// Rows the integration tests insert by hand, with the defaults a test does not care about, so a
// test names only what it asserts on. Each builder inserts one row (or a list) and returns the id.
// Amounts stay haléře (bigint), as in the ledger.
import type { Insertable } from 'kysely';
import type { Database, Db } from '../../src/lib/server/db';
import type { ProcessCard, ProcessInput } from '../../src/lib/server/processes/processes';

type New<T extends keyof Database> = Insertable<Database[T]>;
/** A row with only some columns given: the builder fills the rest. */
type Some<T extends keyof Database, Required extends keyof New<T>> = Partial<New<T>> &
	Pick<New<T>, Required>;

/** A user who signs in with no password (tests act as them directly); viewer unless told. */
export async function user(db: Db, row: Some<'app_user', 'username'>): Promise<number> {
	const { username } = row;
	return (
		await db
			.insertInto('app_user')
			.values({ display_name: username, role: 'viewer', password_hash: 'x', ...row })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
}

/** Several users by role, named by their usernames: `{ admin: 1, viewer: 2 }`. */
export async function users<K extends string>(
	db: Db,
	byUsername: Record<K, New<'app_user'>['role']>
): Promise<Record<K, number>> {
	const ids = {} as Record<K, number>;
	for (const [username, role] of Object.entries(byUsername) as [K, New<'app_user'>['role']][]) {
		ids[username] = await user(db, { username, role });
	}
	return ids;
}

/** An org unit, named by its code unless told. */
export async function orgUnit(db: Db, row: Some<'org_unit', 'code'>): Promise<number> {
	return (
		await db
			.insertInto('org_unit')
			.values({ name: row.code, ...row })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
}

/** Org units by code (each named by its code): `{ OF: 1, OSV: 2 }`. */
export async function orgUnits<K extends string>(
	db: Db,
	codes: readonly K[]
): Promise<Record<K, number>> {
	const ids = {} as Record<K, number>;
	for (const code of codes) ids[code] = await orgUnit(db, { code });
	return ids;
}

/** A core process, named by its code unless told. */
export async function process(db: Db, row: Some<'process', 'code'>): Promise<number> {
	return (
		await db
			.insertInto('process')
			.values({ name: row.code, kind: 'core', ...row })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
}

/** A process's year: its staff (FTE) and volume of cases. */
export async function processYear(
	db: Db,
	row: Some<'process_year', 'process_id' | 'year'>
): Promise<void> {
	await db.insertInto('process_year').values(row).execute();
}

/** A strategic goal, named by its code unless told. */
export async function goal(db: Db, row: Some<'goal', 'code'>): Promise<number> {
	return (
		await db
			.insertInto('goal')
			.values({ name: row.code, level: 'strategic', ...row })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
}

/** A KPI, named by its code unless told. */
export async function kpi(db: Db, row: Some<'kpi', 'code'>): Promise<number> {
	return (
		await db
			.insertInto('kpi')
			.values({ name: row.code, ...row })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
}

/** A KPI's target for a period and, when given, its actual. */
export async function kpiPeriod(
	db: Db,
	kpiId: number,
	period: string,
	figures: { target: string; tolerance?: string; actual?: string }
): Promise<void> {
	await db
		.insertInto('kpi_target')
		.values({
			kpi_id: kpiId,
			period,
			target: figures.target,
			...(figures.tolerance === undefined ? {} : { tolerance: figures.tolerance })
		})
		.execute();
	if (figures.actual !== undefined) {
		await db
			.insertInto('kpi_actual')
			.values({ kpi_id: kpiId, period, value: figures.actual })
			.execute();
	}
}

/** Ledger entries: actual fixed costs on 5011 (platy) unless told; month and amount always. */
export async function costEntries(
	db: Db,
	rows: Some<'cost_entry', 'month' | 'amount'>[]
): Promise<void> {
	if (rows.length === 0) return;
	await db
		.insertInto('cost_entry')
		.values(rows.map((row) => ({ kind: 'actual', nature: 'fixed', polozka: '5011', ...row })))
		.execute();
}

/** The id of the record with this code (a process, goal, KPI, org unit, driver…), as the demo seeds it. */
export async function idOf(
	db: Db,
	table: 'process' | 'goal' | 'kpi' | 'org_unit' | 'initiative' | 'cost_driver',
	code: string
): Promise<number> {
	const row = await db
		.selectFrom(table)
		.select('id')
		.where('code', '=', code)
		.executeTakeFirstOrThrow();
	return row.id;
}

/** What the process card's form sends back when nothing is changed: a test overrides a field. */
export function processInput(card: ProcessCard): ProcessInput {
	return {
		code: card.code,
		name: card.name,
		kind: card.kind,
		status: card.status,
		orgUnitId: card.orgUnitId,
		ownerId: card.ownerId,
		description: card.description,
		inputs: card.inputs,
		outputs: card.outputs,
		legalBasis: card.legalBasis,
		servesCitizens: card.servesCitizens,
		servesBusinesses: card.servesBusinesses,
		servesInternal: card.servesInternal,
		scores: card.scores
	};
}

/** A document with an owner, titled as told. */
export async function document(
	db: Db,
	row: Some<'document', 'title' | 'owner_user_id'>
): Promise<number> {
	return (await db.insertInto('document').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** A CAF round led by `leader_user_id`, scored in January 2027 unless told, with its panel. */
export async function cafRound(
	db: Db,
	row: Some<'caf_round', 'name' | 'leader_user_id'>,
	panel: readonly { userId: number; guest?: boolean }[] = []
): Promise<number> {
	const id = (
		await db
			.insertInto('caf_round')
			.values({
				start_date: '2026-12-01',
				scoring_due: '2027-01-04',
				consensus_due: '2027-01-15',
				end_date: '2027-02-26',
				status: 'scoring',
				...row
			})
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	for (const p of panel) {
		await db
			.insertInto('caf_panel_member')
			.values({ round_id: id, user_id: p.userId, guest: p.guest ?? false })
			.execute();
	}
	return id;
}

/** A RACI role of a process (responsible unless told). */
export async function processRole(
	db: Db,
	row: Some<'process_role', 'process_id' | 'job_role'>
): Promise<number> {
	return (
		await db
			.insertInto('process_role')
			.values({ raci: 'R', ...row })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
}
