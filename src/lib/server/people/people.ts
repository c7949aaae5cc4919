import type { CompetenceKind, EvidenceKind, HolderKind } from '../db/schema';

export const COMPETENCE_KINDS = [
	'professional',
	'legal',
	'it_system',
	'soft'
] as const satisfies readonly CompetenceKind[];
export const EVIDENCE_KINDS = [
	'training',
	'exam',
	'practice',
	'other'
] as const satisfies readonly EvidenceKind[];
export const HOLDER_KINDS = ['holder', 'deputy'] as const satisfies readonly HolderKind[];
export const LEVELS = [1, 2, 3, 4] as const;

/** Days ahead in which an expiring qualification lands in the worklist. */
export const EXPIRY_HORIZON_DAYS = 90;

export interface PersonInput {
	personalNumber: string | null;
	name: string;
	position: string;
	orgUnitId: number;
	/** decimal string, 0 < fte ≤ 1 */
	fte: string;
	validFrom: string;
	validTo: string | null;
	deputyPersonId: number | null;
}

export interface PersonSummary {
	id: number;
	personalNumber: string | null;
	name: string;
	position: string;
	orgUnitId: number;
	orgUnitName: string;
	fte: string;
	validFrom: string;
	validTo: string | null;
	deputyPersonId: number | null;
	deputyName: string | null;
	employed: boolean;
	version: number;
}

/** What a role without `people.read_names` sees of the staff: positions and counts per unit. */
export interface StaffCount {
	orgUnitId: number;
	orgUnitName: string;
	position: string;
	count: number;
	fte: string;
}

export interface CompetenceInput {
	code: string;
	name: string;
	kind: CompetenceKind;
	levels: [string, string, string, string];
}

export interface HeldInput {
	competenceId: number;
	level: number;
	acquiredOn: string;
	evidenceKind: EvidenceKind;
	evidence: string | null;
	expiresOn: string | null;
}
