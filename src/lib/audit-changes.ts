// What an audit record says, in words: the kind of object, what was done to it, and each field
// that changed with its label and its value as people read it (Czech numbers, money in Kč, dates,
// status words, names instead of user ids). Used by the audit log and by the history on a card.
import { m } from '$lib/paraglide/messages';
import { formatCzk, formatDate, formatNumber, formatPeriod } from '$lib/format';
import { statusLook, type StatusOf } from '$lib/status-labels';
import { directionLabels, frequencyLabels, levelLabels, lifecycleLabels } from '$lib/goal-labels';

type Label = () => string;

/** The object kinds the audit log names; any other kind shows as recorded. */
const KINDS: Record<string, Label> = {
	goal: m.goal,
	kpi: m.audit_kind_kpi,
	process: m.process,
	initiative: m.improvement_initiatives,
	milestone: m.programme_milestone,
	risk: m.audit_kind_risk,
	org_unit: m.models_unit,
	person: m.people_assign_person,
	user: m.audit_kind_user,
	app_user: m.audit_kind_user,
	caf_round: m.audit_kind_caf_round,
	caf_action: m.audit_kind_caf_action,
	competence: m.audit_kind_competence,
	info_asset: m.information_asset,
	import_batch: m.costs_import_title,
	cost_entry: m.audit_kind_cost_entry,
	process_model: m.models_tab,
	process_role: m.audit_kind_process_role,
	api_token: m.audit_kind_api_token,
	setting: m.settings,
	orj_mapping: m.audit_kind_mapping,
	org_mapping: m.audit_kind_mapping,
	import_code_choice: m.audit_kind_mapping,
	allocation_key: m.audit_kind_allocation_key,
	cost_driver: m.allocation_driver,
	driver_value: m.allocation_audit_driver_values,
	cost_category: m.audit_kind_cost_category,
	session: m.login_title
};

export function auditKindLabel(entity: string): string {
	return KINDS[entity]?.() ?? entity;
}

/** Where an object of the kind is shown, so the log can link to it. */
const LINKS: Record<string, (id: string) => string> = {
	goal: (id) => `/goals/${id}`,
	kpi: (id) => `/goals/kpi/${id}`,
	process: (id) => `/processes/${id}`,
	process_model: () => '',
	initiative: (id) => `/initiatives/${id}`,
	milestone: (id) => `/programme/milestones/${id}`,
	risk: () => '/programme/risks',
	person: (id) => `/people/${id}`,
	caf_round: (id) => `/caf/${id}`,
	competence: () => '/people/competences',
	info_asset: () => '/processes/assets',
	org_unit: () => '/processes/org-units',
	import_batch: () => '/costs/batches',
	user: () => '/admin/users',
	app_user: () => '/admin/users',
	api_token: () => '/admin/tokens',
	setting: () => '/admin/settings',
	cost_driver: () => '/costs/drivers',
	driver_value: (id) => `/costs/drivers?driver=${id.split('/')[0]}&year=${id.split('/')[1]}`
};

export function auditLink(entity: string, id: string | null): string | null {
	const link = LINKS[entity];
	if (!link || id === null) return null;
	return link(id) || null;
}

/** The verb of an action code (`initiative.create` → založení). */
const VERBS: [RegExp, Label][] = [
	[/(^|[._])(create|add|issue|assign)([._]|$)/, m.audit_verb_create],
	[/(^|[._])(delete|remove|unassign|revoke|end)([._]|$)/, m.audit_verb_delete],
	[/(^|[._])rollback|undo/, m.audit_verb_rollback],
	[/(^|[._])import/, m.audit_verb_import],
	[/(^|[._])(status|close|reopen|approve|deactivate|activate)([._]|$)/, m.audit_verb_status],
	[/(^|[._])(update|save|edit|change|target|actual|year|override|link|unlink)/, m.audit_verb_update]
];

export function auditActionLabel(action: string): string {
	const verb = action.includes('.') ? action.slice(action.indexOf('.') + 1) : action;
	return (VERBS.find(([pattern]) => pattern.test(verb))?.[1] ?? m.audit_verb_other)();
}

const FIELDS: Record<string, Label> = {
	name: m.name,
	title: m.name,
	display_name: m.users_display_name,
	username: m.username,
	code: m.code,
	status: m.status,
	description: m.description,
	text: m.description,
	owner: m.audit_field_owner,
	responsible: m.goals_responsible,
	target_max: m.goals_target_max,
	baseline_period: m.goals_baseline_period,
	value_min: m.goals_value_min,
	value_max: m.goals_value_max,
	definition: m.goals_definition,
	role: m.users_role,
	active: m.audit_field_active,
	target: m.goals_target,
	tolerance: m.goals_tolerance,
	value: m.audit_field_value,
	actual: m.actual,
	period: m.period,
	budget: m.budget,
	amount: m.amount,
	due: m.goals_due_date,
	due_date: m.goals_due_date,
	done: m.programme_done_date,
	done_date: m.programme_done_date,
	comment: m.goals_comment,
	fte: m.people_fte,
	areas: m.adoption_pilot_scope_h,
	valid_from: m.knowledge_valid_from,
	valid_to: m.knowledge_valid_to,
	level: m.goals_level,
	lifecycle: m.goals_lifecycle,
	parent: m.goals_parent,
	start_year: m.goals_start_year,
	end_year: m.goals_end_year,
	override: m.goals_override,
	override_comment: m.goals_override_comment,
	score: m.audit_field_score,
	consensus_score: m.audit_field_score,
	weight: m.audit_field_weight,
	unit: m.goals_unit,
	org_unit: m.org_unit,
	valuation_org_unit: m.org_unit,
	process: m.process,
	goal: m.goal,
	year: m.year,
	month: m.month,
	volume: m.overview_process_volume,
	position: m.people_position,
	deputy: m.audit_field_deputy,
	deputy_person: m.audit_field_deputy,
	priority: m.caf_priority,
	probability: m.programme_probability,
	impact: m.programme_impact,
	file_name: m.file,
	file: m.file,
	rows: m.audit_field_rows,
	nature: m.costs_nature,
	direction: m.goals_direction,
	frequency: m.audit_field_frequency,
	baseline: m.goals_baseline,
	expected_savings: m.audit_field_savings,
	expected_savings_hours: m.audit_field_hours,
	savings: m.audit_field_savings,
	hours: m.audit_field_hours,
	key: m.audit_field_key,
	share: m.audit_field_share
};

const snake = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/** The field's label: the key itself, or the key without `_user_id`, `_id`, `_czk`… */
function fieldLabel(key: string): string {
	let name = snake(key);
	for (let i = 0; i < 3; i++) {
		if (FIELDS[name]) return FIELDS[name]();
		const shorter = name.replace(/_(user_id|id|czk|halere|date|value|at)$/, '');
		if (shorter === name) break;
		name = shorter;
	}
	return name.replace(/_/g, ' ');
}

const isUserRef = (key: string) => /(^|_)user_id$|^owner(_id)?$/.test(snake(key));
const isMoney = (key: string) =>
	/(^|_)(amount|budget|czk|halere|cost|spent)$/.test(snake(key)) || snake(key) === 'amount';

const ROLES: Record<string, Label> = {
	admin: m.role_admin,
	manager: m.role_manager,
	finance: m.role_finance,
	project_manager: m.role_project_manager,
	process_owner: m.role_process_owner,
	viewer: m.role_viewer
};
const NATURES: Record<string, Label> = {
	fixed: m.costs_nature_fixed,
	variable: m.costs_nature_variable
};
/** Fields whose values are words of a fixed list. */
const VALUE_WORDS: Record<string, Record<string, Label>> = {
	role: ROLES,
	nature: NATURES,
	direction: directionLabels,
	frequency: frequencyLabels,
	level: levelLabels,
	lifecycle: lifecycleLabels
};
const STATUS_OF: Record<string, StatusOf> = {
	initiative: 'initiative',
	milestone: 'milestone',
	caf_round: 'caf'
};

export interface AuditContext {
	/** The kind of the object, to read its status words. */
	entity: string;
	/** Display names of the users the record refers to, by id. */
	users?: Record<string, string>;
}

/** One value as people read it. */
export function auditValue(key: string, value: unknown, context: AuditContext): string {
	if (value === null || value === undefined || value === '') return '—';
	if (typeof value === 'boolean') return value ? m.yes() : m.no();
	const field = snake(key);
	if (isUserRef(key) && context.users?.[String(value)]) return context.users[String(value)];
	if (typeof value === 'object') return JSON.stringify(value);
	const text = String(value);
	if (isMoney(key) && /^-?\d+$/.test(text)) return formatCzk(BigInt(text));
	const word = VALUE_WORDS[field]?.[text];
	if (word) return word();
	if (field === 'status') return statusLook(STATUS_OF[context.entity] ?? 'kpi', text).label;
	if (/^\d{4}-(\d{2}|Q[1-4]|H[12])$/.test(text)) return formatPeriod(text);
	if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(text)) return formatDate(text);
	// Years, codes and document numbers are names, not quantities: no thousands separator.
	if (/^-?\d+(\.\d+)?$/.test(text) && !/year|code|number|ico/.test(field)) {
		return formatNumber(text, 4);
	}
	return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

export interface AuditChange {
	label: string;
	/** null when the record has no earlier value (a created object). */
	before: string | null;
	after: string;
}

/** The fields that changed between `before` and `after`, labelled, with readable values. */
export function auditChanges(
	before: unknown,
	after: unknown,
	context: AuditContext
): AuditChange[] {
	const asRecord = (v: unknown) =>
		v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
	const b = asRecord(before);
	const a = asRecord(after);
	const skip = new Set(['id', 'version', 'created_at', 'updated_at', 'createdAt', 'updatedAt']);
	const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !skip.has(k));
	const changes: AuditChange[] = [];
	for (const key of keys) {
		const was = auditValue(key, b[key], context);
		const now = auditValue(key, a[key], context);
		if (before && was === now) continue;
		if (!before && now === '—') continue;
		changes.push({ label: fieldLabel(key), before: before ? was : null, after: now });
	}
	return changes;
}

/** The user ids a record's values refer to, for looking up their names. */
export function auditUserIds(before: unknown, after: unknown): number[] {
	const ids = new Set<number>();
	for (const record of [before, after]) {
		if (!record || typeof record !== 'object') continue;
		for (const [key, value] of Object.entries(record as Record<string, unknown>)) {
			if (isUserRef(key) && Number.isSafeInteger(Number(value))) ids.add(Number(value));
		}
	}
	return [...ids];
}
