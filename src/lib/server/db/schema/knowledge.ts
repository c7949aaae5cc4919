import type { Generated } from 'kysely';
import type { GeneratedTimestamp } from './foundation';

// Tables of the knowledge base (migrations/20261206_1540_knowledge.js, search_entry:
// migrations/20261206_1610_search_speed.js).

export type FindingSource = 'system_audit' | 'external_audit' | 'caf';
export type FindingSeverity = 'low' | 'medium' | 'high';
export type FindingStatus = 'open' | 'in_progress' | 'closed';

/** A document of the office: a regulation (směrnice), a form, a process description, a report. */
export interface DocumentTable {
	id: Generated<number>;
	title: string;
	description: string | null;
	owner_user_id: number;
	/** readable by its owner and `knowledge.read_confidential` only */
	confidential: Generated<boolean>;
	/** `YYYY-MM-DD` */
	valid_from: string | null;
	valid_to: string | null;
	review_date: string | null;
	/** the text extracted from the current version, as the search reads it */
	body_text: Generated<string>;
	created_at: GeneratedTimestamp;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
}

/** One uploaded version of a document's file; older versions are kept. */
export interface DocumentFileTable {
	id: Generated<number>;
	document_id: number;
	/** 1, 2, … per document */
	number: number;
	file_name: string;
	mime_type: string;
	size: number;
	content: Uint8Array;
	text_extracted: boolean;
	uploaded_by: number | null;
	uploaded_at: GeneratedTimestamp;
}

export interface DocumentLinkTable {
	id: Generated<number>;
	document_id: number;
	process_id: number | null;
	asset_id: number | null;
	subcriterion_code: string | null;
}

export interface AuditFindingTable {
	id: Generated<number>;
	title: string;
	description: string | null;
	source: FindingSource;
	severity: FindingSeverity;
	process_id: number | null;
	owner_user_id: number | null;
	corrective_action: string | null;
	due_date: string | null;
	closure_evidence: string | null;
	status: Generated<FindingStatus>;
	caf_action_id: number | null;
	created_at: GeneratedTimestamp;
	updated_at: GeneratedTimestamp;
	version: Generated<number>;
}

/**
 * The search vector of one record (a process, information asset, goal, KPI, initiative or
 * document), written by triggers on the record's table in the same transaction as its change.
 */
export interface SearchEntryTable {
	/** a SearchKind other than 'caf' */
	kind: string;
	ref_id: number;
	/** title (weight A) and body (weight B), folded */
	vector: string;
	/** a confidential document's owner; null when every reader may find the record */
	owner_only: number | null;
}

export interface KnowledgeTables {
	document: DocumentTable;
	document_file: DocumentFileTable;
	document_link: DocumentLinkTable;
	audit_finding: AuditFindingTable;
	search_entry: SearchEntryTable;
}
