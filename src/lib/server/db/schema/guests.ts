import type { Generated } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from './foundation';

// Tables of the guests area (migrations/20261207_0100_guests.js).

export type GuestScopeKind = 'caf_round' | 'process';

export interface GuestAccessTable {
	user_id: number;
	/** the last day the guest may work (Prague time) */
	expires_on: string;
	council_report: Generated<boolean>;
	may_score: Generated<boolean>;
	purpose: Generated<string>;
	invited_by: number | null;
	created_at: GeneratedTimestamp;
	revoked_at: Timestamp | null;
	version: Generated<number>;
}

export interface GuestScopeTable {
	user_id: number;
	kind: GuestScopeKind;
	object_id: number;
}

export interface GuestInvitationTable {
	id: Generated<number>;
	user_id: number;
	/** SHA-256 of the link's token, hex; the token itself is never stored */
	token_hash: string;
	expires_at: Timestamp;
	used_at: Timestamp | null;
	created_at: GeneratedTimestamp;
}

export interface GuestTables {
	guest_access: GuestAccessTable;
	guest_scope: GuestScopeTable;
	guest_invitation: GuestInvitationTable;
}
