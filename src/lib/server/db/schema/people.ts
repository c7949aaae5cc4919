// Tables of the people area (migration 20261206_1100_people.js): staff, role holders,
// competences and the absence rate per org unit.
import type { Generated } from 'kysely';
import type { GeneratedTimestamp } from './foundation';

export type HolderKind = 'holder' | 'deputy';
export type CompetenceKind = 'professional' | 'legal' | 'it_system' | 'soft';
export type EvidenceKind = 'training' | 'exam' | 'practice' | 'other';

/** A member of staff (personal data: names only to `people.read_names`). */
export interface PersonTable {
	id: Generated<number>;
	personal_number: string | null;
	name: string;
	position: string;
	org_unit_id: number;
	/** numeric(4,3): share of a full-time job, 0 < fte ≤ 1 */
	fte: string;
	/** `YYYY-MM-DD` */
	valid_from: string;
	/** `YYYY-MM-DD`, the last day; null while employed */
	valid_to: string | null;
	deputy_person_id: number | null;
	created_at: GeneratedTimestamp;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
}

export interface ProcessRoleHolderTable {
	process_role_id: number;
	person_id: number;
	kind: HolderKind;
	created_at: GeneratedTimestamp;
}

export interface CompetenceTable {
	id: Generated<number>;
	code: string;
	name: string;
	kind: CompetenceKind;
	level_1: string;
	level_2: string;
	level_3: string;
	level_4: string;
	created_at: GeneratedTimestamp;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
}

export interface ProcessRoleCompetenceTable {
	process_role_id: number;
	competence_id: number;
	/** 1–4 */
	min_level: number;
}

export interface PersonCompetenceTable {
	id: Generated<number>;
	person_id: number;
	competence_id: number;
	/** 1–4 */
	level: number;
	acquired_on: string;
	evidence_kind: EvidenceKind;
	evidence: string | null;
	expires_on: string | null;
	created_at: GeneratedTimestamp;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
}

export interface OrgUnitCapacityTable {
	org_unit_id: number;
	/** numeric(5,4): 0.12 = 12 % of working time lost to leave and sickness */
	absence_rate: string;
	version: Generated<number>;
}

/** The office's yearly working hours per full-time job (one row; migration 20261206_1520). */
export interface CapacitySettingTable {
	id: Generated<number>;
	/** numeric(6,1) */
	yearly_hours: string;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
}

export type TrainingStatus = 'planned' | 'in_progress' | 'done' | 'cancelled';

/** A training action: a person is to reach a competence's level by a date. */
export interface TrainingActionTable {
	id: Generated<number>;
	person_id: number;
	competence_id: number;
	/** 1–4 */
	target_level: number;
	/** `YYYY-MM-DD` */
	due_on: string;
	status: Generated<TrainingStatus>;
	process_role_id: number | null;
	created_by: number | null;
	created_at: GeneratedTimestamp;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
}

/** A (process role, assigned person) pair's capable interval, kept by triggers (migration
 * 20261208_0400_role_capability): capable from `capable_from` up to, not including, `capable_to`. */
export interface RoleCapabilityTable {
	process_role_id: number;
	person_id: number;
	/** `YYYY-MM-DD` */
	capable_from: string;
	/** `YYYY-MM-DD`, exclusive; null: open */
	capable_to: string | null;
}

export interface PeopleTables {
	person: PersonTable;
	process_role_holder: ProcessRoleHolderTable;
	competence: CompetenceTable;
	process_role_competence: ProcessRoleCompetenceTable;
	person_competence: PersonCompetenceTable;
	org_unit_capacity: OrgUnitCapacityTable;
	capacity_setting: CapacitySettingTable;
	training_action: TrainingActionTable;
	role_capability: RoleCapabilityTable;
}
