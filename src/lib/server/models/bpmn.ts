// Reading a BPMN 2.0 file: bpmn-moddle parses and validates it (no XML reader of our own), then
// one walk over the model counts its elements and lists the lanes and tasks Dílna links to the
// office. A file without a diagram (BPMNDI) is laid out by bpmn-auto-layout; when even that
// fails it is kept as it is and the page shows it as a task list.
import { BpmnModdle } from 'bpmn-moddle';
import { layoutProcess } from 'bpmn-auto-layout';
import { ValidationError } from '../shared/errors';
import { MAX_BYTES } from './limits';

export { MAX_BYTES };

export interface ModelCounts {
	participants: number;
	lanes: number;
	/** every task kind (bpmn:Task and its subtypes: user, service, manual, script, …) */
	tasks: number;
	/** sub-processes (incl. transactions and ad-hoc) and call activities */
	subProcesses: number;
	gateways: number;
	events: number;
	sequenceFlows: number;
}

/** A lane, or a participant whose process has no lanes: who performs the steps in it. */
export interface ModelPerformer {
	id: string;
	name: string;
	kind: 'lane' | 'participant';
}

/** A step people spend time on: a task or a call activity. */
export interface ModelStep {
	id: string;
	name: string;
	type: string;
	/** the performer (lane or participant) it sits in, when the file says */
	laneId: string | null;
}

export interface ReadModel {
	/** the XML to store: as uploaded, or laid out when it had no diagram */
	xml: string;
	counts: ModelCounts;
	performers: ModelPerformer[];
	steps: ModelStep[];
	/** the file had a diagram, or Dílna laid one out */
	hasDiagram: boolean;
	laidOut: boolean;
	/** what bpmn-moddle could not resolve (vendor extensions, dangling references) */
	warnings: string[];
}

type El = {
	$type: string;
	$instanceOf(type: string): boolean;
	id?: string;
	name?: string;
	[key: string]: unknown;
};

const refuse = (key: string): never => {
	throw new ValidationError({ file: key });
};

/** Rejects what must never reach the parser: size, emptiness, DTDs (entity expansion). */
function guard(bytes: Uint8Array | string): string {
	const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength;
	if (size === 0) refuse('models_error_empty');
	if (size > MAX_BYTES) refuse('models_error_too_large');
	const text = typeof bytes === 'string' ? bytes : new TextDecoder('utf-8').decode(bytes);
	// BPMN never needs a DTD; any DOCTYPE or ENTITY declaration is refused before parsing, so an
	// entity expansion ("billion laughs") or an external entity cannot be attempted at all.
	if (/<!\s*(DOCTYPE|ENTITY)/i.test(text)) refuse('models_error_entity');
	return text;
}

async function parse(text: string) {
	const moddle = new BpmnModdle();
	try {
		const result = await moddle.fromXML(text, 'bpmn:Definitions');
		return result;
	} catch (e) {
		const message = e instanceof Error ? e.message : '';
		if (/failed to parse document as/.test(message)) return refuse('models_error_not_bpmn');
		return refuse('models_error_malformed');
	}
}

function list(value: unknown): El[] {
	return Array.isArray(value) ? (value as El[]) : [];
}

function nameOf(el: El): string {
	return (el.name ?? '').replace(/\s+/g, ' ').trim() || (el.id ?? '');
}

/** Parses, validates, counts and (when it has no diagram) lays out a BPMN file. */
export async function readBpmn(input: Uint8Array | string): Promise<ReadModel> {
	const text = guard(input);
	const { rootElement, warnings } = await parse(text);
	const fatal = warnings.find((w) =>
		/unparsable content|unexpected end|closing tag/i.test(w.message)
	);
	if (fatal) refuse('models_error_malformed');
	const definitions = rootElement as unknown as El;
	const roots = list(definitions.rootElements);
	const processes = roots.filter((r) => r.$instanceOf('bpmn:Process'));
	const collaborations = roots.filter((r) => r.$instanceOf('bpmn:Collaboration'));
	if (!processes.length && !collaborations.length) refuse('models_error_no_process');

	const counts: ModelCounts = {
		participants: 0,
		lanes: 0,
		tasks: 0,
		subProcesses: 0,
		gateways: 0,
		events: 0,
		sequenceFlows: 0
	};
	const performers: ModelPerformer[] = [];
	const steps: ModelStep[] = [];
	const participantOf = new Map<string, El>();
	for (const c of collaborations) {
		for (const p of list(c.participants)) {
			counts.participants++;
			const ref = p.processRef as El | undefined;
			if (ref?.id) participantOf.set(ref.id, p);
		}
	}

	// lane of each flow node: the innermost lane listing it
	const laneOf = new Map<string, string>();
	const walkLanes = (laneSets: El[]) => {
		for (const set of laneSets) {
			for (const lane of list(set.lanes)) {
				counts.lanes++;
				const children = lane.childLaneSet ? [lane.childLaneSet as El] : [];
				const hasChildren = children.some((s) => list(s.lanes).length > 0);
				if (!hasChildren && lane.id) {
					performers.push({ id: lane.id, name: nameOf(lane), kind: 'lane' });
				}
				for (const node of list(lane.flowNodeRef)) if (node.id) laneOf.set(node.id, lane.id!);
				walkLanes(children);
			}
		}
	};

	const walk = (container: El, inherited: string | null) => {
		for (const el of list(container.flowElements)) {
			const lane = (el.id && laneOf.get(el.id)) || inherited;
			if (el.$instanceOf('bpmn:Task')) {
				counts.tasks++;
				steps.push({ id: el.id!, name: nameOf(el), type: el.$type, laneId: lane });
			} else if (el.$instanceOf('bpmn:SubProcess')) {
				counts.subProcesses++;
				walk(el, lane);
			} else if (el.$instanceOf('bpmn:CallActivity')) {
				counts.subProcesses++;
				steps.push({ id: el.id!, name: nameOf(el), type: el.$type, laneId: lane });
			} else if (el.$instanceOf('bpmn:Gateway')) counts.gateways++;
			else if (el.$instanceOf('bpmn:Event')) counts.events++;
			else if (el.$instanceOf('bpmn:SequenceFlow')) counts.sequenceFlows++;
		}
	};

	for (const process of processes) {
		const before = performers.length;
		walkLanes(list(process.laneSets));
		const participant = process.id ? participantOf.get(process.id) : undefined;
		const hasLanes = performers.length > before;
		if (participant?.id && !hasLanes) {
			performers.push({ id: participant.id, name: nameOf(participant), kind: 'participant' });
		}
		walk(process, hasLanes ? null : (participant?.id ?? null));
	}

	const hasDiagram = list(definitions.diagrams).some(
		(d) => list((d.plane as El | undefined)?.planeElement).length > 0
	);
	let xml = text;
	let laidOut = false;
	if (!hasDiagram) {
		try {
			xml = await layoutProcess(text);
			laidOut = true;
		} catch {
			// kept without a diagram: the page lists its tasks instead
		}
	}
	return {
		xml,
		counts,
		performers,
		steps,
		hasDiagram: hasDiagram || laidOut,
		laidOut,
		warnings: warnings.map((w) => w.message)
	};
}
