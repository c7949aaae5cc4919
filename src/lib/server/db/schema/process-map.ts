// Tables of the process-map area (migration 20261122_0200_process_map.js). Its columns on the
// spine tables (org_unit, process, goal, kpi) are typed in foundation.ts beside the spine.
import type { Generated } from 'kysely';
import type { GeneratedTimestamp } from './foundation';

export type Raci = 'R' | 'A' | 'C' | 'I';
export type InfoAssetKind = 'system' | 'register' | 'spreadsheet' | 'paper';

export interface ProcessRoleTable {
	id: Generated<number>;
	process_id: number;
	job_role: string;
	raci: Raci;
	competences: string | null;
	created_at: GeneratedTimestamp;
}

export interface InfoAssetTable {
	id: Generated<number>;
	code: string;
	name: string;
	kind: InfoAssetKind;
	description: string | null;
	created_at: GeneratedTimestamp;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
}

export interface ProcessAssetTable {
	process_id: number;
	asset_id: number;
}

export interface GoalProcessTable {
	goal_id: number;
	process_id: number;
	/** contribution weight 1–100 */
	weight: number;
}

export interface KpiTargetTable {
	id: Generated<number>;
	kpi_id: number;
	/** `2026`, `2026-Q1` or `2026-03` */
	period: string;
	/** numeric */
	target: string;
	/** numeric: upper end of the band of a range KPI */
	target_max: string | null;
	/** numeric, ≥ 0, in the KPI's unit */
	tolerance: Generated<string>;
	updated_by: number | null;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
}

export interface KpiActualTable {
	id: Generated<number>;
	kpi_id: number;
	period: string;
	/** numeric */
	value: string;
	comment: string | null;
	recorded_by: number | null;
	recorded_at: GeneratedTimestamp;
	version: Generated<number>;
}

export interface ProcessMapTables {
	process_role: ProcessRoleTable;
	info_asset: InfoAssetTable;
	process_asset: ProcessAssetTable;
	goal_process: GoalProcessTable;
	kpi_target: KpiTargetTable;
	kpi_actual: KpiActualTable;
}
