// The capacity rule: the hours an org unit's processes need in a year against the hours its staff
// have, as utilization.
//
// - Hours needed by one process (`hoursNeeded`, the one seam): when task times per case are known
//   (minutes per case per role, e.g. from a BPMN model), cases × Σ minutes ÷ 60; otherwise the
//   process card's effort in FTE × the office's yearly working hours; otherwise 0 (unknown).
// - Hours available to a unit: Σ FTE of the people employed on `day` × yearly working hours ×
//   (1 − the unit's absence rate).
// - Utilization = needed ÷ available; a unit with needs and no hours is overloaded (utilization
//   null). Over-loaded above OVERLOADED, under-loaded below UNDERLOADED.
// - Hours saved by initiatives count as capacity freed: they are subtracted from what is needed
//   (never below 0) and shown as FTE (hours ÷ yearly working hours).
// Pure: exact enough in floats (hours, not money), rounded only for display.

export const OVERLOADED = 1.0;
export const UNDERLOADED = 0.75;
export const DEFAULT_YEARLY_HOURS = 1800;

export interface ProcessLoadInput {
	processId: number;
	code: string;
	name: string;
	orgUnitId: number | null;
	/** cases per year */
	volume: number | null;
	/** effort from the process card, FTE */
	fte: number | null;
	/** minutes per case per role, when task times are known (a model); null: use the card */
	minutesPerCase: number[] | null;
}

export type HoursSource = 'tasks' | 'card' | 'unknown';

/** The hours a process needs in a year, and where the figure comes from. */
export function hoursNeeded(
	p: Pick<ProcessLoadInput, 'volume' | 'fte' | 'minutesPerCase'>,
	yearlyHours: number
): { hours: number; source: HoursSource } {
	if (p.minutesPerCase && p.minutesPerCase.length && p.volume !== null) {
		const minutes = p.minutesPerCase.reduce((a, m) => a + m, 0);
		return { hours: (p.volume * minutes) / 60, source: 'tasks' };
	}
	if (p.fte !== null) return { hours: p.fte * yearlyHours, source: 'card' };
	return { hours: 0, source: 'unknown' };
}

export interface UnitStaff {
	orgUnitId: number;
	fte: number;
	validFrom: string;
	validTo: string | null;
}

export interface UnitInput {
	id: number;
	code: string;
	name: string;
	/** 0.12 = 12 % */
	absenceRate: number;
}

export interface ProcessLoad {
	processId: number;
	code: string;
	name: string;
	hours: number;
	source: HoursSource;
}

export type LoadFlag = 'over' | 'under' | 'ok';

export interface UnitCapacity {
	unit: UnitInput;
	staffFte: number;
	hoursAvailable: number;
	hoursNeeded: number;
	/** hours saved by initiatives this year, valued against this unit */
	hoursFreed: number;
	fteFreed: number;
	/** needed (less freed) ÷ available; null when there are no hours available */
	utilization: number | null;
	flag: LoadFlag;
	processes: ProcessLoad[];
}

export function flagOf(utilization: number | null, needed: number): LoadFlag {
	if (utilization === null) return needed > 0 ? 'over' : 'ok';
	if (utilization > OVERLOADED) return 'over';
	if (utilization < UNDERLOADED) return 'under';
	return 'ok';
}

export function capacity(
	units: UnitInput[],
	staff: UnitStaff[],
	processes: ProcessLoadInput[],
	freedHours: Map<number, number>,
	yearlyHours: number,
	day: string
): UnitCapacity[] {
	return units.map((unit) => {
		const staffFte = staff
			.filter(
				(s) =>
					s.orgUnitId === unit.id && s.validFrom <= day && (s.validTo === null || s.validTo >= day)
			)
			.reduce((a, s) => a + s.fte, 0);
		const hoursAvailable = staffFte * yearlyHours * (1 - unit.absenceRate);
		const loads = processes
			.filter((p) => p.orgUnitId === unit.id)
			.map((p) => ({
				processId: p.processId,
				code: p.code,
				name: p.name,
				...hoursNeeded(p, yearlyHours)
			}))
			.sort((a, b) => b.hours - a.hours);
		const needed = loads.reduce((a, p) => a + p.hours, 0);
		const freed = Math.min(freedHours.get(unit.id) ?? 0, needed);
		const net = needed - freed;
		const utilization = hoursAvailable > 0 ? net / hoursAvailable : null;
		return {
			unit,
			staffFte,
			hoursAvailable,
			hoursNeeded: needed,
			hoursFreed: freed,
			fteFreed: yearlyHours > 0 ? freed / yearlyHours : 0,
			utilization,
			flag: flagOf(utilization, net),
			processes: loads
		};
	});
}
