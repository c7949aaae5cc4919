import { describe, expect, it } from 'vitest';
import { parseAction, parseRound, parseScore } from './caf.validation';

describe('CAF form parsers', () => {
	it('refuses a score outside 0–100 or not whole, and accepts the edges', () => {
		expect(parseScore({ score: '101' }, false, 0)).toEqual({
			ok: false,
			errors: { score: 'caf_error_score' }
		});
		expect(parseScore({ score: '-1' }, false, 0).ok).toBe(false);
		expect(parseScore({ score: '50,5' }, false, 0).ok).toBe(false);
		expect(parseScore({ score: '' }, false, 0)).toEqual({
			ok: false,
			errors: { score: 'error_required' }
		});
		const ok = parseScore({ score: '100', strengths: ' Jasná vize ' }, false, 0);
		expect(ok).toEqual({
			ok: true,
			value: {
				score: 100,
				phases: null,
				strengths: 'Jasná vize',
				improvements: null,
				evidence: null
			}
		});
	});
	it('reads the fine-tuned phases', () => {
		const r = parseScore({ phase0: '10', phase1: '20', phase2: '30', phase3: '40' }, true, 4);
		expect(r.ok && r.value.phases).toEqual([10, 20, 30, 40]);
		expect(parseScore({ phase0: '10', phase1: '120' }, true, 2).ok).toBe(false);
	});
	it('refuses a timetable out of order', () => {
		const r = parseRound(
			{
				name: 'CAF 2026',
				startDate: '2026-03-01',
				scoringDue: '2026-02-01',
				consensusDue: '2026-04-01',
				endDate: '2026-05-01',
				scoringMode: 'classic',
				leaderId: '1'
			},
			[]
		);
		expect(r).toEqual({ ok: false, errors: { endDate: 'caf_error_timetable' } });
	});
	it('refuses impact or effort outside 1–3', () => {
		const r = parseAction({ subcriterionCode: '1.1', title: 'x', impact: '4', effort: '0' });
		expect(r).toEqual({ ok: false, errors: { impact: 'error_choice', effort: 'error_choice' } });
	});
});
