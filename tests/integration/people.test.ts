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
import { readFileSync } from 'node:fs';
import * as models from '../../src/lib/server/models/models.service';
import type { LinkInput } from '../../src/lib/server/models/models';
import { capabilitiesOf, can } from '../../src/lib/server/auth/permissions';
import {
	parseHeld,
	parsePerson,
	parseTraining
} from '../../src/lib/server/people/people.validation';

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

	it('serves the coverage page kept until the data changes, and per what the user may see', async () => {
		const query = {
			orgUnitId: unit,
			onlySpofs: false,
			page: 1,
			assigning: null,
			matrixRoles: 1,
			matrixPeople: 1
		};
		const first = await people.keptCoveragePage(t.db, users.boss, TODAY, query);
		expect(first).toEqual(await people.coveragePage(t.db, users.boss, TODAY, query));
		expect(first.rows.find((r) => r.roleId === roleId)!.spof).toBe(true);
		expect(await people.keptCoveragePage(t.db, users.boss, TODAY, query)).toBe(first);
		// the viewer's page is kept apart, without names
		const viewed = await people.keptCoveragePage(t.db, users.viewer, TODAY, query);
		expect(JSON.stringify(viewed)).not.toContain('Držitelka');
		// a change is seen at once: the deputy's qualification renewed, then expired again
		const { id: deputy } = await t.db
			.selectFrom('person')
			.select('id')
			.where('name', '=', 'Zástupce')
			.executeTakeFirstOrThrow();
		const renewed = {
			competenceId: zoz,
			level: 3,
			acquiredOn: '2022-01-01',
			evidenceKind: 'exam' as const,
			evidence: 'ZOZ',
			expiresOn: null
		};
		await people.setHeld(t.db, users.boss, deputy, renewed);
		const after = await people.keptCoveragePage(t.db, users.boss, TODAY, query);
		expect(after.rows.find((r) => r.roleId === roleId)!.spof).toBe(false);
		await people.setHeld(t.db, users.boss, deputy, { ...renewed, expiresOn: '2026-06-14' });
		const again = await people.keptCoveragePage(t.db, users.boss, TODAY, query);
		expect(again.rows.find((r) => r.roleId === roleId)!.spof).toBe(true);
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
		await people.setAbsence(t.db, users.boss, { orgUnitId: unit, absenceRate: '0.1' }, null);
		// a second form still showing no rate is refused: the rate was saved since
		await expect(
			people.setAbsence(t.db, users.boss, { orgUnitId: unit, absenceRate: '0.2' }, null)
		).rejects.toThrow(ConflictError);
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
		expect(report.yearlyHours).toBe(1800);
		expect(report.absenceVersions[unit]).toBe(1);
		expect(ovv.staffFte).toBeCloseTo(staffFte);
		expect(ovv.hoursNeeded).toBeCloseTo(1.8 * 1800);
		expect(ovv.utilization).toBeCloseTo(1.8 / (staffFte * 0.9));
		expect(ovv.processes.map((p) => [p.code, p.source])).toEqual([['P-EO', 'card']]);
		// the what-if's minutes per case replace the card, unsaved
		report = await people.capacityReport(t.db, 2026, TODAY, {
			minutes: { processId, taskId: null, minutes: 30 }
		});
		ovv = report.units.find((u) => u.unit.id === unit)!;
		expect(ovv.hoursNeeded).toBeCloseTo(500);
		expect(ovv.processes[0].source).toBe('tasks');
		// moving the process to IT moves the load
		report = await people.capacityReport(t.db, 2026, TODAY, {
			moveProcess: { processId, toUnitId: other }
		});
		expect(report.units.find((u) => u.unit.id === other)!.hoursNeeded).toBeCloseTo(1.8 * 1800);
		expect(
			(await people.capacityReport(t.db, 2026, TODAY)).units.find((u) => u.unit.id === other)!
				.hoursNeeded
		).toBe(0);

		// the yearly working hours are edited, audited and versioned
		await people.setYearlyHours(t.db, users.boss, 1, '1765.5');
		await expect(people.setYearlyHours(t.db, users.boss, 1, '1700')).rejects.toThrow(ConflictError);
		report = await people.capacityReport(t.db, 2026, TODAY);
		expect(report.yearlyHours).toBe(1765.5);
		expect(report.units.find((u) => u.unit.id === unit)!.hoursNeeded).toBeCloseTo(1.8 * 1765.5);
		const logged = await t.db
			.selectFrom('audit_event')
			.select(['before', 'after'])
			.where('action', '=', 'capacity_setting.update')
			.execute();
		expect(logged).toEqual([{ before: { yearlyHours: '1800' }, after: { yearlyHours: '1765.5' } }]);

		// saved hours free capacity, and are shown as FTE of the yearly hours, exactly
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
				hours: '2700.5',
				evidence: 'e'
			})
			.execute();
		report = await people.capacityReport(t.db, 2026, TODAY);
		ovv = report.units.find((u) => u.unit.id === unit)!;
		expect(ovv.hoursFreed).toBeCloseTo(2700.5);
		expect(ovv.fteFreed).toBeCloseTo(2700.5 / 1765.5);
		expect(await people.savedFte(t.db, '2700.5')).toEqual({ hours: '2700.5', fte: '1.53' });
		expect(await people.savedFte(t.db, '0')).toEqual({ hours: '0', fte: '0' });
		await people.setYearlyHours(t.db, users.boss, 2, '1800');
	});

	it('takes a modelled process’s hours per role from its model, and the what-if moves a role or changes a task', async () => {
		const modelledId = await build.process(t.db, { code: 'P-MOD', org_unit_id: unit });
		await build.processYear(t.db, {
			process_id: modelledId,
			year: 2026,
			volume: 240,
			fte: '3'
		});
		const clerk = (
			await t.db
				.insertInto('process_role')
				.values({ process_id: modelledId, job_role: 'Referent', raci: 'R' })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		await models.save(
			t.db,
			users.boss,
			modelledId,
			readFileSync('tests/fixtures/bpmn/lanes.bpmn'),
			{ base: null, note: null },
			fixedClock(TODAY)
		);
		const link = (elementId: string, kind: 'lane' | 'task', set: Partial<LinkInput>) =>
			models.saveLink(
				t.db,
				users.boss,
				modelledId,
				{
					roleId: null,
					orgUnitId: null,
					assetId: null,
					minutes: null,
					waitMinutes: null,
					sharePercent: '100',
					elementId,
					kind,
					...set
				},
				null
			);
		await link('LaneClerk', 'lane', { roleId: clerk, orgUnitId: unit });
		await link('Receive', 'task', { minutes: '30' });
		await link('Check', 'task', { minutes: '12.5', sharePercent: '50' });
		// 30 min × 240 = 120 h; 12.5 min × 50 % × 240 = 25 h: 145 h, not the card's 3 FTE
		let report = await people.capacityReport(t.db, 2026, TODAY);
		let load = report.units
			.find((u) => u.unit.id === unit)!
			.processes.find((p) => p.code === 'P-MOD')!;
		expect(load.source).toBe('model');
		expect(load.hours).toBeCloseTo(145);
		expect(load.roles).toEqual([{ roleId: clerk, label: 'Referent (R)', hours: 145 }]);
		expect(report.roles.map((r) => r.roleId)).toEqual([clerk]);
		// what-if: the role moves to IT with its hours
		report = await people.capacityReport(t.db, 2026, TODAY, {
			moveRole: { roleId: clerk, toUnitId: other }
		});
		expect(report.applied).toBe(true);
		expect(
			report.units.find((u) => u.unit.id === other)!.processes.map((p) => [p.code, p.hours])
		).toEqual([['P-MOD', 145]]);
		// what-if: the Receive task takes 15 minutes instead of 30: 60 h less
		report = await people.capacityReport(t.db, 2026, TODAY, {
			minutes: { processId: modelledId, taskId: 'Receive', minutes: 15 }
		});
		expect(report.tasks.map((x) => [x.taskId, x.minutes])).toContainEqual(['Receive', 30]);
		load = report.units.find((u) => u.unit.id === unit)!.processes.find((p) => p.code === 'P-MOD')!;
		expect(load.hours).toBeCloseTo(85);
		// nothing was saved
		const again = await people.capacityReport(t.db, 2026, TODAY);
		expect(
			again.units.find((u) => u.unit.id === unit)!.processes.find((p) => p.code === 'P-MOD')!.hours
		).toBeCloseTo(145);
	});

	it('turns a gap into a training action for the person short of the competence, shown in the worklist', async () => {
		// the deputy's ZOZ has expired (earlier test): the role is a SPOF, the deputy is trainable
		const { id, personId } = await people.gapToTraining(t.db, users.boss, roleId, null, TODAY);
		const deputy = await t.db
			.selectFrom('person')
			.select('id')
			.where('name', '=', 'Zástupce')
			.executeTakeFirstOrThrow();
		expect(personId).toBe(deputy.id);
		const [action] = await people.trainingOf(t.db, users.boss, personId, TODAY);
		expect(action).toMatchObject({
			id,
			competenceCode: 'ZOZ',
			targetLevel: 3,
			dueOn: '2026-09-13',
			status: 'planned',
			processCode: 'P-EO'
		});
		// the process owner sees it in /my by position; the viewer not at all
		expect(await people.trainingWorklist(t.db, users.owner, TODAY)).toEqual([
			{
				id: null,
				label: 'Referentka',
				competence: 'Zvláštní odborná způsobilost',
				targetLevel: 3,
				dueOn: '2026-09-13',
				overdue: false
			}
		]);
		expect(await people.trainingWorklist(t.db, users.viewer, TODAY)).toEqual([]);
		await expect(people.trainingOf(t.db, users.viewer, personId, TODAY)).rejects.toThrow(
			ForbiddenError
		);
		// the status moves on, versioned and audited
		await people.setTrainingStatus(t.db, users.boss, id, 1, 'done');
		await expect(people.setTrainingStatus(t.db, users.boss, id, 1, 'cancelled')).rejects.toThrow(
			ConflictError
		);
		expect(await people.trainingWorklist(t.db, users.owner, TODAY)).toEqual([]);
		const audit = await t.db
			.selectFrom('audit_event')
			.select('action')
			.where('entity', '=', 'training_action')
			.execute();
		expect(audit.map((a) => a.action)).toEqual([
			'training_action.create',
			'training_action.status'
		]);
		// a role nobody assigned can be trained for refuses, writing nothing
		const empty = (
			await t.db
				.insertInto('process_role')
				.values({ process_id: processId, job_role: 'Vedoucí', raci: 'A' })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		const e = await people
			.gapToTraining(t.db, users.boss, empty, null, TODAY)
			.catch((x: unknown) => x);
		expect((e as ValidationError).errors).toEqual({ roleId: 'people_error_no_trainee' });
		await t.db.deleteFrom('process_role').where('id', '=', empty).execute();
	});

	it('refuses bad input at the field or row, writing nothing', async () => {
		const count = async (table: 'person' | 'training_action' | 'process_role_holder') =>
			Number(
				(
					await t.db
						.selectFrom(table)
						.select((eb) => eb.fn.countAll<number>().as('n'))
						.executeTakeFirstOrThrow()
				).n
			);
		const before = {
			person: await count('person'),
			training: await count('training_action'),
			holders: await count('process_role_holder')
		};
		// duplicate people in one import: row-numbered, nothing written
		const dup = await people.importStaff(
			t.db,
			users.boss,
			enc(
				'Jméno;Pozice;Útvar;Úvazek;Nástup\n' +
					'Karel Nový;Referent;OVV;1;1.1.2025\n' +
					'Karel Nový;Referent;OVV;0,5;1.1.2025\n'
			),
			'lide.csv'
		);
		expect(dup.errors.map((e) => [e.line, e.key])).toEqual([
			[3, 'people_import_duplicate'],
			[3, 'people_import_fte_sum']
		]);
		// a role given to someone who left
		const leaver = await t.db
			.selectFrom('person')
			.select('id')
			.where('name', '=', 'Bývalý')
			.executeTakeFirstOrThrow();
		const left = await people
			.assign(t.db, users.boss, { roleId, personId: leaver.id, kind: 'holder' }, TODAY)
			.catch((x: unknown) => x);
		expect((left as ValidationError).errors).toEqual({ personId: 'people_error_left' });
		// ... or a training planned for them
		const trained = await people
			.createTraining(
				t.db,
				users.boss,
				{
					personId: leaver.id,
					competenceId: zoz,
					targetLevel: 3,
					dueOn: '2026-12-31',
					processRoleId: null
				},
				TODAY
			)
			.catch((x: unknown) => x);
		expect((trained as ValidationError).errors).toEqual({ personId: 'people_error_left' });
		// a level outside 1–4 and FTE over 1.0, at the field
		expect(
			parseHeld({ competenceId: '1', level: '5', acquiredOn: '2026-01-01', evidenceKind: 'exam' })
		).toMatchObject({ ok: false, errors: { level: 'people_error_level' } });
		expect(
			parseTraining({ personId: '1', competenceId: '1', targetLevel: '0', dueOn: '2026-12-31' })
		).toMatchObject({ ok: false, errors: { targetLevel: 'people_error_level' } });
		expect(
			parsePerson({
				name: 'X',
				position: 'Y',
				orgUnitId: String(unit),
				fte: '1,2',
				validFrom: '2026-01-01'
			})
		).toMatchObject({ ok: false, errors: { fte: 'people_error_fte' } });
		// the database refuses them too, should a caller skip the parser
		await expect(
			people.create(t.db, users.boss, personInput('Přes úvazek', { fte: '1.2' }), TODAY)
		).rejects.toThrow();
		await expect(
			people.setHeld(t.db, users.boss, leaver.id, {
				competenceId: zoz,
				level: 5,
				acquiredOn: '2026-01-01',
				evidenceKind: 'exam',
				evidence: null,
				expiresOn: null
			})
		).rejects.toThrow();
		expect({
			person: await count('person'),
			training: await count('training_action'),
			holders: await count('process_role_holder')
		}).toEqual(before);
	});

	it('gives HR names and editing, and nothing else a viewer lacks', async () => {
		await user('hr', 'hr');
		expect(JSON.stringify(await people.staff(t.db, users.hr, TODAY))).toContain('Držitelka');
		expect(can('hr', 'people.edit')).toBe(true);
		const viewer = new Set(capabilitiesOf('viewer'));
		expect(capabilitiesOf('hr').filter((c) => !viewer.has(c))).toEqual([
			'people.read_names',
			'people.edit'
		]);
		const id = await people.create(t.db, users.hr, personInput('Nová přes HR'), TODAY);
		expect(id).toBeGreaterThan(0);
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
