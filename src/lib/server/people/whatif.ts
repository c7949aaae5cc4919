// What-if on capacity, never saved: move a process role (its modelled hours) or a whole process
// to another unit, or change a task's minutes, and see utilization move. Pure: it rewrites the
// capacity inputs; `capacity()` then computes as always.
//
// - Moving a role moves the modelled hours of that role; a process without a model has no hours
//   per role, so moving one of its roles changes nothing (`applied` false) — move the process.
// - A modelled task's new minutes scale its hours (hours × new ÷ old minutes) within the role of
//   its lane; a task without minutes or hours (nothing to scale) changes nothing.
// - A process without a model takes the minutes as minutes per case (cases × minutes ÷ 60).
import type { ProcessLoadInput } from './capacity';

export interface ModelTask {
	processId: number;
	taskId: string;
	name: string;
	/** the RACI role of the task's lane; null outside any role's lane */
	roleId: number | null;
	/** minutes per case as modelled */
	minutes: number | null;
	/** hours a year as modelled */
	hours: number | null;
}

export interface Scenario {
	moveRole?: { roleId: number; toUnitId: number } | null;
	moveProcess?: { processId: number; toUnitId: number } | null;
	/** new minutes of a modelled task (`taskId`) or, for a process without a model, per case */
	minutes?: { processId: number; taskId: string | null; minutes: number } | null;
}

export interface WhatIf {
	processes: ProcessLoadInput[];
	/** whether every change asked for could be applied */
	applied: boolean;
}

export function applyWhatIf(
	processes: readonly ProcessLoadInput[],
	tasks: readonly ModelTask[],
	scenario: Scenario
): WhatIf {
	let applied = true;
	let out = processes.map((p) => ({ ...p, modelled: p.modelled?.map((m) => ({ ...m })) ?? null }));
	const { moveRole, moveProcess, minutes } = scenario;
	if (moveRole) {
		let moved = false;
		for (const p of out) {
			for (const m of p.modelled ?? []) {
				if (m.roleId === moveRole.roleId) {
					m.orgUnitId = moveRole.toUnitId;
					moved = true;
				}
			}
		}
		applied &&= moved;
	}
	if (moveProcess) {
		const found = out.some((p) => p.processId === moveProcess.processId);
		out = out.map((p) =>
			p.processId === moveProcess.processId
				? {
						...p,
						orgUnitId: moveProcess.toUnitId,
						modelled: p.modelled?.map((m) => ({ ...m, orgUnitId: moveProcess.toUnitId })) ?? null
					}
				: p
		);
		applied &&= found;
	}
	if (minutes) {
		const p = out.find((x) => x.processId === minutes.processId);
		if (!p || !Number.isFinite(minutes.minutes) || minutes.minutes < 0) {
			applied = false;
		} else if (minutes.taskId === null) {
			if (p.modelled?.length) applied = false;
			else p.minutesPerCase = [minutes.minutes];
		} else {
			const task = tasks.find(
				(t) => t.processId === minutes.processId && t.taskId === minutes.taskId
			);
			const share = p.modelled?.find((m) => m.roleId === (task?.roleId ?? null));
			if (!task || !share || !task.minutes || task.hours === null) {
				applied = false;
			} else {
				share.hours += (task.hours * (minutes.minutes - task.minutes)) / task.minutes;
				if (share.hours < 0) share.hours = 0;
			}
		}
	}
	return { processes: out, applied };
}

/**
 * The scenario from the capacity page's query: `role=12&roleTo=3` moves a role, `process=5&to=3`
 * moves a process, `process=5&minutes=20` (with `task=<id>` for a modelled task) changes minutes.
 * Anything unreadable is left out.
 */
export function scenarioOf(q: URLSearchParams): Scenario {
	const id = (name: string) => {
		const n = Number(q.get(name));
		return Number.isSafeInteger(n) && n > 0 ? n : null;
	};
	const minutesText = (q.get('minutes') ?? '').replace(',', '.').trim();
	const minutes = minutesText === '' ? null : Number(minutesText);
	const role = id('role');
	const roleTo = id('roleTo');
	const processId = id('process');
	const to = id('to');
	return {
		moveRole: role && roleTo ? { roleId: role, toUnitId: roleTo } : null,
		moveProcess: processId && to ? { processId, toUnitId: to } : null,
		minutes:
			processId && minutes !== null && Number.isFinite(minutes) && minutes >= 0
				? { processId, taskId: q.get('task') || null, minutes }
				: null
	};
}
