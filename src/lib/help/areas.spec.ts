import { describe, expect, it } from 'vitest';
import { HELP_AREAS, helpPathFor, isHelpArea } from './areas';
import { SAMPLES } from './samples';
import { existsSync } from 'node:fs';
import path from 'node:path';

describe('help', () => {
	it('links each area page to its help, and anything else to the overview', () => {
		expect(helpPathFor('/goals/kpi/12')).toBe('/help/goals');
		expect(helpPathFor('/initiatives/3')).toBe('/help/programme');
		expect(helpPathFor('/knowledge/documents')).toBe('/help/caf');
		expect(helpPathFor('/admin/adoption')).toBe('/help/adoption');
		expect(helpPathFor('/')).toBe('/help');
		expect(helpPathFor('/my')).toBe('/help');
	});

	it('knows its areas', () => {
		expect(HELP_AREAS).toHaveLength(7);
		expect(isHelpArea('costs')).toBe(true);
		expect(isHelpArea('constructor')).toBe(false);
	});

	it('offers only sample files that exist', () => {
		for (const s of SAMPLES) expect(existsSync(path.resolve('static/samples', s.file))).toBe(true);
	});
});
