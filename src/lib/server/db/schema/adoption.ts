import type { Generated } from 'kysely';
import type { GeneratedTimestamp, Json, Timestamp } from './foundation';

// Tables of the adoption area (migrations/20261206_1300_adoption.js).

export type JobKind = 'digest' | 'reminder' | 'escalation' | 'nudge' | 'webhook' | 'invitation';
export type JobStatus = 'queued' | 'sent' | 'failed' | 'skipped';
export type MailMode = 'all' | 'digest' | 'reminders' | 'none';
export type MailLanguage = 'cs' | 'en';

export interface NotificationJobTable {
	id: Generated<bigint>;
	kind: JobKind;
	recipient_user_id: number | null;
	/** a webhook's URL (e-mail addresses are read at sending) */
	address: string | null;
	payload: Json;
	dedupe_key: string;
	status: Generated<JobStatus>;
	attempts: Generated<number>;
	next_attempt_at: Timestamp;
	locked_until: Timestamp | null;
	last_error: string | null;
	created_at: Timestamp;
	sent_at: Timestamp | null;
}

export interface NotificationPreferenceTable {
	user_id: number;
	email: string | null;
	mode: Generated<MailMode>;
	/** the language the user chose in the app; their mail is written in it */
	language: Generated<MailLanguage>;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
}

/** An org unit's incoming webhook (Teams/Slack-compatible), migration 20261207_0200_reach. */
export interface NotificationWebhookTable {
	org_unit_id: number;
	url: string;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
}

export interface AdoptionMemberTable {
	user_id: number;
	org_unit_id: number | null;
	ambassador: Generated<boolean>;
	guide_dismissed_at: Timestamp | null;
	version: Generated<number>;
}

export interface AdoptionPilotTable {
	org_unit_id: number;
	created_at: GeneratedTimestamp;
}

/** An area of Dílna switched on for a pilot unit's people (`adoption-areas.ts`). */
export interface AdoptionPilotAreaTable {
	org_unit_id: number;
	area: string;
}

export interface PageViewMonthTable {
	/** `YYYY-MM` in Prague */
	month: string;
	/** SvelteKit route id, e.g. `/(app)/goals/kpi/[id]` */
	route_id: string;
	user_id: number;
	views: Generated<number>;
	last_seen_at: Timestamp;
}

export interface AdoptionTables {
	notification_job: NotificationJobTable;
	notification_preference: NotificationPreferenceTable;
	notification_webhook: NotificationWebhookTable;
	adoption_member: AdoptionMemberTable;
	adoption_pilot: AdoptionPilotTable;
	adoption_pilot_area: AdoptionPilotAreaTable;
	page_view_month: PageViewMonthTable;
}
