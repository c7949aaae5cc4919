import type { Insertable, Selectable, Updateable } from 'kysely';
import type { FoundationTables, AppUserTable, AuditEventTable } from './schema/foundation';
import type { ProcessMapTables } from './schema/process-map';
import type { CostTables } from './schema/costs';
import type { ProgrammeTables } from './schema/programme';
import type { OverviewTables } from './schema/overview';
import type { ImportFormatTables } from './schema/import-formats';
import type { ProcessModelTables } from './schema/process-models';
import type { CafTables } from './schema/caf';
import type { PeopleTables } from './schema/people';
import type { AdoptionTables } from './schema/adoption';
import type { KnowledgeTables } from './schema/knowledge';
import type { GuestTables } from './schema/guests';

export type * from './schema/foundation';
export type * from './schema/process-map';
export type * from './schema/costs';
export type * from './schema/programme';
export type * from './schema/overview';
export type * from './schema/import-formats';
export type * from './schema/process-models';
export type * from './schema/caf';
export type * from './schema/people';
export type * from './schema/adoption';
export type * from './schema/knowledge';
export type * from './schema/guests';

/**
 * The whole database, one interface per area. `tests/integration/schema.test.ts` compares these
 * interfaces with the migrated database, so a migration and its types cannot drift apart.
 */
export interface Database
	extends
		FoundationTables,
		ProcessMapTables,
		CostTables,
		ProgrammeTables,
		OverviewTables,
		ImportFormatTables,
		ProcessModelTables,
		CafTables,
		PeopleTables,
		AdoptionTables,
		KnowledgeTables,
		GuestTables {}

export type AppUserRow = Selectable<AppUserTable>;
export type NewAppUser = Insertable<AppUserTable>;
export type AppUserUpdate = Updateable<AppUserTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
