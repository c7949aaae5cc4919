// The capacity rule: the hours an org unit's processes need in a year against the hours its staff
// have, as utilization.
//
// - Hours needed by one process: when it has a BPMN model with task times, the models area's
//   modelled hours per RACI role (`modelled`, computed there, never here), each role's share
//   counted in the unit it sits in; else when minutes per case are given (a what-if),
//   cases × Σ minutes ÷ 60; otherwise the process card's effort in FTE × the office's yearly
//   working hours; otherwise 0 (unknown).
// - Hours available to a unit: Σ FTE of the people employed on `day` × yearly working hours ×
//   (1 − the unit's absence rate).
// - Utilization = needed ÷ available; a unit with needs and no hours is overloaded (utilization
//   null). Over-loaded above OVERLOADED, under-loaded below UNDERLOADED.
// - Hours saved by initiatives count as capacity freed: they are subtracted from what is needed
//   (never below 0) and shown as FTE (hours ÷ yearly working hours).
// Pure: exact enough in floats (hours, not money), rounded only for display.

import { toScaled } from '../../decimal';

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
	/** minutes per case per role, when set by hand (a what-if); null: use the card */
	minutesPerCase: number[] | null;
	/**
	 * The model's hours a year per RACI role (null role: tasks outside any role's lane), each in
	 * the unit it sits in; null when the process has no model with task times.
	 */
	modelled?: ModelledShare[] | null;
}

export interface ModelledShare {
	roleId: number | null;
	/** the role as the drill-down names it (`Referent (R)`) */
	label: string;
	orgUnitId: number | null;
	hours: number;
}

export type HoursSource = 'model' | 'tasks' | 'card' | 'unknown';

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
	/** a modelled process's roles counted in this unit, by hours */
	roles: { roleId: number | null; label: string; hours: number }[];
}

interface Share {
	processId: number;
	code: string;
	name: string;
	orgUnitId: number | null;
	hours: number;
	source: HoursSource;
	role: { roleId: number | null; label: string } | null;
}

/** A process's hours as shares counted in units: one per modelled role, else the whole process. */
function sharesOf(p: ProcessLoadInput, yearlyHours: number): Share[] {
	const base = { processId: p.processId, code: p.code, name: p.name };
	if (p.modelled && p.modelled.length && p.minutesPerCase === null) {
		return p.modelled.map((m) => ({
			...base,
			orgUnitId: m.orgUnitId,
			hours: m.hours,
			source: 'model' as const,
			role: { roleId: m.roleId, label: m.label }
		}));
	}
	return [{ ...base, orgUnitId: p.orgUnitId, ...hoursNeeded(p, yearlyHours), role: null }];
}

/** The shares counted in one unit, summed per process (the drill-down), most hours first. */
function loadsOf(shares: Share[]): ProcessLoad[] {
	const byProcess = new Map<number, ProcessLoad>();
	for (const s of shares) {
		const load = byProcess.get(s.processId) ?? {
			processId: s.processId,
			code: s.code,
			name: s.name,
			hours: 0,
			source: s.source,
			roles: []
		};
		load.hours += s.hours;
		if (s.role) load.roles.push({ ...s.role, hours: s.hours });
		byProcess.set(s.processId, load);
	}
	const loads = [...byProcess.values()];
	for (const l of loads) l.roles.sort((a, b) => b.hours - a.hours);
	return loads.sort((a, b) => b.hours - a.hours);
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
	const shares = processes.flatMap((p) => sharesOf(p, yearlyHours));
	return units.map((unit) => {
		const staffFte = staff
			.filter(
				(s) =>
					s.orgUnitId === unit.id && s.validFrom <= day && (s.validTo === null || s.validTo >= day)
			)
			.reduce((a, s) => a + s.fte, 0);
		const hoursAvailable = staffFte * yearlyHours * (1 - unit.absenceRate);
		const loads = loadsOf(shares.filter((s) => s.orgUnitId === unit.id));
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

/**
 * Hours as full-time equivalents of the office's yearly working hours, exact to `digits` decimal
 * places (half up): `fteOf('900', '1800')` is `0.5`. Decimal strings in, a decimal string out.
 */
export function fteOf(hours: string, yearlyHours: string, digits = 2): string {
	const scale = 10n ** BigInt(digits);
	const h = toScaled(hours);
	const y = toScaled(yearlyHours);
	if (y <= 0n) return '0';
	const negative = h < 0n;
	const n = (negative ? -h : h) * scale * 2n;
	const q = (n / y + 1n) / 2n;
	const whole = q / scale;
	const frac = (q % scale).toString().padStart(digits, '0').replace(/0+$/, '');
	return `${negative && q > 0n ? '-' : ''}${whole}${frac ? '.' + frac : ''}`;
}
