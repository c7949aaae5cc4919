import type { Halere } from '../../money';
import type { CostComparison, CostingLane, CostingTask, ModelCosting } from '../../models/costing';
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
	/** what the costing was computed from (the what-if on minutes recomputes it in the browser) */
	inputs: { tasks: CostingTask[]; lanes: CostingLane[] } | null;
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

/**
 * Modelled working time of a process for a year (the process card, the opportunity matrix, the
 * people stream's capacity). Hours are hundredths of an hour; a role or unit of null gathers the
 * tasks of lanes not mapped (or outside any lane).
 */
export interface ModelledHours {
	processId: number;
	year: number;
	/** the model version the hours come from (the latest) */
	version: number;
	hours: bigint;
	cost: Halere;
	/** at least one task has minutes and the year a volume: the hours mean something */
	timed: boolean;
	byRole: { roleId: number | null; hours: bigint }[];
	byUnit: { orgUnitId: number | null; hours: bigint }[];
}

/** A process's diagram in the council report: the modeler's SVG, or its tasks when there is none. */
export interface ReportDiagram {
	processId: number;
	code: string;
	name: string;
	version: number;
	savedAt: Date;
	/** the modeler's SVG as a data: URL for an <img>; null when the version has no picture */
	image: string | null;
	tasks: { name: string; lane: string | null }[];
}

export interface ReportDiagrams {
	/** every process with a model, for the report's choice */
	choices: { id: number; code: string; name: string }[];
	diagrams: ReportDiagram[];
}
