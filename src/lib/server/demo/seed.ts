import type { Transaction } from 'kysely';
import { hashPassword } from '../auth/password';
import type { Db } from '../db';
import type { Database, Role } from '../db/schema';
import { seedProcessMap } from './seed-process-map';
import { seedCosts } from './seed-costs';
import { seedProgramme } from './seed-programme';

export const DEMO_PASSWORD = 'dilna-demo';

export const DEMO_USERS: { username: string; displayName: string; role: Role }[] = [
	{ username: 'admin', displayName: 'Správce systému', role: 'admin' },
	{ username: 'starosta', displayName: 'Jana Nováková, starostka', role: 'manager' },
	{ username: 'tajemnik', displayName: 'Petr Svoboda, tajemník', role: 'manager' },
	{ username: 'ekonom', displayName: 'Marie Dvořáková, ekonomka', role: 'finance' },
	{ username: 'projekt', displayName: 'Tomáš Černý, projektový manažer', role: 'project_manager' },
	{ username: 'garant', displayName: 'Lucie Procházková, garantka procesů', role: 'process_owner' },
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
	/** The current year; the demo's history runs up to it. */
	year: number;
}

/**
 * Seeds the demo town into an empty database, in one transaction. A database that already holds
 * any user is left untouched, so running the demo twice, or against a real office, changes nothing.
 * Returns whether it seeded.
 */
export async function seedDemoIfEmpty(db: Db, year = new Date().getFullYear()): Promise<boolean> {
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	return db.transaction().execute(async (trx) => {
		// Serialise concurrent starts of several instances on one PostgreSQL.
		await trx.selectFrom('app_user').select('id').forUpdate().limit(1).execute();
		const existing = await trx.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
		if (existing) return false;
		const ctx = await seedFoundation(trx, passwordHash, year);
		await seedProcessMap(trx, ctx);
		await seedProgramme(trx, ctx);
		await seedCosts(trx, ctx);
		return true;
	});
}

async function seedFoundation(
	trx: Transaction<Database>,
	passwordHash: string,
	year: number
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
	return { userIds, orgUnitIds, year };
}
