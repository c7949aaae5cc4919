import { FormReader, type Parsed } from '../shared/form';
import {
	GOAL_LEVELS,
	GOAL_LIFECYCLES,
	OVERRIDES,
	type GoalInput,
	type StatusOverride
} from './goals';

export function parseGoal(form: Record<string, unknown>): Parsed<GoalInput> {
	const f = new FormReader(form);
	const value: GoalInput = {
		code: f.code('code') ?? '',
		name: f.text('name', { required: true, max: 300 }) ?? '',
		level: f.choice('level', GOAL_LEVELS) ?? 'objective',
		parentId: f.id('parentId'),
		ownerId: f.id('ownerId'),
		description: f.text('description', { max: 4000 }),
		startYear: f.int('startYear', { min: 1990, max: 2100 }),
		endYear: f.int('endYear', { min: 1990, max: 2100 }),
		lifecycle: f.choice('lifecycle', GOAL_LIFECYCLES) ?? 'active'
	};
	if (value.startYear !== null && value.endYear !== null && value.endYear < value.startYear) {
		f.errors.endYear = 'goals_error_years';
	}
	return f.result(value);
}

/** Weight of a process's contribution to a goal: a whole per cent, 1–100. */
export function parseLink(
	form: Record<string, unknown>
): Parsed<{ processId: number; weight: number }> {
	const f = new FormReader(form);
	const processId = f.id('processId', { required: true });
	const weight = f.int('weight', { required: true, min: 1, max: 100, error: 'goals_error_weight' });
	// Both are required: when either is missing the reader holds its error and this is refused.
	return f.result({ processId: processId ?? 0, weight: weight ?? 0 });
}

/** An override needs a comment; clearing it (empty status) needs none. */
export function parseOverride(
	form: Record<string, unknown>
): Parsed<{ override: StatusOverride | null; comment: string | null }> {
	const f = new FormReader(form);
	const override = f.choice('override', OVERRIDES, { required: false });
	const comment = f.text('overrideComment', { max: 2000 });
	if (override && !comment) f.errors.overrideComment = 'goals_error_override_comment';
	return f.result({ override, comment: override ? comment : null });
}
