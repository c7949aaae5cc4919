import type { Generated } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from './foundation';

/** A personal read-only API token; only its SHA-256 is kept. */
export interface ApiTokenTable {
	id: Generated<number>;
	user_id: number;
	name: string;
	token_hash: string;
	created_by: number | null;
	created_at: GeneratedTimestamp;
	last_used_at: Timestamp | null;
	revoked_at: Timestamp | null;
	revoked_by: number | null;
	version: Generated<number>;
}

export interface OverviewTables {
	api_token: ApiTokenTable;
}
