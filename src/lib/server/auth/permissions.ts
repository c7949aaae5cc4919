import type { Role } from '../db/schema';

export const ROLES = [
	'admin',
	'manager',
	'finance',
	'project_manager',
	'process_owner',
	'hr',
	'viewer'
] as const satisfies readonly Role[];

/**
 * Every role, the staff roles and `guest`: a time-limited external account the admin invites
 * (guests/guests.service.ts). A guest reads only the named objects of their scope
 * (guests/scope.ts, asked by `requireUser`) and never gets a staff role by the role select.
 */
export const ALL_ROLES = [...ROLES, 'guest'] as const satisfies readonly Role[];

/**
 * What each role may do. Every server load and action asks this module (through the guards in
 * `guard.ts`); the UI only mirrors it. Rules about *which* record a user may change (a process
 * owner edits only their own process) live in the area's service.
 */
const CAPABILITIES = {
	/**
	 * Everyone signed in reads everything; a guest only the pages and objects of their scope
	 * (guests/scope.ts, checked by `requireUser` before any capability).
	 */
	read: ALL_ROLES,
	/**
	 * People's names beside the records they own, lead or scored (owners, panel, actions). A guest
	 * sees roles and "—" instead.
	 */
	'names.read': ROLES,
	'users.manage': ['admin'],
	'audit.read': ['admin', 'manager'],
	'settings.manage': ['admin'],
	'api_tokens.manage': ['admin'],
	'org_units.edit': ['admin', 'manager'],
	/** Any process card; process owners have `processes.edit_own` for theirs. */
	'processes.edit': ['admin', 'manager'],
	'processes.edit_own': ['process_owner'],
	/** Any process model (BPMN); process owners have `models.edit_own` for their processes. */
	'models.edit': ['admin', 'manager'],
	'models.edit_own': ['process_owner'],
	'goals.edit': ['admin', 'manager'],
	'kpi_targets.edit': ['admin', 'manager'],
	/** Actuals of any KPI; process owners have `kpi_actuals.record_own` for KPIs they answer for. */
	'kpi_actuals.record': ['admin', 'manager'],
	'kpi_actuals.record_own': ['process_owner'],
	'costs.edit': ['admin', 'finance'],
	'costs.import': ['admin', 'finance'],
	'allocation.edit': ['admin', 'finance'],
	/** The year's stages: support processes passed on to the processes they serve. */
	'allocation.stages': ['admin', 'finance'],
	/** What-if scenarios over drivers and stages, and saving them under a name. */
	'allocation.scenario': ['admin', 'finance'],
	'programme.edit': ['admin', 'project_manager'],
	'initiatives.edit': ['admin', 'manager', 'project_manager'],
	/** Only managers approve investments, not even the admin. */
	'initiatives.approve': ['manager'],
	'savings.record': ['admin', 'manager', 'project_manager'],
	/** Create CAF rounds, set their panel and leader, move any round along its statuses. */
	'caf.manage': ['admin', 'manager'],
	/**
	 * Take part in a CAF round: score, record consensus, link evidence, plan actions. The service
	 * lets only the round's panel members score and only its leader record consensus. Viewers
	 * read closed rounds only.
	 */
	'caf.take_part': ['admin', 'manager', 'finance', 'project_manager', 'process_owner'],
	/** Any document of the knowledge base; process owners have `knowledge.edit_own` for theirs. */
	'knowledge.edit': ['admin', 'manager'],
	'knowledge.edit_own': ['process_owner'],
	/** Confidential documents of others (their owner always reads them). */
	'knowledge.read_confidential': ['admin', 'manager'],
	/** The audit findings register: record, edit, close, turn into a CAF improvement action. */
	'findings.edit': ['admin', 'manager'],
	/**
	 * Staff names (personal data); everyone else sees positions and counts only. HR (the personnel
	 * office) reads names and edits people, and reads like a viewer everywhere else.
	 */
	'people.read_names': ['admin', 'manager', 'hr'],
	/**
	 * Staff, their process roles and competences, the catalogue, absence rates and yearly hours,
	 * training actions, imports.
	 */
	'people.edit': ['admin', 'manager', 'hr'],
	/** Adoption of every unit: pilots, ambassadors, sending the digest now, the export. */
	'adoption.manage': ['admin'],
	/** Every area in the navigation whatever the pilot's scope of their unit says. */
	'adoption.every_area': ['admin', 'manager'],
	/** Reminding a colleague: any writing role may be an ambassador; the service checks who is. */
	'adoption.remind': ['admin', 'manager', 'finance', 'project_manager', 'process_owner']
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;

export function can(role: Role | null | undefined, capability: Capability): boolean {
	if (!role) return false;
	return (CAPABILITIES[capability] as readonly Role[]).includes(role);
}

export function capabilitiesOf(role: Role): Capability[] {
	return (Object.keys(CAPABILITIES) as Capability[]).filter((c) => can(role, c));
}

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
