import type { Raci, InfoAssetKind, ProcessKind } from '../db/schema';
import type { Scores } from './potential';

export type { ProcessKind };
export type ProcessStatus = 'draft' | 'active' | 'retired';
export const PROCESS_KINDS: readonly ProcessKind[] = ['management', 'core', 'support'];
export const PROCESS_STATUSES: readonly ProcessStatus[] = ['draft', 'active', 'retired'];
export const RACI_VALUES: readonly Raci[] = ['R', 'A', 'C', 'I'];
export const ASSET_KINDS: readonly InfoAssetKind[] = ['system', 'register', 'spreadsheet', 'paper'];

export interface ProcessSummary {
	id: number;
	code: string;
	name: string;
	kind: ProcessKind;
	status: ProcessStatus;
	orgUnitId: number | null;
	orgUnitCode: string | null;
	orgUnitName: string | null;
	ownerId: number | null;
	ownerName: string | null;
	/** figures of the chosen year; null when not recorded */
	volume: number | null;
	leadTimeDays: string | null;
	fte: string | null;
	scores: Scores;
	potential: number | null;
	goalCount: number;
	version: number;
}

export interface ProcessYear {
	year: number;
	volume: number | null;
	leadTimeDays: string | null;
	fte: string | null;
	version: number;
}

export interface ProcessRole {
	id: number;
	jobRole: string;
	raci: Raci;
	competences: string | null;
}

export interface InfoAsset {
	id: number;
	code: string;
	name: string;
	kind: InfoAssetKind;
	description: string | null;
	version: number;
}

/** The card's texts and whom the process serves: what the card shows and its form edits. */
export interface ProcessCardText {
	description: string | null;
	inputs: string | null;
	outputs: string | null;
	legalBasis: string | null;
	servesCitizens: boolean;
	servesBusinesses: boolean;
	servesInternal: boolean;
}

export interface ProcessCard extends ProcessSummary, ProcessCardText {
	years: ProcessYear[];
	roles: ProcessRole[];
	assets: InfoAsset[];
	goals: { id: number; code: string; name: string; weight: number }[];
}

export interface ProcessInput extends ProcessCardText {
	code: string;
	name: string;
	kind: ProcessKind;
	status: ProcessStatus;
	orgUnitId: number | null;
	ownerId: number | null;
	scores: Scores;
}

export interface ProcessFilters {
	year: number;
	/** one process only (its card) */
	id?: number;
	kind?: ProcessKind | null;
	orgUnitId?: number | null;
	ownerId?: number | null;
	status?: ProcessStatus | null;
	q?: string | null;
	/** only processes whose potential index is at least this */
	minPotential?: number | null;
	sort?: 'code' | 'name' | 'potential' | 'volume';
}
