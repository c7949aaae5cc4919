import type { ColumnType, Generated } from 'kysely';

/** timestamptz: read as Date, written as Date or an SQL expression. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A column the database fills (identity, default now()). */
export type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb */
export type Json = ColumnType<unknown, string, string>;

/** Staff roles, and `guest`: a time-limited external account scoped to named objects. */
export type Role =
	'admin' | 'manager' | 'finance' | 'project_manager' | 'process_owner' | 'hr' | 'viewer' | 'guest';

export interface AppUserTable {
	id: Generated<number>;
	username: string;
	display_name: string;
	role: Role;
	password_hash: string;
	active: Generated<boolean>;
	created_at: GeneratedTimestamp;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
	/** the TOTP key (base32) once confirmed; null without a second factor */
	totp_key: ColumnType<string | null, string | null | undefined, string | null>;
	/** a key shown for setup, not yet confirmed with a code */
	totp_pending_key: ColumnType<string | null, string | null | undefined, string | null>;
	totp_enabled_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
	/** the last TOTP time step a code was accepted for: older or equal steps are refused */
	totp_last_step: ColumnType<bigint | null, bigint | null | undefined, bigint | null>;
}

export interface TotpRecoveryCodeTable {
	id: Generated<number>;
	user_id: number;
	code_hash: string;
	used_at: Timestamp | null;
}

export interface LoginChallengeTable {
	id: string;
	user_id: number;
	expires_at: Timestamp;
}

export interface UserSessionTable {
	id: string;
	user_id: number;
	expires_at: Timestamp;
	created_at: GeneratedTimestamp;
	last_seen_at: GeneratedTimestamp;
	/** when the password was last given: at sign-in, or to confirm an admin action */
	authenticated_at: GeneratedTimestamp;
	address: string | null;
	user_agent: string | null;
}

export interface LoginThrottleTable {
	key: string;
	failures: Generated<number>;
	window_started_at: Timestamp;
	last_failure_at: Timestamp;
}

export interface AuditEventTable {
	id: Generated<bigint>;
	occurred_at: GeneratedTimestamp;
	user_id: number | null;
	action: string;
	entity: string;
	entity_id: string | null;
	before: Json | null;
	after: Json | null;
}

export interface AppSettingTable {
	key: string;
	value: Json;
	updated_at: GeneratedTimestamp;
}

export interface OrgUnitTable {
	id: Generated<number>;
	code: string;
	name: string;
	parent_id: number | null;
	/** process map (migration 0200) */
	description: string | null;
	created_at: GeneratedTimestamp;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
}

/** Management, core (serves citizens and businesses) or support (serves the office). */
export type ProcessKind = 'management' | 'core' | 'support';

export interface ProcessTable {
	id: Generated<number>;
	code: string;
	name: string;
	kind: ProcessKind;
	org_unit_id: number | null;
	owner_user_id: number | null;
	status: Generated<'draft' | 'active' | 'retired'>;
	/** process map (migration 0200): the process card and improvement-potential scores 1–5 */
	description: string | null;
	inputs: string | null;
	outputs: string | null;
	legal_basis: string | null;
	serves_citizens: Generated<boolean>;
	serves_businesses: Generated<boolean>;
	serves_internal: Generated<boolean>;
	potential_volume: number | null;
	potential_manual: number | null;
	potential_errors: number | null;
	potential_impact: number | null;
	potential_cost: number | null;
	created_at: GeneratedTimestamp;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
}

export interface GoalTable {
	id: Generated<number>;
	code: string;
	name: string;
	level: 'vision' | 'strategic' | 'objective';
	parent_id: number | null;
	owner_user_id: number | null;
	/** process map (migration 0200) */
	description: string | null;
	start_year: number | null;
	end_year: number | null;
	status: Generated<'planned' | 'active' | 'achieved' | 'dropped'>;
	status_override: 'on_target' | 'within_tolerance' | 'off_target' | null;
	override_comment: string | null;
	created_at: GeneratedTimestamp;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
}

export interface KpiTable {
	id: Generated<number>;
	code: string;
	name: string;
	goal_id: number | null;
	responsible_user_id: number | null;
	/** process map (migration 0200); numeric columns are strings */
	definition: string | null;
	unit: Generated<string>;
	direction: Generated<'higher' | 'lower' | 'range'>;
	frequency: Generated<'monthly' | 'quarterly' | 'yearly'>;
	baseline: string | null;
	baseline_period: string | null;
	/** `manual`, or a computed source added by another area (e.g. unit cost) */
	source: Generated<string>;
	/** costs area (migration 0400): the process whose unit cost a `process_unit_cost` KPI shows */
	source_process_id: number | null;
	/** migration 1550: the values the KPI allows (numeric; null = no bound) */
	value_min: string | null;
	value_max: string | null;
	created_at: GeneratedTimestamp;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
}

export interface InitiativeTable {
	id: Generated<number>;
	code: string;
	name: string;
	status: Generated<'proposed' | 'approved' | 'in_progress' | 'done' | 'cancelled'>;
	owner_user_id: number | null;
	created_at: GeneratedTimestamp;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
	// Added by migrations/20261122_0300_programme.js (programme area).
	description: string | null;
	/** haléře per year */
	expected_savings_czk: Generated<bigint>;
	/** numeric: hours of work time per year */
	expected_savings_hours: Generated<string>;
	/** whose hourly cost values the saved hours */
	valuation_org_unit_id: number | null;
	activity_id: number | null;
}

export interface OrgUnitYearTable {
	org_unit_id: number;
	year: number;
	/** numeric: staff in full-time equivalents */
	fte: string;
	/** haléře per hour of work, to value saved hours */
	hourly_cost: bigint | null;
	version: Generated<number>;
}

export interface ProcessYearTable {
	process_id: number;
	year: number;
	/** cases per year */
	volume: number | null;
	/** numeric */
	lead_time_days: string | null;
	/** numeric: effort in full-time equivalents */
	fte: string | null;
	version: Generated<number>;
}

/**
 * fixed and variable running costs, `investment` in improvement (booked to an approved initiative
 * or under an improvement položka) and `capital` spending that improves no process.
 */
export type CostNature = 'fixed' | 'variable' | 'investment' | 'capital';

/** A ledger line is what was spent (`actual`) or what the budget plans (`budget`). */
export type EntryKind = 'actual' | 'budget';

export interface CostEntryTable {
	id: Generated<bigint>;
	kind: EntryKind;
	/** First day of the month, `YYYY-MM-01`. */
	month: string;
	/** haléře */
	amount: bigint;
	nature: CostNature;
	polozka: string;
	paragraf: string | null;
	org_unit_id: number | null;
	process_id: number | null;
	initiative_id: number | null;
	text: string | null;
	created_by: number | null;
	created_at: GeneratedTimestamp;
	/** costs area (migration 0400): the import batch (null: entered by hand), accounting codes */
	batch_id: number | null;
	orj: string | null;
	org: string | null;
	uz: string | null;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
	/** provenance (migration 20261208_0200): what the import kept about the line */
	document: string | null;
	/** the entry's own date, `YYYY-MM-DD`, when the file has one */
	entry_date: string | null;
	partner_name: string | null;
	partner_ico: string | null;
	/** the counterparty is a private person (no IČO): its name is personal data */
	partner_person: Generated<boolean>;
	/** the file's line (CSV, KXX) or row (XLSX) the entry came from */
	source_line: number | null;
}

export interface FoundationTables {
	app_user: AppUserTable;
	user_session: UserSessionTable;
	login_throttle: LoginThrottleTable;
	totp_recovery_code: TotpRecoveryCodeTable;
	login_challenge: LoginChallengeTable;
	audit_event: AuditEventTable;
	app_setting: AppSettingTable;
	org_unit: OrgUnitTable;
	process: ProcessTable;
	goal: GoalTable;
	kpi: KpiTable;
	initiative: InitiativeTable;
	cost_entry: CostEntryTable;
	org_unit_year: OrgUnitYearTable;
	process_year: ProcessYearTable;
}
