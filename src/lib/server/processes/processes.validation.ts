import { FormReader, type Parsed } from '../shared/form';
import { CRITERIA, type Scores } from './potential';
import {
	ASSET_KINDS,
	PROCESS_KINDS,
	PROCESS_STATUSES,
	RACI_VALUES,
	type ProcessInput
} from './processes';
import type { InfoAssetKind, Raci } from '../db/schema';

export function parseProcess(form: Record<string, unknown>): Parsed<ProcessInput> {
	const f = new FormReader(form);
	const scores = {} as Scores;
	for (const c of CRITERIA) {
		scores[c] = f.int(`potential_${c}`, { min: 1, max: 5, error: 'processes_error_score' });
	}
	const value: ProcessInput = {
		code: f.code('code') ?? '',
		name: f.text('name', { required: true }) ?? '',
		kind: f.choice('kind', PROCESS_KINDS) ?? 'core',
		status: f.choice('status', PROCESS_STATUSES) ?? 'active',
		orgUnitId: f.id('orgUnitId'),
		ownerId: f.id('ownerId'),
		description: f.text('description', { max: 4000 }),
		inputs: f.text('inputs', { max: 2000 }),
		outputs: f.text('outputs', { max: 2000 }),
		legalBasis: f.text('legalBasis', { max: 1000 }),
		servesCitizens: f.bool('servesCitizens'),
		servesBusinesses: f.bool('servesBusinesses'),
		servesInternal: f.bool('servesInternal'),
		scores
	};
	return f.result(value);
}

export interface ProcessYearInput {
	year: number;
	volume: number | null;
	leadTimeDays: string | null;
	fte: string | null;
}

export function parseProcessYear(form: Record<string, unknown>): Parsed<ProcessYearInput> {
	const f = new FormReader(form);
	const year = f.int('year', { required: true, min: 1990, max: 2100 });
	const value = {
		year: year ?? 0,
		volume: f.int('volume', { min: 0, error: 'processes_error_negative' }),
		leadTimeDays: f.decimal('leadTimeDays', { min: '0', column: [8, 2] }),
		fte: f.decimal('fte', { min: '0', column: [8, 2] })
	};
	return f.result(value);
}

export function parseRole(
	form: Record<string, unknown>
): Parsed<{ jobRole: string; raci: Raci; competences: string | null }> {
	const f = new FormReader(form);
	const value = {
		jobRole: f.text('jobRole', { required: true }) ?? '',
		raci: f.choice('raci', RACI_VALUES) ?? 'R',
		competences: f.text('competences', { max: 1000 })
	};
	return f.result(value);
}

export function parseAsset(form: Record<string, unknown>): Parsed<{
	code: string;
	name: string;
	kind: InfoAssetKind;
	description: string | null;
}> {
	const f = new FormReader(form);
	const value = {
		code: f.code('code') ?? '',
		name: f.text('name', { required: true }) ?? '',
		kind: f.choice('kind', ASSET_KINDS) ?? 'system',
		description: f.text('description', { max: 2000 })
	};
	return f.result(value);
}
