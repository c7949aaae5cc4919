import type { Executor } from '../audit/audit';
import { can } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import * as caf from '../caf/caf.service';
import type { Db } from '../db';
import { ForbiddenError, ValidationError } from '../shared/errors';
import { assertActiveUser, assertExists } from '../shared/references';
import { auditedAs, createAudited, editAudited, type EditRecord } from '../shared/versioned';
import * as repo from './knowledge.repository';
import type { FindingInput, FindingRow } from './knowledge';

const change = auditedAs('audit_finding');

type Row = Awaited<ReturnType<ReturnType<typeof repo.findings>['execute']>>[number];

function findingOf(r: Row, names: boolean): FindingRow {
	return {
		id: r.id,
		title: r.title,
		description: r.description,
		source: r.source,
		severity: r.severity,
		processId: r.process_id,
		processCode: r.process_code,
		ownerUserId: r.owner_user_id,
		ownerName: names ? r.owner_name : null,
		correctiveAction: r.corrective_action,
		dueDate: r.due_date,
		closureEvidence: r.closure_evidence,
		status: r.status,
		cafActionId: r.caf_action_id,
		cafRoundId: r.round_id,
		version: r.version
	};
}

const seesNames = (actor: SessionUser) =>
	can(actor.role, 'findings.edit') || can(actor.role, 'people.read_names');

/** The register, open findings first, the most severe and the soonest due on top. */
export async function list(db: Executor, actor: SessionUser): Promise<FindingRow[]> {
	if (!can(actor.role, 'read')) return [];
	return (await repo.findings(db).execute()).map((r) => findingOf(r, seesNames(actor)));
}

export async function get(
	db: Executor,
	actor: SessionUser,
	id: number
): Promise<FindingRow | null> {
	const row = await repo.findings(db).where('f.id', '=', id).executeTakeFirst();
	return row && can(actor.role, 'read') ? findingOf(row, seesNames(actor)) : null;
}

function columns(input: FindingInput) {
	return {
		title: input.title,
		description: input.description,
		source: input.source,
		severity: input.severity,
		process_id: input.processId,
		owner_user_id: input.ownerUserId,
		corrective_action: input.correctiveAction,
		due_date: input.dueDate,
		closure_evidence: input.closureEvidence,
		status: input.status
	};
}

function view(r: ReturnType<typeof columns>) {
	return { ...r };
}

async function checkInput(trx: Executor, input: FindingInput) {
	if (input.status === 'closed' && !input.closureEvidence) {
		throw new ValidationError({ closureEvidence: 'knowledge_error_closure_evidence' });
	}
	await assertActiveUser(trx, input.ownerUserId, 'ownerUserId');
	if (input.processId !== null) await assertExists(trx, 'process', input.processId, 'processId');
}

function guard(actor: SessionUser) {
	if (!can(actor.role, 'findings.edit')) throw new ForbiddenError('findings.edit');
}

export async function create(db: Db, actor: SessionUser, input: FindingInput): Promise<number> {
	guard(actor);
	const row = await createAudited(db, 'audit_finding', {
		change: change(actor, 'create'),
		values: columns(input),
		view,
		check: (trx) => checkInput(trx, input)
	});
	return row.id;
}

/** Edits a finding; closing it needs the closure evidence. */
export const update: EditRecord<FindingInput> = async (db, actor, id, version, input) => {
	guard(actor);
	await editAudited(db, 'audit_finding', id, version, {
		change: change(actor, 'update'),
		view,
		check: (trx) => checkInput(trx, input),
		values: () => columns(input)
	});
};

/**
 * Turns a finding's corrective action into an improvement action of a CAF round (in consensus or
 * action plan, as its leader or a manager, through the CAF area's own action creation) and links
 * the two, in one transaction.
 */
export async function toCafAction(
	db: Db,
	actor: SessionUser,
	id: number,
	version: number,
	target: { roundId: number; subcriterionCode: string }
): Promise<number> {
	guard(actor);
	const made = { actionId: 0 };
	await editAudited(db, 'audit_finding', id, version, {
		change: change(actor, 'caf_action'),
		view: (r) => ({ cafActionId: r.caf_action_id }),
		current: view,
		check: async (trx, f) => {
			if (f.caf_action_id !== null) {
				throw new ValidationError({ roundId: 'knowledge_error_already_action' });
			}
			made.actionId = await caf.insertAction(trx, actor, target.roundId, {
				subcriterionCode: target.subcriterionCode,
				title: f.title,
				description: f.corrective_action ?? f.description,
				ownerUserId: f.owner_user_id,
				impact: f.severity === 'high' ? 3 : f.severity === 'medium' ? 2 : 1,
				effort: 2,
				dueDate: f.due_date
			});
		},
		values: () => ({
			caf_action_id: made.actionId,
			status: 'in_progress' as const
		}),
		after: () => made
	});
	return made.actionId;
}
