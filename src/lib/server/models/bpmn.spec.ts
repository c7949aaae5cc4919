import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../shared/errors';
import { MAX_BYTES, readBpmn } from './bpmn';
import { generatedModel } from './generate';

const fixture = (name: string) => readFileSync(`tests/fixtures/bpmn/${name}`);

async function refusal(input: Uint8Array | string): Promise<string> {
	try {
		await readBpmn(input);
	} catch (e) {
		if (e instanceof ValidationError) return e.errors.file;
		throw e;
	}
	throw new Error('accepted');
}

describe('readBpmn', () => {
	it('counts a pool with lanes and lists the lanes and the tasks in them', async () => {
		const m = await readBpmn(fixture('lanes.bpmn'));
		expect(m.counts).toEqual({
			participants: 1,
			lanes: 2,
			tasks: 3,
			subProcesses: 0,
			gateways: 1,
			events: 2,
			sequenceFlows: 6
		});
		expect(m.performers.map((p) => p.id)).toEqual(['LaneClerk', 'LaneHead']);
		expect(m.steps).toEqual([
			{ id: 'Receive', name: 'Přijmout žádost', type: 'bpmn:UserTask', laneId: 'LaneClerk' },
			{ id: 'Check', name: 'Ověřit v registru', type: 'bpmn:ServiceTask', laneId: 'LaneClerk' },
			{ id: 'Sign', name: 'Podepsat rozhodnutí', type: 'bpmn:Task', laneId: 'LaneHead' }
		]);
		expect(m.hasDiagram).toBe(true);
		expect(m.laidOut).toBe(false);
	});

	it('reads pools, nested lanes and a black-box participant', async () => {
		const m = await readBpmn(fixture('collaboration.bpmn'));
		expect(m.counts).toEqual({
			participants: 3,
			lanes: 4,
			tasks: 4,
			subProcesses: 0,
			gateways: 2,
			events: 4,
			sequenceFlows: 9
		});
		expect(m.performers.map((p) => `${p.kind}:${p.id}`)).toEqual([
			'participant:Citizen',
			'lane:Desk',
			'lane:ArchiveScan',
			'lane:ArchiveStore'
		]);
		expect(Object.fromEntries(m.steps.map((s) => [s.id, s.laneId]))).toEqual({
			Send: 'Citizen',
			Register: 'Desk',
			Scan: 'ArchiveScan',
			Store: 'ArchiveStore'
		});
	});

	it('walks into sub-processes and counts call activities and transactions with them', async () => {
		const m = await readBpmn(fixture('subprocess.bpmn'));
		expect(m.counts).toMatchObject({ tasks: 3, subProcesses: 4, events: 7, sequenceFlows: 10 });
		expect(m.steps.map((s) => s.id)).toEqual(['Visit', 'Write', 'Decide', 'Remind']);
	});

	it('counts every event and gateway kind', async () => {
		const m = await readBpmn(fixture('events.bpmn'));
		expect(m.counts).toMatchObject({ tasks: 1, events: 9, gateways: 3, sequenceFlows: 10 });
	});

	it('lays out a model without a diagram', async () => {
		const m = await readBpmn(fixture('no-diagram.bpmn'));
		expect(m.laidOut).toBe(true);
		expect(m.hasDiagram).toBe(true);
		expect(m.xml).toContain('BPMNShape');
		expect(m.counts).toMatchObject({ tasks: 3, gateways: 1, events: 2, sequenceFlows: 6 });
		const again = await readBpmn(m.xml);
		expect(again.laidOut).toBe(false);
		expect(again.counts).toEqual(m.counts);
	});

	it('refuses malformed XML, other XML, DTD entities, empty and oversize files', async () => {
		expect(await refusal(fixture('malformed.bpmn'))).toBe('models_error_malformed');
		expect(await refusal(fixture('not-bpmn.xml'))).toBe('models_error_not_bpmn');
		expect(await refusal(fixture('entity.bpmn'))).toBe('models_error_entity');
		expect(await refusal('')).toBe('models_error_empty');
		expect(await refusal('plain text, no xml')).toBe('models_error_malformed');
		expect(await refusal(new Uint8Array(MAX_BYTES + 1))).toBe('models_error_too_large');
	});

	it('reads a 2,000-element model in under 2 s', async () => {
		const xml = generatedModel(1000);
		const started = performance.now();
		const m = await readBpmn(xml);
		const ms = performance.now() - started;
		const total =
			m.counts.tasks +
			m.counts.events +
			m.counts.gateways +
			m.counts.sequenceFlows +
			m.counts.lanes;
		expect(total).toBeGreaterThanOrEqual(2000);
		expect(ms).toBeLessThan(2000);
		console.info(`2,000-element model read in ${Math.round(ms)} ms (${total} elements)`);
	});
});
