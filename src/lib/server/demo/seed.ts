import type { Transaction } from 'kysely';
import { hashPassword } from '../auth/password';
import { refreshLedgerStatistics } from '../db/statistics';
import type { Db } from '../db';
import type { Database, Role } from '../db/schema';
import { currentDate, systemClock, type Clock } from '../shared/clock';
import { seedProcessMap } from './seed-process-map';
import { seedModels } from './seed-models';
import { seedCosts } from './seed-costs';
import { seedProgramme } from './seed-programme';
import { seedCaf } from './seed-caf';
import { seedGuests } from './seed-guests';
import { seedPeople } from './seed-people';
import { seedAdoption } from './seed-adoption';
import { seedKnowledge } from './seed-knowledge';

export const DEMO_PASSWORD = 'dilna-demo';

export const DEMO_USERS: { username: string; displayName: string; role: Role }[] = [
	{ username: 'admin', displayName: 'Správce systému', role: 'admin' },
	{ username: 'starosta', displayName: 'Jana Nováková, starostka', role: 'manager' },
	{ username: 'tajemnik', displayName: 'Petr Svoboda, tajemník', role: 'manager' },
	{ username: 'ekonom', displayName: 'Marie Dvořáková, ekonomka', role: 'finance' },
	{ username: 'projekt', displayName: 'Tomáš Černý, projektový manažer', role: 'project_manager' },
	{ username: 'garant', displayName: 'Lucie Procházková, garantka procesů', role: 'process_owner' },
	{ username: 'personalni', displayName: 'Eva Malá, personalistka', role: 'hr' },
	{ username: 'host', displayName: 'Host (čtenář)', role: 'viewer' }
];

/** The demo town's departments (DOMAIN.md), with the codes its accounting uses as ORJ. */
export const DEMO_ORG_UNITS: { code: string; name: string; parent: string | null }[] = [
	{ code: 'VED', name: 'Starosta a tajemník', parent: null },
	{ code: 'OVV', name: 'Odbor vnitřních věcí', parent: 'VED' },
	{ code: 'OF', name: 'Odbor finanční', parent: 'VED' },
	{ code: 'OVÚP', name: 'Odbor výstavby a územního plánování', parent: 'VED' },
	{ code: 'OD', name: 'Odbor dopravy', parent: 'VED' },
	{ code: 'OŽP', name: 'Odbor životního prostředí', parent: 'VED' },
	{ code: 'OSV', name: 'Odbor sociálních věcí', parent: 'VED' },
	{ code: 'OSM', name: 'Odbor správy majetku', parent: 'VED' },
	{ code: 'IT', name: 'Oddělení informatiky', parent: 'VED' }
];

/** What the area seeds get: ids of what the foundation seeded, by username and org unit code. */
export interface SeedContext {
	userIds: Record<string, number>;
	orgUnitIds: Record<string, number>;
	/** The current year (of `today`); the demo's history runs up to it. */
	year: number;
	/** The day the demo is seeded on, `YYYY-MM-DD` in Prague; everything is placed relative to it. */
	today: string;
}

/**
 * Seeds the demo town into an empty database, in one transaction. A database that already holds
 * any user is left untouched, so running the demo twice, or against a real office, changes nothing.
 * Returns whether it seeded.
 *
 * The demo is seeded relative to the day it is seeded on (`clock`, the app clock by default), and
 * its story holds on every date (tests/integration/demo-story.test.ts seeds it on several):
 *
 * - History: three full years before the current one plus the current year to date. KPI actuals
 *   exist for every period that has ended by today (a month on its last day); cost actuals for
 *   every month before the current one and for the current month pro rata to the day (what is
 *   booked so far), so the current year's process costs, which the overview, the goal drill-down
 *   and the what-if read, are never empty, even on 2 January. Budgets, targets, staff and volumes
 *   cover whole years; improvement investment rises and fixed overheads fall year by year.
 * - Goals and KPIs: every KPI follows a profile, and the outcome of its last two ended periods is
 *   fixed by it (good: on target twice; within: within tolerance twice; mixed: on target, then
 *   within; bad: off target twice, each with a comment saying why). Older periods vary around
 *   that, drawn from a generator seeded by the KPI and the period, so no date shifts another
 *   period's value. The goals' roll-up is therefore the same on any date: C2.3 "Lépe využít
 *   pracovní dobu zaměstnanců" is off target, caused by its off-target KPI-17 (hours saved by
 *   automation) and KPI-18 (registry office workload) against its one on-target KPI; the other
 *   goals are within tolerance or on target (C1.3 and C3.2 each carry one off-target KPI too).
 *   Every second KPI the process owner (garant) answers for still owes its latest period, which
 *   /my and the KPI pages show as due; its status is that of the period before.
 * - Programme: milestones of last year are done; those around today are placed relative to it:
 *   two are late (m5 the CAF report, m20 the strategy draft), which puts their successors at risk
 *   beside those due within two weeks, and others are upcoming or planned for next year.
 * - Initiatives: placed in months before today, with realized savings for every quarter completed
 *   since they started; the finished INI-02 (online forms for local fees) pays back within five
 *   years of its spend.
 * - Processes: improvement-potential scores are fixed; building permits (P-SR) and local fees
 *   (P-POP) score highest, and are among the year's costed processes on the overview's matrix.
 * - CAF: last year's round closed a year ago, this year's is in consensus; both have actions,
 *   some of them turned into initiatives (seed-caf.ts).
 * - Knowledge base: regulations, process descriptions, an audit report and a confidential policy
 *   linked to processes and CAF subcriteria, one past its review date (garant's /my); findings
 *   of the audits in the register, each tied to its process (seed-knowledge.ts).
 */
export async function seedDemoIfEmpty(db: Db, options: { clock?: Clock } = {}): Promise<boolean> {
	const today = currentDate(options.clock ?? systemClock);
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const seeded = await db.transaction().execute(async (trx) => {
		// Serialise concurrent starts of several instances on one PostgreSQL.
		await trx.selectFrom('app_user').select('id').forUpdate().limit(1).execute();
		const existing = await trx.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
		if (existing) return false;
		const ctx = await seedFoundation(trx, passwordHash, today);
		await seedProcessMap(trx, ctx);
		await seedProgramme(trx, ctx);
		await seedCosts(trx, ctx);
		await seedCaf(trx, ctx);
		await seedKnowledge(trx, ctx);
		await seedPeople(trx, ctx);
		await seedAdoption(trx, ctx);
		await seedModels(trx, ctx);
		await seedGuests(trx, ctx, passwordHash);
		return true;
	});
	// The seed's ledger went in as imports do, so its statistics are refreshed as theirs are.
	if (seeded) await refreshLedgerStatistics(db, Number.MAX_SAFE_INTEGER);
	return seeded;
}

async function seedFoundation(
	trx: Transaction<Database>,
	passwordHash: string,
	today: string
): Promise<SeedContext> {
	const userIds: Record<string, number> = {};
	for (const user of DEMO_USERS) {
		const row = await trx
			.insertInto('app_user')
			.values({
				username: user.username,
				display_name: user.displayName,
				role: user.role,
				password_hash: passwordHash
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		userIds[user.username] = row.id;
	}
	const orgUnitIds: Record<string, number> = {};
	for (const unit of DEMO_ORG_UNITS) {
		const row = await trx
			.insertInto('org_unit')
			.values({
				code: unit.code,
				name: unit.name,
				parent_id: unit.parent ? orgUnitIds[unit.parent] : null
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		orgUnitIds[unit.code] = row.id;
	}
	return { userIds, orgUnitIds, year: Number(today.slice(0, 4)), today };
}
