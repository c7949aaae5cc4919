import type { Segment } from './fold';
import type { FindingSeverity, FindingSource, FindingStatus } from '../db/schema';

export const SEARCH_KINDS = [
	'process',
	'asset',
	'goal',
	'kpi',
	'initiative',
	'document',
	'caf'
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchHit {
	kind: SearchKind;
	id: number;
	code: string;
	title: Segment[];
	snippet: Segment[];
	href: string;
	rank: number;
}

export type { DocumentType } from './file-type';
export type { FindingSeverity, FindingSource, FindingStatus } from '../db/schema';

export const FINDING_SOURCES = ['system_audit', 'external_audit', 'caf'] as const;
export const FINDING_SEVERITIES = ['low', 'medium', 'high'] as const;
export const FINDING_STATUSES = ['open', 'in_progress', 'closed'] as const;

/** A document's card as the form edits it. */
export interface DocumentInput {
	title: string;
	description: string | null;
	ownerUserId: number;
	confidential: boolean;
	validFrom: string | null;
	validTo: string | null;
	reviewDate: string | null;
	processIds: number[];
	assetIds: number[];
	subcriterionCodes: string[];
}

/** An uploaded file as the route read it (checked by the service). */
export interface Upload {
	fileName: string;
	bytes: Uint8Array;
}

export interface DocumentFile {
	number: number;
	fileName: string;
	mimeType: string;
	size: number;
	textExtracted: boolean;
	uploadedAt: Date;
	uploadedByName: string | null;
}

export interface DocumentSummary {
	id: number;
	title: string;
	ownerUserId: number;
	ownerName: string | null;
	confidential: boolean;
	validFrom: string | null;
	validTo: string | null;
	reviewDate: string | null;
	files: number;
	version: number;
}

export interface DocumentDetail extends DocumentSummary {
	description: string | null;
	processIds: number[];
	assetIds: number[];
	subcriterionCodes: string[];
	links: { kind: 'process' | 'asset' | 'caf'; id: number | string; code: string; name: string }[];
	fileList: DocumentFile[];
	canEdit: boolean;
}

export interface FindingInput {
	title: string;
	description: string | null;
	source: FindingSource;
	severity: FindingSeverity;
	processId: number | null;
	ownerUserId: number | null;
	correctiveAction: string | null;
	dueDate: string | null;
	closureEvidence: string | null;
	status: FindingStatus;
}

export interface FindingRow extends FindingInput {
	id: number;
	processCode: string | null;
	ownerName: string | null;
	cafActionId: number | null;
	cafRoundId: number | null;
	version: number;
}
