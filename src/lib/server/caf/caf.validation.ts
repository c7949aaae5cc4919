import { FormReader, type Parsed } from '../shared/form';
import {
	LINK_KINDS,
	ROUND_STATUSES,
	SCORING_MODES,
	type ActionEdit,
	type ActionInput,
	type CafRoundStatus,
	type LinkKind,
	type RoundInput,
	type ScoreInput
} from './caf';

type Form = Record<string, unknown>;

/** Ids from repeated checkbox values; anything not a positive whole number is dropped. */
export function ids(values: FormDataEntryValue[]): number[] {
	return values.map((v) => Number(v)).filter((n) => Number.isSafeInteger(n) && n > 0);
}

export function parseRound(
	form: Form,
	memberIds: number[],
	guestIds: number[] = []
): Parsed<RoundInput> {
	const f = new FormReader(form);
	const name = f.text('name', { required: true, max: 100 });
	const startDate = f.date('startDate', { required: true });
	const scoringDue = f.date('scoringDue', { required: true });
	const consensusDue = f.date('consensusDue', { required: true });
	const endDate = f.date('endDate', { required: true });
	const scoringMode = f.choice('scoringMode', SCORING_MODES);
	const leaderId = f.id('leaderId', { required: true });
	const dates = [startDate, scoringDue, consensusDue, endDate];
	if (dates.every(Boolean) && dates.some((d, i) => i > 0 && d! < dates[i - 1]!)) {
		f.errors.endDate = 'caf_error_timetable';
	}
	return f.result({
		name: name!,
		startDate: startDate!,
		scoringDue: scoringDue!,
		consensusDue: consensusDue!,
		endDate: endDate!,
		scoringMode: scoringMode!,
		leaderId: leaderId!,
		memberIds,
		guestIds
	});
}

export function parseStatus(form: Form): Parsed<CafRoundStatus> {
	const f = new FormReader(form);
	const to = f.choice('to', ROUND_STATUSES);
	if (!f.ok) f.errors.status = f.errors.to;
	return f.result(to!);
}

const SCORE_ERROR = 'caf_error_score';

/**
 * A score (classical: `score` 0–100; fine-tuned: `phase0`…`phase3` 0–100 each, the score is
 * their mean) with its strengths, areas for improvement and evidence.
 */
export function parseScore(form: Form, fineTuned: boolean, phaseCount: number): Parsed<ScoreInput> {
	const f = new FormReader(form);
	let score: number | null = null;
	let phases: number[] | null = null;
	if (fineTuned) {
		phases = [];
		for (let i = 0; i < phaseCount; i++) {
			const p = f.int(`phase${i}`, { required: true, min: 0, max: 100, error: SCORE_ERROR });
			phases.push(p ?? 0);
		}
		score = 0;
	} else {
		score = f.int('score', { required: true, min: 0, max: 100, error: SCORE_ERROR });
	}
	const strengths = f.text('strengths', { max: 4000 });
	const improvements = f.text('improvements', { max: 4000 });
	const evidence = f.text('evidence', { max: 4000 });
	return f.result({ score: score!, phases, strengths, improvements, evidence });
}

export function parseLink(form: Form): Parsed<{ kind: LinkKind; targetId: number }> {
	const f = new FormReader(form);
	const kind = f.choice('kind', LINK_KINDS);
	const targetId = f.id('targetId', { required: true });
	return f.result({ kind: kind!, targetId: targetId! });
}

export function parseAction(form: Form): Parsed<ActionInput> {
	const f = new FormReader(form);
	const subcriterionCode = f.text('subcriterionCode', { required: true, max: 5 });
	const edit = parseActionEdit(form);
	if (!edit.ok) Object.assign(f.errors, edit.errors);
	return f.result(edit.ok ? { ...edit.value, subcriterionCode: subcriterionCode! } : null!);
}

/** An action's title, description, owner, impact, effort and due date. */
export function parseActionEdit(form: Form): Parsed<ActionEdit> {
	const f = new FormReader(form);
	const title = f.text('title', { required: true, max: 200 });
	const description = f.text('description', { max: 4000 });
	const ownerUserId = f.id('ownerUserId');
	const impact = f.int('impact', { required: true, min: 1, max: 3, error: 'error_choice' });
	const effort = f.int('effort', { required: true, min: 1, max: 3, error: 'error_choice' });
	const dueDate = f.date('dueDate');
	return f.result({
		title: title!,
		description,
		ownerUserId,
		impact: impact!,
		effort: effort!,
		dueDate
	});
}
