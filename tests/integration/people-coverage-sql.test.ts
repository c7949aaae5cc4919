// The coverage list ranks and counts roles in the database (people.repository capableCounts, from
// the capable intervals role_capability keeps by triggers); the rule itself is the pure one in
// coverage.ts. On both engines, on a random office (seeded, so a failure repeats), the two must
// agree for every role on every day asked — after each kind of change: a holder assigned, a deputy
// assigned, a person end-dated, a person's start moved, a qualification expiring, a requirement
// raised or dropped, a competence removed, a holder unassigned, a role and a process deleted, rows
// written by plain SQL in bulk — and the kept table must equal one computed from scratch. The
// paged page and the risk tile must show what the whole (pure) report shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engines, type TestDb } from './harness';
import * as build from '../builders';
import * as people from '../../src/lib/server/people/people.service';
import type { SessionUser } from '../../src/lib/server/auth/session';
import * as processes from '../../src/lib/server/processes/processes.service';
import { addDays } from '../../src/lib/server/people/coverage';
import { sql } from 'kysely';

const START = '2026-01-01';
/** Days that fall before, on and after the dates the random office uses. */
const DAYS = [
	'2025-12-31',
	START,
	'2026-03-31',
	'2026-04-01',
	'2026-06-30',
	'2026-07-01',
	'2027-01-01'
];

/** A small seeded generator (mulberry32): the same office on every run. */
function random(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let r = Math.imul(a ^ (a >>> 15), 1 | a);
		r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
		return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
	};
}

describe.each(engines)('coverage counted in the database on %s', (engine) => {
	let t: TestDb;
	let boss: SessionUser;
	let unit: number;
	const rnd = random(20261207);
	const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)];
	const roleIds: number[] = [];
	const personIds: number[] = [];
	const competenceIds: number[] = [];

	/** The database's ranking and the pure rule's report, side by side, for one day. */
	async function compare(day: string) {
		const [ranked, report] = await Promise.all([
			people.rankedCoverage(t.db, day),
			people.coverageReport(t.db, boss, day)
		]);
		expect(
			ranked.map((r) => ({ roleId: r.roleId, capable: r.capableCount, spof: r.spof })),
			day
		).toEqual(report.map((r) => ({ roleId: r.roleId, capable: r.capableCount, spof: r.spof })));
		return report;
	}

	/** role_capability as the triggers kept it, and as a refresh of every role computes it. */
	async function capabilityRows() {
		const kept = await sql`select * from role_capability
			order by process_role_id, person_id`.execute(t.db);
		let fresh: unknown[] = [];
		await t.db
			.transaction()
			.execute(async (trx) => {
				await sql`select role_capability_refresh(array(select id from process_role), '{}')`.execute(
					trx
				);
				fresh = (
					await sql`select * from role_capability order by process_role_id, person_id`.execute(trx)
				).rows;
				throw new Error('roll back');
			})
			.catch((e: Error) => {
				if (e.message !== 'roll back') throw e;
			});
		return { kept: kept.rows, fresh };
	}

	async function agreeEveryDay() {
		for (const day of DAYS) await compare(day);
		const { kept, fresh } = await capabilityRows();
		expect(kept.length).toBeGreaterThan(0);
		expect(kept).toEqual(fresh);
	}

	beforeAll(async () => {
		t = await createTestDb(engine);
		const id = await build.user(t.db, { username: 'boss', role: 'manager' });
		boss = { id, username: 'boss', displayName: 'boss', role: 'manager' };
		unit = await build.orgUnit(t.db, { code: 'OVV', name: 'Odbor vnitřních věcí' });
		const other = await build.orgUnit(t.db, { code: 'IT', name: 'Informatika' });
		for (let c = 0; c < 5; c++) {
			competenceIds.push(
				await people.createCompetence(t.db, boss, {
					code: `K${c}`,
					name: `Kompetence ${c}`,
					kind: 'professional',
					levels: ['a', 'b', 'c', 'd']
				})
			);
		}
		// 48 roles in the unit (more than a matrix page), a few elsewhere and one retired process.
		const processes = [
			await build.process(t.db, { code: 'P-A', org_unit_id: unit }),
			await build.process(t.db, { code: 'P-Č', org_unit_id: unit, kind: 'support' }),
			await build.process(t.db, { code: 'P-B', org_unit_id: unit }),
			await build.process(t.db, { code: 'P-IT', org_unit_id: other }),
			await build.process(t.db, { code: 'P-OLD', org_unit_id: unit, status: 'retired' })
		];
		for (let r = 0; r < 56; r++) {
			const processId = r < 48 ? processes[r % 3] : processes[3 + (r % 2)];
			roleIds.push(await build.processRole(t.db, { process_id: processId, job_role: `Role ${r}` }));
		}
		for (let p = 0; p < 60; p++) {
			const leaves = rnd() < 0.2;
			const validFrom = rnd() < 0.15 ? '2026-04-01' : '2020-01-01';
			personIds.push(
				await people.create(
					t.db,
					boss,
					{
						personalNumber: null,
						name: `Osoba ${p}`,
						position: 'Referent/ka',
						orgUnitId: p < 57 ? unit : other,
						fte: '1',
						validFrom,
						validTo: leaves
							? pick(['2026-03-31', '2026-06-30'].filter((d) => d >= validFrom))
							: null,
						deputyPersonId: null
					},
					'2020-01-01'
				)
			);
		}
		for (const roleId of roleIds) {
			for (const competenceId of competenceIds) {
				if (rnd() < 0.3) {
					await people.setRequirement(t.db, boss, {
						roleId,
						competenceId,
						minLevel: 1 + Math.floor(rnd() * 4)
					});
				}
			}
			const holders = Math.floor(rnd() * 4);
			for (let h = 0; h < holders; h++) {
				await people.assign(
					t.db,
					boss,
					{ roleId, personId: pick(personIds), kind: h === 0 ? 'holder' : 'deputy' },
					'2020-01-01'
				);
			}
		}
		for (const personId of personIds) {
			for (const competenceId of competenceIds) {
				if (rnd() < 0.6) {
					await people.setHeld(t.db, boss, personId, {
						competenceId,
						level: 1 + Math.floor(rnd() * 4),
						acquiredOn: '2020-01-01',
						evidenceKind: 'exam',
						evidence: null,
						expiresOn: rnd() < 0.3 ? pick(['2026-03-31', '2026-06-30', '2026-12-31']) : null
					});
				}
			}
		}
	}, 240_000);
	afterAll(() => t.destroy());

	it('agrees with the pure rule on every role on every day, SPOFs and order included', async () => {
		await agreeEveryDay();
		// The random office has both kinds, so the comparison means something.
		const report = await compare('2026-06-30');
		expect(report.some((r) => r.spof)).toBe(true);
		expect(report.some((r) => !r.spof)).toBe(true);
		expect(report.some((r) => r.assigned.some((a) => !a.capable))).toBe(true);
	});

	it('agrees after a holder and a deputy are assigned', async () => {
		const report = await compare(START);
		const target = report.find((r) => r.capableCount === 0)!;
		await people.assign(
			t.db,
			boss,
			{ roleId: target.roleId, personId: personIds[0], kind: 'holder' },
			START
		);
		await people.assign(
			t.db,
			boss,
			{ roleId: target.roleId, personId: personIds[1], kind: 'deputy' },
			START
		);
		await agreeEveryDay();
	});

	it('agrees after a person is end-dated', async () => {
		const report = await compare(START);
		const capable = report.flatMap((r) => r.assigned.filter((a) => a.capable && a.id !== null));
		const person = (await people.get(t.db, boss, capable[0].id!, START)).person;
		await people.endDate(t.db, boss, person.id, person.version, '2026-05-15');
		for (const day of ['2026-05-15', '2026-05-16']) await compare(day);
		await agreeEveryDay();
	});

	it('agrees as a qualification expires, and after one is removed', async () => {
		const report = await compare(START);
		const capable = report.find((r) => r.capableCount > 0 && r.requirements.length > 0)!;
		const person = capable.assigned.find((a) => a.capable)!.id!;
		const code = capable.requirements[0].code;
		const competenceId = competenceIds[Number(code.slice(1))];
		await people.setHeld(t.db, boss, person, {
			competenceId,
			level: 4,
			acquiredOn: '2020-01-01',
			evidenceKind: 'exam',
			evidence: null,
			expiresOn: '2026-02-10'
		});
		for (const day of ['2026-02-10', addDays('2026-02-10', 1)]) await compare(day);
		await agreeEveryDay();
		await people.removeHeld(t.db, boss, person, competenceId);
		await agreeEveryDay();
	});

	it('agrees after a requirement is raised and a holder unassigned', async () => {
		for (const roleId of roleIds.slice(0, 6)) {
			await people.setRequirement(t.db, boss, {
				roleId,
				competenceId: competenceIds[4],
				minLevel: 3
			});
		}
		await agreeEveryDay();
		const report = await compare(START);
		const held = report.find((r) => r.assigned.some((a) => a.id !== null))!;
		await people.unassign(t.db, boss, {
			roleId: held.roleId,
			personId: held.assigned.find((a) => a.id !== null)!.id!
		});
		await agreeEveryDay();
	});

	it('agrees after a person starts later and a requirement is dropped', async () => {
		const report = await compare(START);
		const capable = report.flatMap((r) => r.assigned.filter((a) => a.capable && a.id !== null));
		const staying = [];
		for (const a of capable) {
			const { person } = await people.get(t.db, boss, a.id!, START);
			if (person.validTo === null) staying.push(person);
		}
		const person = staying[1];
		await people.update(
			t.db,
			boss,
			person.id,
			person.version,
			{
				personalNumber: person.personalNumber,
				name: person.name,
				position: person.position,
				orgUnitId: person.orgUnitId,
				fte: person.fte,
				validFrom: '2026-06-30',
				validTo: person.validTo,
				deputyPersonId: person.deputyPersonId
			},
			START
		);
		for (const day of ['2026-06-29', '2026-06-30']) await compare(day);
		await agreeEveryDay();
		const demanding = report.find((r) => r.requirements.length > 0 && r.capableCount < 2)!;
		const code = demanding.requirements[0].code;
		await people.setRequirement(t.db, boss, {
			roleId: demanding.roleId,
			competenceId: competenceIds[Number(code.slice(1))],
			minLevel: null
		});
		await agreeEveryDay();
	});

	it('agrees after a role and a process are deleted, and after plain SQL writes in bulk', async () => {
		const admin = { ...boss, role: 'admin' as const };
		const report = await compare(START);
		const held = report.find((r) => r.assigned.length > 0 && r.processCode === 'P-B')!;
		await processes.removeRole(t.db, admin, held.processId, held.roleId);
		await agreeEveryDay();
		const doomed = await build.process(t.db, { code: 'P-DEL', org_unit_id: unit });
		const role = await build.processRole(t.db, { process_id: doomed, job_role: 'Dočasná' });
		await people.assign(
			t.db,
			boss,
			{ roleId: role, personId: personIds[2], kind: 'holder' },
			START
		);
		await agreeEveryDay();
		await sql`delete from process where id = ${doomed}`.execute(t.db);
		await agreeEveryDay();
		// Every person gains every competence at level 4 in one statement; then all expire at once.
		await sql`insert into person_competence (person_id, competence_id, level, acquired_on,
				evidence_kind)
			select p.id, c.id, 4, date '2020-01-01', 'practice' from person p cross join competence c
			on conflict (person_id, competence_id) do update set level = 4`.execute(t.db);
		await agreeEveryDay();
		await sql`update person_competence set expires_on = date '2026-03-31'`.execute(t.db);
		await agreeEveryDay();
	});

	it('pages the list and the matrix from the same figures the whole report and the risk tile show', async () => {
		const day = '2026-06-30';
		const report = await people.coverageReport(t.db, boss, day, { orgUnitId: unit });
		const query = {
			orgUnitId: unit,
			onlySpofs: false,
			page: 1,
			assigning: null,
			matrixRoles: 2,
			matrixPeople: 1
		};
		const page = await people.coveragePage(t.db, boss, day, query);
		expect(page.rows).toEqual(report.slice(0, people.COVERAGE_PAGE_SIZE));
		expect(page.spofCount).toBe(report.filter((r) => r.spof).length);
		expect(page.candidates).toEqual([]);
		const spofs = await people.coveragePage(t.db, boss, day, { ...query, onlySpofs: true });
		expect(spofs.rows).toEqual(report.filter((r) => r.spof).slice(0, people.COVERAGE_PAGE_SIZE));
		// Matrix page 2 of the roles, page 1 of the people: the slice of the whole (exported) matrix.
		const whole = await people.unitMatrix(t.db, boss, day, unit);
		const R = people.MATRIX_ROLES_PAGE_SIZE;
		const P = people.MATRIX_PEOPLE_PAGE_SIZE;
		expect(whole.roles.length).toBeGreaterThan(R);
		expect(whole.people.length).toBeGreaterThan(P);
		expect(page.matrix!.roleShown).toMatchObject({
			page: 2,
			from: R + 1,
			total: whole.roles.length
		});
		expect(page.matrix!.roles).toEqual(whole.roles.slice(R, 2 * R));
		expect(page.matrix!.people).toEqual(whole.people.slice(0, P));
		expect(page.matrix!.cells).toEqual(whole.cells.slice(R, 2 * R).map((row) => row.slice(0, P)));
		const lastColumns = await people.coveragePage(t.db, boss, day, {
			...query,
			matrixRoles: 1,
			matrixPeople: 99
		});
		const last = Math.ceil(whole.people.length / P);
		expect(last).toBeGreaterThan(1);
		expect(lastColumns.matrix!.peopleShown.page).toBe(last);
		expect(lastColumns.matrix!.people).toEqual(whole.people.slice((last - 1) * P));
		// The overview's risk tile counts what the whole report counts.
		const all = await people.coverageReport(t.db, boss, day);
		const risk = await people.risk(t.db, day);
		expect(risk.roles).toBe(all.length);
		expect(risk.spofs).toBe(all.filter((r) => r.spof).length);
		expect(risk.uncovered).toBe(all.filter((r) => r.capableCount === 0).length);
		expect(risk.coreSpofs).toBe(all.filter((r) => r.spof && r.processKind === 'core').length);
		// An open assign form lists the employed people to choose from.
		const assigning = await people.coveragePage(t.db, boss, day, {
			...query,
			assigning: report[0].roleId
		});
		expect(assigning.candidates.length).toBeGreaterThan(0);
	});
});
