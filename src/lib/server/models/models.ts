import type { Halere } from '../../money';
import type { CostComparison, ModelCosting } from '../../models/costing';
import type { ModelDiff } from '../../models/compare';
import type { ModelCounts, ModelPerformer, ModelStep } from './bpmn';

export type { ModelCounts, ModelPerformer, ModelStep };

export interface ModelVersion {
	number: number;
	note: string | null;
	counts: ModelCounts;
	laidOut: boolean;
	restoredFrom: number | null;
	createdBy: string | null;
	createdAt: Date;
}

/** The office links of one BPMN element, kept by element id across versions. */
export interface LinkInput {
	elementId: string;
	kind: 'lane' | 'task';
	/** lane: the RACI role of the card and the org unit doing the work */
	roleId: number | null;
	orgUnitId: number | null;
	/** task: the information asset it is done in; minutes as decimal strings */
	assetId: number | null;
	minutes: string | null;
	waitMinutes: string | null;
	sharePercent: string;
}

export interface ModelLink extends LinkInput {
	id: number;
	version: number;
}

/** A saved version's content as the page shows it. */
export interface ModelContent {
	number: number;
	xml: string;
	performers: ModelPerformer[];
	steps: ModelStep[];
	hasDiagram: boolean;
}

export interface ModelPage {
	modelId: number | null;
	/** number of the latest version; null = no model yet */
	latest: number | null;
	versions: ModelVersion[];
	shown: ModelContent | null;
	links: ModelLink[];
	volume: number | null;
	costing: ModelCosting | null;
	comparison: CostComparison | null;
	/** what changed from the previous version to the shown one */
	diff: ModelDiff | null;
}

/** What a refused save reports: the version now stored and how it differs from the base. */
export interface SaveConflict {
	latest: number;
	savedBy: string | null;
	savedAt: Date;
	note: string | null;
	diff: ModelDiff;
}

/** The process catalogue's view of a model. */
export interface ModelCoverage {
	processId: number;
	latest: number;
	savedAt: Date;
	/** every lane has a role */
	rolesFilled: boolean;
	/** every task has minutes */
	timesFilled: boolean;
}

/** Modelled working time of a process for a year (used by the people stream). */
export interface ModelledHours {
	processId: number;
	year: number;
	/** hundredths of an hour */
	hours: bigint;
	cost: Halere;
	byRole: { roleId: number | null; hours: bigint }[];
}
