import { describe, expect, it } from 'vitest';
import { parseGoal, parseLink, parseOverride } from './goals.validation';

describe('goal forms', () => {
	it('reads a goal and refuses an end before the start', () => {
		expect(
			parseGoal({
				code: 'c1.4',
				name: ' Nový cíl ',
				level: 'objective',
				parentId: '2',
				startYear: '2026',
				endYear: '2028',
				lifecycle: 'active'
			})
		).toEqual({
			ok: true,
			value: {
				code: 'C1.4',
				name: 'Nový cíl',
				level: 'objective',
				parentId: 2,
				ownerId: null,
				description: null,
				startYear: 2026,
				endYear: 2028,
				lifecycle: 'active'
			}
		});
		expect(
			parseGoal({
				code: 'X',
				name: 'x',
				level: 'goal',
				startYear: '2027',
				endYear: '2026',
				lifecycle: 'active'
			})
		).toEqual({
			ok: false,
			errors: { level: 'error_choice', endYear: 'goals_error_years' }
		});
	});

	it('keeps weights within 1–100', () => {
		expect(parseLink({ processId: '3', weight: '100' })).toEqual({
			ok: true,
			value: { processId: 3, weight: 100 }
		});
		expect(parseLink({ processId: '3', weight: '0' })).toEqual({
			ok: false,
			errors: { weight: 'goals_error_weight' }
		});
		expect(parseLink({ processId: '3', weight: '12,5' })).toEqual({
			ok: false,
			errors: { weight: 'goals_error_weight' }
		});
	});

	it('needs a comment for an override, not for clearing it', () => {
		expect(parseOverride({ override: 'off_target', overrideComment: '' })).toEqual({
			ok: false,
			errors: { overrideComment: 'goals_error_override_comment' }
		});
		expect(parseOverride({ override: '', overrideComment: 'staré' })).toEqual({
			ok: true,
			value: { override: null, comment: null }
		});
	});
});
