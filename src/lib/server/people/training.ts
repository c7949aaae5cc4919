// Training actions: a gap or single point of failure turned into a plan for one person to reach a
// competence's level by a date. Pure rules: which assigned person and competence a gap's one click
// plans for, and which statuses a training action moves between.
import type { TrainingStatus } from '../db/schema';
import type { RoleCoverage } from './coverage';

export const TRAINING_STATUSES = [
	'planned',
	'in_progress',
	'done',
	'cancelled'
] as const satisfies readonly TrainingStatus[];

/** Days from today to the default due date of a training planned in one click. */
export const TRAINING_DUE_DAYS = 90;

export interface TrainingInput {
	personId: number;
	competenceId: number;
	targetLevel: number;
	dueOn: string;
	processRoleId: number | null;
}

/**
 * The training a gap calls for: an assigned person still employed who falls short only by
 * competences (deputies first, then holders; `personId` picks one), and the first competence they
 * lack, at the level the role requires. Null when nobody assigned can close the gap by training
 * (nobody assigned, only leavers, or the role requires no competence).
 */
export function trainingFor(
	c: RoleCoverage,
	personId: number | null = null
): { personId: number; competenceId: number; targetLevel: number } | null {
	const trainable = c.assigned
		.filter((a) => personId === null || a.personId === personId)
		.filter(
			(a) =>
				a.shortfalls.length > 0 &&
				a.shortfalls.every((s) => s.kind !== 'left' && s.kind !== 'not_started')
		)
		.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'deputy' ? -1 : 1));
	for (const a of trainable) {
		const gap = a.shortfalls.find((s) => 'competenceId' in s);
		if (gap && 'competenceId' in gap) {
			return { personId: a.personId, competenceId: gap.competenceId, targetLevel: gap.minLevel };
		}
	}
	return null;
}
