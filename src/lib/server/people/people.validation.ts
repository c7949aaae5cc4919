import { compare } from '../../decimal';
import { FormReader, type Parsed } from '../shared/form';
import {
	COMPETENCE_KINDS,
	EVIDENCE_KINDS,
	HOLDER_KINDS,
	type CompetenceInput,
	type HeldInput,
	type PersonInput
} from './people';
import type { HolderKind, TrainingStatus } from '../db/schema';
import { TRAINING_STATUSES, type TrainingInput } from './training';

type Form = Record<string, unknown>;

/** An FTE share: a decimal above 0 and at most 1 (`0,5`, `1`). */
export function readFte(f: FormReader, name: string): string {
	const fte = f.decimal(name, { required: true, error: 'people_error_fte' });
	if (fte === null) return '0';
	if (compare(fte, '0') <= 0 || compare(fte, '1') > 0) {
		f.errors[name] = 'people_error_fte';
		return '0';
	}
	return fte;
}

export function parsePerson(form: Form): Parsed<PersonInput> {
	const f = new FormReader(form);
	const validFrom = f.date('validFrom', { required: true });
	const validTo = f.date('validTo');
	if (validFrom && validTo && validTo < validFrom) f.errors.validTo = 'people_error_dates';
	return f.result({
		personalNumber: f.text('personalNumber', { max: 30 }),
		name: f.text('name', { required: true, max: 200 }) ?? '',
		position: f.text('position', { required: true, max: 200 }) ?? '',
		orgUnitId: f.id('orgUnitId', { required: true }) ?? 0,
		fte: readFte(f, 'fte'),
		validFrom: validFrom ?? '',
		validTo,
		deputyPersonId: f.id('deputyPersonId')
	});
}

/** The last day of employment. */
export function parseEndDate(form: Form): Parsed<{ validTo: string }> {
	const f = new FormReader(form);
	return f.result({ validTo: f.date('validTo', { required: true }) ?? '' });
}

export function parseAssignment(
	form: Form
): Parsed<{ roleId: number; personId: number; kind: HolderKind }> {
	const f = new FormReader(form);
	return f.result({
		roleId: f.id('roleId', { required: true }) ?? 0,
		personId: f.id('personId', { required: true }) ?? 0,
		kind: f.choice('kind', HOLDER_KINDS) ?? 'holder'
	});
}

function level(f: FormReader, name: string): number {
	return f.int(name, { required: true, min: 1, max: 4, error: 'people_error_level' }) ?? 0;
}

export function parseCompetence(form: Form): Parsed<CompetenceInput> {
	const f = new FormReader(form);
	const levels = [1, 2, 3, 4].map(
		(l) => f.text(`level${l}`, { required: true, max: 1000 }) ?? ''
	) as CompetenceInput['levels'];
	return f.result({
		code: f.code('code') ?? '',
		name: f.text('name', { required: true, max: 200 }) ?? '',
		kind: f.choice('kind', COMPETENCE_KINDS) ?? 'professional',
		levels
	});
}

export function parseRequirement(
	form: Form
): Parsed<{ roleId: number; competenceId: number; minLevel: number | null }> {
	const f = new FormReader(form);
	const raw = f.raw('minLevel');
	return f.result({
		roleId: f.id('roleId', { required: true }) ?? 0,
		competenceId: f.id('competenceId', { required: true }) ?? 0,
		// empty removes the requirement
		minLevel: raw === '' ? null : level(f, 'minLevel')
	});
}

export function parseHeld(form: Form): Parsed<HeldInput> {
	const f = new FormReader(form);
	const acquiredOn = f.date('acquiredOn', { required: true });
	const expiresOn = f.date('expiresOn');
	if (acquiredOn && expiresOn && expiresOn < acquiredOn) f.errors.expiresOn = 'people_error_expiry';
	return f.result({
		competenceId: f.id('competenceId', { required: true }) ?? 0,
		level: level(f, 'level'),
		acquiredOn: acquiredOn ?? '',
		evidenceKind: f.choice('evidenceKind', EVIDENCE_KINDS) ?? 'other',
		evidence: f.text('evidence', { max: 1000 }),
		expiresOn
	});
}

export function parseAbsence(form: Form): Parsed<{ orgUnitId: number; absenceRate: string }> {
	const f = new FormReader(form);
	const pct = f.decimal('absencePercent', { required: true, min: '0' });
	if (pct !== null && compare(pct, '90') > 0) f.errors.absencePercent = 'people_error_absence';
	return f.result({
		orgUnitId: f.id('orgUnitId', { required: true }) ?? 0,
		absenceRate: pct === null ? '0' : String(Number(pct) / 100)
	});
}

/** The office's yearly working hours per full-time job: 1–3000 hours, one decimal at most. */
export function parseYearlyHours(form: Form): Parsed<{ hours: string }> {
	const f = new FormReader(form);
	const hours = f.decimal('yearlyHours', { required: true, min: '1', error: 'people_error_hours' });
	if (hours !== null && (compare(hours, '3000') > 0 || !/^\d+(\.\d)?$/.test(hours))) {
		f.errors.yearlyHours = 'people_error_hours';
	}
	return f.result({ hours: hours ?? '0' });
}

/** A training action planned by hand: person, competence, target level 1–4, due date. */
export function parseTraining(form: Form): Parsed<TrainingInput> {
	const f = new FormReader(form);
	return f.result({
		personId: f.id('personId', { required: true }) ?? 0,
		competenceId: f.id('competenceId', { required: true }) ?? 0,
		targetLevel: level(f, 'targetLevel'),
		dueOn: f.date('dueOn', { required: true }) ?? '',
		processRoleId: f.id('roleId')
	});
}

export function parseTrainingStatus(
	form: Form
): Parsed<{ trainingId: number; status: TrainingStatus }> {
	const f = new FormReader(form);
	return f.result({
		trainingId: f.id('trainingId', { required: true }) ?? 0,
		status: f.choice('status', TRAINING_STATUSES) ?? 'planned'
	});
}
