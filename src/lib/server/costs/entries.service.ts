// Manual cost entries and corrections by finance. Imported lines are corrected with a counter-
// entry (their batch can still be rolled back whole); manual lines can be edited and deleted.
import { sql, type RawBuilder } from 'kysely';
import * as audit from '../audit/audit';
import type { Executor } from '../audit/audit';
import type { Db } from '../db';
import type { CostNature } from '../db/schema';
import { parseMonth } from '../imports/formats/dates';
import { refreshProcessCosts } from '../allocation/allocation.service';
import { ValidationError, type FieldErrors } from '../shared/errors';
import { FormReader, type Parsed } from '../shared/form';
import { expectVersion, lockForUpdate, updateVersioned } from '../shared/versioned';
import { applyEntryDelta, rebuildSummary } from './aggregates';
import * as repo from './costs.repository';
import { NATURES } from './costs';

export interface EntryInput {
	kind: 'actual' | 'budget';
	/** YYYY-MM */
	month: string;
	amount: bigint;
	polozka: string;
	paragraf: string | null;
	orgUnitId: number | null;
	processId: number | null;
	initiativeId: number | null;
	/** null: the category's nature */
	nature: CostNature | null;
	text: string | null;
}

/** Parses the entry form (Czech amounts `1 234,50`, months `2026-03` or `3/2026`). */
export function parseEntryForm(form: Record<string, unknown>): Parsed<EntryInput> {
	const f = new FormReader(form);
	const kind = f.raw('kind');
	if (kind !== 'actual' && kind !== 'budget') f.errors.kind = 'costs_err_kind';
	const month = parseMonth(f.raw('month'));
	if (!month) f.errors.month = 'costs_err_month';
	const amount = f.money('amount', { required: true, error: 'costs_err_amount_field' });
	const polozka = f.raw('polozka');
	if (!/^\d{4}$/.test(polozka)) f.errors.polozka = 'costs_err_polozka_field';
	const paragraf = f.raw('paragraf');
	if (paragraf && !/^\d{4}$/.test(paragraf)) f.errors.paragraf = 'costs_err_paragraf_field';
	const text = f.raw('text');
	// The ledger's text column is short; the message names its limit.
	if (text.length > 500) f.errors.text = 'costs_err_text_long';
	return f.result({
		kind: kind as 'actual' | 'budget',
		month: month ?? '',
		amount: amount ?? 0n,
		polozka,
		paragraf: paragraf || null,
		orgUnitId: f.id('orgUnitId'),
		processId: f.id('processId'),
		initiativeId: f.id('initiativeId'),
		nature: f.choice('nature', NATURES, { required: false }),
		text: text || null
	});
}

async function check(trx: Executor, input: EntryInput): Promise<CostNature> {
	const errors: FieldErrors = {};
	const category = await repo.findCategory(trx, input.polozka);
	if (!category) errors.polozka = 'costs_err_polozka_field';
	const exists = async (table: 'org_unit' | 'process' | 'initiative', id: number | null) =>
		id === null || (await repo.exists(trx, table, id));
	if (!(await exists('org_unit', input.orgUnitId))) errors.orgUnitId = 'error_choice';
	if (!(await exists('process', input.processId))) errors.processId = 'error_choice';
	if (!(await exists('initiative', input.initiativeId))) errors.initiativeId = 'error_choice';
	if (Object.keys(errors).length) throw new ValidationError(errors);
	const nature = await repo.natureFor(trx, {
		chosen: input.nature,
		polozka: input.polozka,
		initiativeId: input.initiativeId
	});
	// Improvement investment is what the rule says it is, never a choice on its own.
	if (input.nature === 'investment' && nature !== 'investment') {
		throw new ValidationError({ nature: 'costs_err_not_improvement' });
	}
	return nature;
}

/**
 * Gives the ledger lines `where` selects (the line is `l`) the nature the rule now gives them,
 * after the improvement list or an initiative's status changed, and rebuilds the aggregates and
 * process costs of the years that moved. Returns those years.
 */
export async function reclassify(trx: Executor, where: RawBuilder<unknown>): Promise<number[]> {
	const years = await repo.reclassify(trx, where);
	await rebuildYears(trx, years);
	return years;
}

/** Rebuilds the aggregates and the process costs of the years whose ledger lines changed. */
export async function rebuildYears(trx: Executor, years: number[]): Promise<void> {
	if (years.length) {
		await rebuildSummary(trx, years);
		await refreshProcessCosts(trx, years);
	}
}

function values(input: EntryInput, nature: CostNature) {
	return {
		kind: input.kind,
		month: `${input.month}-01`,
		amount: input.amount,
		nature,
		polozka: input.polozka,
		paragraf: input.paragraf,
		org_unit_id: input.orgUnitId,
		process_id: input.processId,
		initiative_id: input.initiativeId,
		text: input.text
	};
}

export async function create(db: Db, actorId: number, input: EntryInput) {
	return db.transaction().execute(async (trx) => {
		const nature = await check(trx, input);
		const row = await repo.insertEntry(trx, { ...values(input, nature), created_by: actorId });
		await applyEntryDelta(trx, row, 1);
		await refreshProcessCosts(trx, [Number(input.month.slice(0, 4))]);
		await audit.record(trx, {
			userId: actorId,
			action: 'costs.entry_create',
			entity: 'cost_entry',
			entityId: row.id.toString(),
			after: values(input, nature)
		});
		return row;
	});
}

async function lockManual(trx: Executor, id: bigint, expectedVersion: number) {
	const row = await lockForUpdate(trx, 'cost_entry', id);
	expectVersion(row, expectedVersion);
	if (row.batch_id !== null) throw new ValidationError({ id: 'costs_err_imported_entry' });
	return row;
}

export async function update(
	db: Db,
	actorId: number,
	id: bigint,
	expectedVersion: number,
	input: EntryInput
) {
	return db.transaction().execute(async (trx) => {
		const before = await lockManual(trx, id, expectedVersion);
		const nature = await check(trx, input);
		await applyEntryDelta(trx, before, -1);
		const after = await updateVersioned(trx, 'cost_entry', id, {
			...values(input, nature),
			updated_at: sql`now()`
		});
		await applyEntryDelta(trx, after, 1);
		await refreshProcessCosts(trx, [
			Number(before.month.slice(0, 4)),
			Number(after.month.slice(0, 4))
		]);
		await audit.record(trx, {
			userId: actorId,
			action: 'costs.entry_update',
			entity: 'cost_entry',
			entityId: id.toString(),
			before,
			after: values(input, nature)
		});
		return after;
	});
}

export async function remove(db: Db, actorId: number, id: bigint, expectedVersion: number) {
	await db.transaction().execute(async (trx) => {
		const before = await lockManual(trx, id, expectedVersion);
		await applyEntryDelta(trx, before, -1);
		await repo.deleteEntry(trx, id);
		await refreshProcessCosts(trx, [Number(before.month.slice(0, 4))]);
		await audit.record(trx, {
			userId: actorId,
			action: 'costs.entry_delete',
			entity: 'cost_entry',
			entityId: id.toString(),
			before
		});
	});
}

export async function get(db: Executor, id: bigint) {
	return (await repo.findEntry(db, id)) ?? null;
}
