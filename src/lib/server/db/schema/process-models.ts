// Tables of the process-models area (migration 20261206_0900_process_models.js).
import type { Generated } from 'kysely';
import type { GeneratedTimestamp, Json } from './foundation';

export type ModelLinkKind = 'lane' | 'task';

export interface ProcessModelTable {
	id: Generated<number>;
	process_id: number;
	created_at: GeneratedTimestamp;
	updated_at: GeneratedTimestamp;
	/** number of the latest saved version */
	version: Generated<number>;
}

export interface ProcessModelVersionTable {
	id: Generated<number>;
	model_id: number;
	number: number;
	xml: string;
	note: string | null;
	/** ModelCounts as JSON */
	counts: Json;
	/** { performers, steps } as JSON */
	elements: Json;
	laid_out: Generated<boolean>;
	restored_from: number | null;
	created_by: number | null;
	created_at: GeneratedTimestamp;
	/** the modeler's SVG of the version (migration 20261206_1510); null when imported or older */
	svg: string | null;
}

export interface ProcessModelLinkTable {
	id: Generated<number>;
	model_id: number;
	element_id: string;
	kind: ModelLinkKind;
	process_role_id: number | null;
	org_unit_id: number | null;
	asset_id: number | null;
	/** numeric(10,2) */
	minutes: string | null;
	/** numeric(10,2) */
	wait_minutes: string | null;
	/** numeric(5,2) */
	share_percent: Generated<string>;
	updated_by: number | null;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
}

export interface ProcessModelTables {
	process_model: ProcessModelTable;
	process_model_version: ProcessModelVersionTable;
	process_model_link: ProcessModelLinkTable;
}
