// People on both engines: staff and the import (all or nothing), role assignment (leavers
// refused), competences, coverage and single points of failure, a gap becoming an initiative,
// capacity with and without saved hours, the audit log, and personal data: a viewer's reads
// carry no name. Last, the demo town's people story.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engines, type TestDb } from './harness';
import * as build from '../builders';
import * as people from '../../src/lib/server/people/people.service';
import type { SessionUser } from '../../src/lib/server/auth/session';
import type { Role } from '../../src/lib/server/db/schema';
import { ConflictError, ForbiddenError, ValidationError } from '../../src/lib/server/shared/errors';
import { seedDemoIfEmpty } from '../../src/lib/server/demo/seed';
import { fixedClock } from '../../src/lib/server/shared/clock';

const TODAY = '2026-06-15';
const enc = (s: string) => new TextEncoder().encode(s);

describe.each(engines)('people on %s', (engine) => {
	let t: TestDb;
	const users: Record<string, SessionUser> = {};
	let unit: number;
	let other: number;
	let processId: number;
	let roleId: number;
	let zoz: number;

	async function user(username: string, role: Role) {
		const id = await build.user(t.db, { username, role });
		users[username] = { id, username, displayName: username, role };
	}

	function personInput(name: string, extra: Partial<Parameters<typeof people.create>[2]> = {}) {
		return {
			personalNumber: null,
			name,
			position: 'Referentka',
			orgUnitId: unit,
			fte: '1',
			validFrom: '2020-01-01',
			validTo: null,
			deputyPersonId: null,
			...extra
		};
	}

	beforeAll(async () => {
		t = await createTestDb(engine);
		await user('boss', 'manager');
		await user('viewer', 'viewer');
		await user('owner', 'process_owner');
		await user('pm', 'project_manager');
		unit = await build.orgUnit(t.db, { code: 'OVV', name: 'Odbor vnitřních věcí' });
		other = await build.orgUnit(t.db, { code: 'IT', name: 'Informatika' });
		processId = await build.process(t.db, {
			code: 'P-EO',
			org_unit_id: unit,
			owner_user_id: users.owner.id
		});
		await build.processYear(t.db, { process_id: processId, year: 2026, volume: 1000, fte: '1.8' });
		roleId = (
			await t.db
				.insertInto('process_role')
				.values({ process_id: processId, job_role: 'Referent/ka agendy', raci: 'R' })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	});
	afterAll(() => t.destroy());

	it('creates staff, refuses a duplicate personal number, an outdated edit and a leaver as deputy', async () => {
		const a = await people.create(
			t.db,
			users.boss,
			personInput('Eva Malá', { personalNumber: '1' }),
			TODAY
		);
		await expect(
			people.create(t.db, users.boss, personInput('Eva Jiná', { personalNumber: '1' }), TODAY)
		).rejects.toThrow(ValidationError);
		await people.update(
			t.db,
			users.boss,
			a,
			1,
			personInput('Eva Malá', { personalNumber: '1', fte: '0.5' }),
			TODAY
		);
		await expect(
			people.update(t.db, users.boss, a, 1, personInput('Eva Malá', { personalNumber: '1' }), TODAY)
		).rejects.toThrow(ConflictError);
		const gone = await people.create(
			t.db,
			users.boss,
			personInput('Odešlá', { validTo: '2026-01-31' }),
			TODAY
		);
		const err = await people
			.create(t.db, users.boss, personInput('Nový', { deputyPersonId: gone }), TODAY)
			.catch((e: unknown) => e);
		expect((err as ValidationError).errors).toEqual({ deputyPersonId: 'people_error_left' });
	});

	it('imports a staff CSV all or nothing, with row-numbered messages', async () => {
		const before = await t.db.selectFrom('person').select('id').execute();
		const bad = enc(
			'Osobní číslo;Jméno;Pozice;Útvar;Úvazek;Nástup\n' +
				'10;Jan Dlouhý;Referent;OVV;1;1.2.2024\n' +
				'10;Jan Dlouhý;Referent;IT;0,5;1.2.2024\n' +
				'11;Petr Krátký;Referent;XYZ;1;1.2.2024\n' +
				'12;Ida Nová;Referent;OVV;1,2;1.2.2024\n' +
				'1;Eva Malá;Referent;OVV;1;1.2.2024\n'
		);
		const refused = await people.importStaff(t.db, users.boss, bad, 'zamestnanci.csv');
		expect(refused.errors.map((e) => [e.line, e.key])).toEqual([
			[3, 'people_import_duplicate'],
			[3, 'people_import_fte_sum'],
			[4, 'people_import_unit'],
			[5, 'people_import_fte'],
			[6, 'people_import_existing']
		]);
		expect(await t.db.selectFrom('person').select('id').execute()).toHaveLength(before.length);

		const good = enc(
			'\ufeffOsobní číslo;Jméno a příjmení;Pracovní pozice;Útvar;Úvazek;Nástup;Ukončení\n' +
				'20;Jan Dlouhý;Referent;OVV;1;1.2.2024;\n' +
				'21;Petra Krátká;Správkyně sítě;Informatika;50 %;2024-03-01;\n'
		);
		const done = await people.importStaff(t.db, users.boss, good, 'zamestnanci.csv');
		expect(done.errors).toEqual([]);
		const rows = await t.db
			.selectFrom('person')
			.select(['name', 'fte', 'org_unit_id', 'valid_from'])
			.where('personal_number', 'in', ['20', '21'])
			.orderBy('personal_number')
			.execute();
		expect(rows.map((r) => [r.name, Number(r.fte), r.org_unit_id, r.valid_from])).toEqual([
			['Jan Dlouhý', 1, unit, '2024-02-01'],
			['Petra Krátká', 0.5, other, '2024-03-01']
		]);
		const audited = await t.db
			.selectFrom('audit_event')
			.select('id')
			.where('action', '=', 'person.import')
			.execute();
		expect(audited).toHaveLength(2);
	});

	it('assigns holders and deputies, refuses a leaver, and finds the single point of failure', async () => {
		zoz = await people.createCompetence(t.db, users.boss, {
			code: 'ZOZ',
			name: 'Zvláštní odborná způsobilost',
			kind: 'professional',
			levels: ['a', 'b', 'c', 'd']
		});
		await people.setRequirement(t.db, users.boss, { roleId, competenceId: zoz, minLevel: 3 });
		const holder = await people.create(t.db, users.boss, personInput('Držitelka'), TODAY);
		const deputy = await people.create(t.db, users.boss, personInput('Zástupce'), TODAY);
		const leaver = await people.create(
			t.db,
			users.boss,
			personInput('Bývalý', { validTo: '2026-03-31' }),
			TODAY
		);
		const heldInput = {
			competenceId: zoz,
			level: 3,
			acquiredOn: '2022-01-01',
			evidenceKind: 'exam' as const,
			evidence: 'ZOZ',
			expiresOn: null
		};
		await people.setHeld(t.db, users.boss, holder, heldInput);
		await people.setHeld(t.db, users.boss, deputy, { ...heldInput, level: 2 });
		await people.assign(t.db, users.boss, { roleId, personId: holder, kind: 'holder' }, TODAY);
		await people.assign(t.db, users.boss, { roleId, personId: deputy, kind: 'deputy' }, TODAY);
		const refused = await people
			.assign(t.db, users.boss, { roleId, personId: leaver, kind: 'deputy' }, TODAY)
			.catch((e: unknown) => e);
		expect((refused as ValidationError).errors).toEqual({ personId: 'people_error_left' });

		let [row] = await people.coverageReport(t.db, users.boss, TODAY, { processId });
		expect(row.spof).toBe(true);
		expect(row.capableCount).toBe(1);
		expect(row.assigned.map((a) => [a.label, a.kind, a.capable, a.shortfalls])).toEqual([
			['Držitelka', 'holder', true, []],
			['Zástupce', 'deputy', false, ['low:ZOZ']]
		]);
		// the deputy passes the exam at level 3: the SPOF is gone
		await people.setHeld(t.db, users.boss, deputy, { ...heldInput, level: 3 });
		[row] = await people.coverageReport(t.db, users.boss, TODAY, { processId });
		expect(row.spof).toBe(false);
		// ... until the qualification has expired
		await people.setHeld(t.db, users.boss, deputy, { ...heldInput, expiresOn: '2026-06-14' });
		[row] = await people.coverageReport(t.db, users.boss, TODAY, { processId });
		expect(row.spof).toBe(true);
		const risk = await people.risk(t.db, TODAY);
		expect(risk).toMatchObject({ roles: 1, spofs: 1, uncovered: 0, coreSpofs: 1 });

		const audit = await t.db
			.selectFrom('audit_event')
			.select('action')
			.where('entity', 'in', ['process_role', 'person', 'competence'])
			.execute();
		const actions = new Set(audit.map((a) => a.action));
		for (const a of [
			'person.create',
			'person.update',
			'person.competence',
			'process_role.assign',
			'process_role.requirement',
			'competence.create'
		]) {
			expect(actions).toContain(a);
		}
	});

	it('shows the process owner the expiring qualification in their process, by position only', async () => {
		const list = await people.expiringFor(t.db, users.owner, TODAY);
		expect(list).toEqual([
			{
				id: null,
				label: 'Referentka',
				competence: 'Zvláštní odborná způsobilost',
				level: 3,
				expiresOn: '2026-06-14',
				expired: true
			}
		]);
		expect(await people.expiringFor(t.db, users.viewer, TODAY)).toEqual([]);
		const mgr = await people.expiringFor(t.db, users.boss, TODAY);
		expect(mgr[0].label).toBe('Zástupce');
	});

	it('never gives a viewer a name: staff, coverage, matrix, person page', async () => {
		const names = (await t.db.selectFrom('person').select('name').execute()).map((p) => p.name);
		const reads = [
			await people.staff(t.db, users.viewer, TODAY),
			await people.coverageReport(t.db, users.viewer, TODAY),
			await people.unitMatrix(t.db, users.viewer, TODAY, unit),
			await people.processPeople(t.db, users.viewer, processId, TODAY)
		];
		const text = JSON.stringify(reads);
		for (const name of names) expect(text).not.toContain(name);
		expect(reads[0]).toMatchObject({ names: false });
		await expect(people.get(t.db, users.viewer, 1, TODAY)).rejects.toThrow(ForbiddenError);
		// the manager sees them
		expect(JSON.stringify(await people.staff(t.db, users.boss, TODAY))).toContain('Držitelka');
	});

	it('turns a gap into an initiative linked to the process', async () => {
		const id = await people.gapToInitiative(t.db, users.pm, roleId);
		const ini = await t.db
			.selectFrom('initiative')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(ini.code).toBe(`KOMP-${roleId}`);
		const link = await t.db
			.selectFrom('initiative_process')
			.selectAll()
			.where('initiative_id', '=', id)
			.execute();
		expect(link).toEqual([{ initiative_id: id, process_id: processId }]);
		await expect(people.gapToInitiative(t.db, users.pm, roleId)).rejects.toThrow(ValidationError);
	});

	it('computes utilization from the card, with absence and hours saved by initiatives', async () => {
		await people.setAbsence(t.db, users.boss, { orgUnitId: unit, absenceRate: '0.1' });
		const staffFte = (
			await t.db
				.selectFrom('person')
				.select(['fte', 'valid_to'])
				.where('org_unit_id', '=', unit)
				.execute()
		)
			.filter((p) => p.valid_to === null || p.valid_to >= TODAY)
			.reduce((a, p) => a + Number(p.fte), 0);
		let report = await people.capacityReport(t.db, 2026, TODAY);
		let ovv = report.units.find((u) => u.unit.id === unit)!;
		expect(ovv.staffFte).toBeCloseTo(staffFte);
		expect(ovv.hoursNeeded).toBeCloseTo(1.8 * report.yearlyHours);
		expect(ovv.utilization).toBeCloseTo(1.8 / (staffFte * 0.9));
		// task minutes (the seam for models) replace the card
		report = await people.capacityReport(t.db, 2026, TODAY, {
			minutes: new Map([[processId, 30]])
		});
		ovv = report.units.find((u) => u.unit.id === unit)!;
		expect(ovv.hoursNeeded).toBeCloseTo(500);
		expect(ovv.processes[0].source).toBe('tasks');
		// moving the process to IT moves the load
		report = await people.capacityReport(t.db, 2026, TODAY, {
			moves: new Map([[processId, other]])
		});
		expect(report.units.find((u) => u.unit.id === other)!.hoursNeeded).toBeCloseTo(
			1.8 * report.yearlyHours
		);
		// saved hours free capacity
		const ini = await t.db
			.insertInto('initiative')
			.values({ code: 'I-1', name: 'x', valuation_org_unit_id: unit })
			.returning('id')
			.executeTakeFirstOrThrow();
		await t.db
			.insertInto('initiative_saving')
			.values({
				initiative_id: ini.id,
				period_start: '2026-01-01',
				period_end: '2026-03-31',
				amount: 0n,
				hours: '360',
				evidence: 'e'
			})
			.execute();
		report = await people.capacityReport(t.db, 2026, TODAY);
		ovv = report.units.find((u) => u.unit.id === unit)!;
		expect(ovv.hoursFreed).toBeCloseTo(360);
		expect(ovv.fteFreed).toBeCloseTo(360 / report.yearlyHours);
	});
});

describe.each(engines)('the demo town’s people on %s', (engine) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await createTestDb(engine);
		await seedDemoIfEmpty(t.db, { clock: fixedClock('2026-12-06') });
	});
	afterAll(() => t.destroy());

	it('has about sixty staff, a few single points of failure, one over-loaded unit and one with slack', async () => {
		const today = '2026-12-06';
		const boss = { id: 0, username: 'x', displayName: 'x', role: 'manager' as const };
		const staff = await people.staff(t.db, boss, today);
		if (!staff.names) throw new Error('manager sees names');
		const employed = staff.people.filter((p) => p.employed);
		expect(employed.length).toBeGreaterThanOrEqual(55);
		expect(employed.length).toBeLessThanOrEqual(65);
		const cov = await people.coverageReport(t.db, boss, today);
		const spofs = cov.filter((r) => r.spof);
		expect(spofs.map((r) => `${r.processCode} ${r.jobRole}`).sort()).toEqual([
			'P-KB Odborný referent',
			'P-KVA Starostka',
			'P-MAT Referent/ka agendy',
			'P-RIZ Starostka',
			'P-SR Referent/ka agendy',
			'P-ZAS Starostka'
		]);
		const cap = await people.capacityReport(t.db, 2026, today);
		const flags = Object.fromEntries(cap.units.map((u) => [u.unit.code, u.flag]));
		expect(flags['OVÚP']).toBe('over');
		expect(flags['IT']).toBe('under');
		expect(Object.values(flags).filter((f) => f === 'over')).toHaveLength(1);
		expect(Object.values(flags).filter((f) => f === 'under')).toHaveLength(1);
		const risk = await people.risk(t.db, today);
		expect(risk.expiring).toBeGreaterThan(0);
	});
});
