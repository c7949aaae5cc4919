// The coverage rule: who can fill each process role, and which roles are single points of failure.
//
// A person *can fill* a role on a day when
//   - they are assigned to it, as holder or deputy (people not assigned do not count, however
//     qualified: coverage is about who is ready to step in);
//   - they are employed that day (valid_from ≤ day, and valid_to absent or ≥ day): leavers and
//     people who have not started yet do not count;
//   - for every competence the role requires, they hold it at the minimum level or higher, and the
//     qualification has not expired (an expiry date is the last valid day).
// A role is a *single point of failure* when fewer than two people can fill it (one or none).
// Roles are ordered SPOFs first (none before one), then by process and role.
// Pure: no database, no clock (the day is passed in).

const byCzech = new Intl.Collator('cs');

export interface RoleRequirement {
	competenceId: number;
	minLevel: number;
}

export interface CoverageRole {
	roleId: number;
	processId: number;
	processCode: string;
	processName: string;
	orgUnitId: number | null;
	jobRole: string;
	raci: string;
	requirements: RoleRequirement[];
}

export interface CoveragePerson {
	id: number;
	orgUnitId: number;
	validFrom: string;
	validTo: string | null;
}

export interface Assignment {
	roleId: number;
	personId: number;
	kind: 'holder' | 'deputy';
}

export interface Held {
	personId: number;
	competenceId: number;
	level: number;
	expiresOn: string | null;
}

/** Why an assigned person cannot fill the role (empty: they can). */
export type Shortfall =
	| { kind: 'left' }
	| { kind: 'not_started' }
	| { kind: 'missing'; competenceId: number; minLevel: number }
	| { kind: 'low'; competenceId: number; minLevel: number; level: number }
	| { kind: 'expired'; competenceId: number; minLevel: number; expiresOn: string };

export interface AssignedCoverage {
	personId: number;
	kind: 'holder' | 'deputy';
	shortfalls: Shortfall[];
}

export interface RoleCoverage {
	role: CoverageRole;
	assigned: AssignedCoverage[];
	/** ids of the people who can fill the role */
	capable: number[];
	/** fewer than two can fill it */
	spof: boolean;
}

/** Fewer than two people can fill the role: one or none. */
export function isSpof(capableCount: number): boolean {
	return capableCount < 2;
}

/** What ranks a role in the coverage list. */
export interface RoleRank {
	roleId: number;
	processCode: string;
	capableCount: number;
}

/** The coverage list's order: SPOFs first (none before one), then by process code and role. */
export function byRisk(a: RoleRank, b: RoleRank): number {
	const spofA = isSpof(a.capableCount);
	const spofB = isSpof(b.capableCount);
	return (
		Number(spofB) - Number(spofA) ||
		(spofA && spofB ? a.capableCount - b.capableCount : 0) ||
		byCzech.compare(a.processCode, b.processCode) ||
		a.roleId - b.roleId
	);
}

export function isEmployed(person: Pick<CoveragePerson, 'validFrom' | 'validTo'>, day: string) {
	return person.validFrom <= day && (person.validTo === null || person.validTo >= day);
}

/** What keeps the person from filling a role with these requirements on `day` (empty: nothing). */
export function shortfalls(
	person: CoveragePerson,
	requirements: RoleRequirement[],
	held: Map<number, Held>,
	day: string
): Shortfall[] {
	const out: Shortfall[] = [];
	if (person.validTo !== null && person.validTo < day) out.push({ kind: 'left' });
	if (person.validFrom > day) out.push({ kind: 'not_started' });
	for (const r of requirements) {
		const h = held.get(r.competenceId);
		if (!h) out.push({ kind: 'missing', ...r });
		else if (h.level < r.minLevel) out.push({ kind: 'low', ...r, level: h.level });
		else if (h.expiresOn !== null && h.expiresOn < day) {
			out.push({ kind: 'expired', ...r, expiresOn: h.expiresOn });
		}
	}
	return out;
}

/** Held competences per person, keyed by competence. */
export function heldByPerson(held: Held[]): Map<number, Map<number, Held>> {
	const map = new Map<number, Map<number, Held>>();
	for (const h of held) {
		const m = map.get(h.personId) ?? new Map<number, Held>();
		m.set(h.competenceId, h);
		map.set(h.personId, m);
	}
	return map;
}

export function coverage(
	roles: CoverageRole[],
	people: CoveragePerson[],
	assignments: Assignment[],
	held: Held[],
	day: string
): RoleCoverage[] {
	const personById = new Map(people.map((p) => [p.id, p]));
	const heldMap = heldByPerson(held);
	const byRole = new Map<number, Assignment[]>();
	for (const a of assignments) {
		const list = byRole.get(a.roleId) ?? [];
		list.push(a);
		byRole.set(a.roleId, list);
	}
	const out = roles.map((role) => {
		const assigned: AssignedCoverage[] = [];
		for (const a of byRole.get(role.roleId) ?? []) {
			const person = personById.get(a.personId);
			if (!person) continue;
			assigned.push({
				personId: a.personId,
				kind: a.kind,
				shortfalls: shortfalls(person, role.requirements, heldMap.get(a.personId) ?? new Map(), day)
			});
		}
		assigned.sort((a, b) =>
			a.kind === b.kind ? a.personId - b.personId : a.kind === 'holder' ? -1 : 1
		);
		const capable = assigned.filter((a) => a.shortfalls.length === 0).map((a) => a.personId);
		return { role, assigned, capable, spof: isSpof(capable.length) };
	});
	const rank = (c: RoleCoverage): RoleRank => ({
		roleId: c.role.roleId,
		processCode: c.role.processCode,
		capableCount: c.capable.length
	});
	return out.sort((a, b) => byRisk(rank(a), rank(b)));
}

/** One cell of a roles × people matrix: the person's relation to the role. */
export interface MatrixCell {
	/** holder, deputy or not assigned */
	assignment: 'holder' | 'deputy' | null;
	/** meets every requirement of the role today (whether assigned or not) */
	qualified: boolean;
	/** per required competence: the level held (null: none or expired) */
	levels: (number | null)[];
}

/**
 * The matrix of roles × people: for each role and each person, the assignment and whether the
 * person meets the role's requirements (required vs held, expired counting as not held).
 */
export function matrix(
	roles: CoverageRole[],
	people: CoveragePerson[],
	assignments: Assignment[],
	held: Held[],
	day: string
): MatrixCell[][] {
	const heldMap = heldByPerson(held);
	const kindOf = new Map(assignments.map((a) => [`${a.roleId}:${a.personId}`, a.kind]));
	return roles.map((role) =>
		people.map((person) => {
			const mine = heldMap.get(person.id) ?? new Map<number, Held>();
			return {
				assignment: kindOf.get(`${role.roleId}:${person.id}`) ?? null,
				qualified: shortfalls(person, role.requirements, mine, day).length === 0,
				levels: role.requirements.map((r) => {
					const h = mine.get(r.competenceId);
					return h && (h.expiresOn === null || h.expiresOn >= day) ? h.level : null;
				})
			};
		})
	);
}

/** Qualifications whose expiry falls from 90 days before `day` up to `horizon`, soonest first. */
export function expiring(held: Held[], day: string, horizon: string): Held[] {
	return held
		.filter((h) => h.expiresOn !== null && h.expiresOn <= horizon)
		.sort((a, b) => (a.expiresOn! < b.expiresOn! ? -1 : a.expiresOn! > b.expiresOn! ? 1 : 0))
		.filter((h) => h.expiresOn! >= addDays(day, -90));
}

/** `YYYY-MM-DD` plus n days (UTC calendar arithmetic, no time zone involved). */
export function addDays(day: string, n: number): string {
	const d = new Date(`${day}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + n);
	return d.toISOString().slice(0, 10);
}
