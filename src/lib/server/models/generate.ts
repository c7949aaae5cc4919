// Writes a BPMN 2.0 file with a diagram from a plain outline: one pool, its lanes top to bottom,
// the tasks in order from a start to an end event, each task in its lane. The demo seed draws the
// demo town's models with it, and tests make large models with it.

export interface OutlineTask {
	id: string;
	name: string;
	lane: string;
}

export interface ModelOutline {
	processId: string;
	name: string;
	lanes: { id: string; name: string }[];
	tasks: OutlineTask[];
}

const esc = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const LANE_HEIGHT = 140;
const STEP = 150;
const LEFT = 160;

export function outlineToXml(o: ModelOutline): string {
	const laneIndex = new Map(o.lanes.map((l, i) => [l.id, i]));
	const nodes = [
		{ id: `${o.processId}_start`, lane: o.tasks[0]?.lane ?? o.lanes[0].id, kind: 'start' },
		...o.tasks.map((t) => ({ ...t, kind: 'task' })),
		{ id: `${o.processId}_end`, lane: o.tasks.at(-1)?.lane ?? o.lanes[0].id, kind: 'end' }
	];
	const flows = nodes.slice(1).map((n, i) => ({
		id: `${o.processId}_f${i + 1}`,
		from: nodes[i],
		to: n
	}));
	const width = LEFT + nodes.length * STEP;
	const height = o.lanes.length * LANE_HEIGHT;
	const y = (lane: string) => 40 + (laneIndex.get(lane) ?? 0) * LANE_HEIGHT;
	const box = (n: { kind: string; lane: string }, i: number) =>
		n.kind === 'task'
			? { x: LEFT + i * STEP, y: y(n.lane) + 30, w: 100, h: 80 }
			: { x: LEFT + i * STEP + 32, y: y(n.lane) + 52, w: 36, h: 36 };
	const boxes = nodes.map(box);
	const out: string[] = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="Definitions_' +
			o.processId +
			'" targetNamespace="http://dilna.example/bpmn" exporter="Dílna">',
		`  <bpmn:collaboration id="${o.processId}_collaboration">`,
		`    <bpmn:participant id="${o.processId}_pool" name="${esc(o.name)}" processRef="${o.processId}" />`,
		'  </bpmn:collaboration>',
		`  <bpmn:process id="${o.processId}" isExecutable="false">`,
		`    <bpmn:laneSet id="${o.processId}_lanes">`
	];
	for (const lane of o.lanes) {
		out.push(`      <bpmn:lane id="${lane.id}" name="${esc(lane.name)}">`);
		for (const n of nodes) {
			if (n.lane === lane.id) out.push(`        <bpmn:flowNodeRef>${n.id}</bpmn:flowNodeRef>`);
		}
		out.push('      </bpmn:lane>');
	}
	out.push('    </bpmn:laneSet>');
	for (const n of nodes) {
		if (n.kind === 'start') out.push(`    <bpmn:startEvent id="${n.id}" />`);
		else if (n.kind === 'end') out.push(`    <bpmn:endEvent id="${n.id}" />`);
		else out.push(`    <bpmn:task id="${n.id}" name="${esc((n as OutlineTask).name)}" />`);
	}
	for (const f of flows) {
		out.push(
			`    <bpmn:sequenceFlow id="${f.id}" sourceRef="${f.from.id}" targetRef="${f.to.id}" />`
		);
	}
	out.push('  </bpmn:process>');
	out.push(`  <bpmndi:BPMNDiagram id="${o.processId}_diagram">`);
	out.push(
		`    <bpmndi:BPMNPlane id="${o.processId}_plane" bpmnElement="${o.processId}_collaboration">`
	);
	out.push(
		`      <bpmndi:BPMNShape id="${o.processId}_pool_di" bpmnElement="${o.processId}_pool" isHorizontal="true"><dc:Bounds x="40" y="40" width="${width}" height="${height}" /></bpmndi:BPMNShape>`
	);
	o.lanes.forEach((lane) => {
		out.push(
			`      <bpmndi:BPMNShape id="${lane.id}_di" bpmnElement="${lane.id}" isHorizontal="true"><dc:Bounds x="70" y="${y(lane.id)}" width="${width - 30}" height="${LANE_HEIGHT}" /></bpmndi:BPMNShape>`
		);
	});
	nodes.forEach((n, i) => {
		const b = boxes[i];
		out.push(
			`      <bpmndi:BPMNShape id="${n.id}_di" bpmnElement="${n.id}"><dc:Bounds x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" /></bpmndi:BPMNShape>`
		);
	});
	flows.forEach((f, i) => {
		const a = boxes[i];
		const b = boxes[i + 1];
		const ay = a.y + a.h / 2;
		const by = b.y + b.h / 2;
		const mid = a.x + a.w + (b.x - a.x - a.w) / 2;
		const points =
			ay === by
				? [
						[a.x + a.w, ay],
						[b.x, by]
					]
				: [
						[a.x + a.w, ay],
						[mid, ay],
						[mid, by],
						[b.x, by]
					];
		out.push(
			`      <bpmndi:BPMNEdge id="${f.id}_di" bpmnElement="${f.id}">${points.map(([x, yy]) => `<di:waypoint x="${x}" y="${yy}" />`).join('')}</bpmndi:BPMNEdge>`
		);
	});
	out.push('    </bpmndi:BPMNPlane>', '  </bpmndi:BPMNDiagram>', '</bpmn:definitions>', '');
	return out.join('\n');
}

/** A large model for load tests: `tasks` tasks spread over five lanes. */
export function generatedModel(tasks: number): string {
	const lanes = Array.from({ length: 5 }, (_, i) => ({
		id: `Lane_${i + 1}`,
		name: `Role ${i + 1}`
	}));
	return outlineToXml({
		processId: 'Generated',
		name: 'Generated',
		lanes,
		tasks: Array.from({ length: tasks }, (_, i) => ({
			id: `Task_${i + 1}`,
			name: `Task ${i + 1}`,
			lane: lanes[i % lanes.length].id
		}))
	});
}
