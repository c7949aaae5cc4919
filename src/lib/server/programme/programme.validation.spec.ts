import { describe, expect, it } from 'vitest';
import { isDate } from '../shared/form';
import { monthToDate, parseMilestone, parseRisk } from './programme.validation';

describe('programme form parsing', () => {
	it('accepts only real calendar dates', () => {
		expect(isDate('2026-02-28')).toBe(true);
		expect(isDate('2026-02-30')).toBe(false);
		expect(isDate('28. 2. 2026')).toBe(false);
	});
	it('finds the last day of a month, leap years included', () => {
		expect(monthToDate('2028-02', true)).toBe('2028-02-29');
		expect(monthToDate('2026-12')).toBe('2026-12-01');
		expect(monthToDate('2026-13')).toBeNull();
	});
	it('parses a milestone edit and reports every bad field', () => {
		expect(
			parseMilestone({ name: ' Audit ', currentDue: '2026-05-31', doneDate: '', ownerUserId: '4' })
		).toEqual({
			ok: true,
			value: {
				name: 'Audit',
				ownerUserId: 4,
				deliverable: null,
				currentDue: '2026-05-31',
				doneDate: null,
				notes: null,
				slipReason: null
			}
		});
		expect(parseMilestone({ name: '', currentDue: '2026-02-31', ownerUserId: 'x' })).toEqual({
			ok: false,
			errors: {
				name: 'error_required',
				currentDue: 'error_date',
				ownerUserId: 'error_choice'
			}
		});
	});
	it('keeps risk scales within 1–5', () => {
		const r = parseRisk({ description: 'Riziko', probability: '6', impact: '0', status: 'open' });
		expect(r.ok ? null : r.errors).toEqual({
			probability: 'programme_error_scale',
			impact: 'programme_error_scale'
		});
		const ok = parseRisk({ description: 'Riziko', probability: '2', impact: '5' });
		expect(ok.ok && ok.value).toMatchObject({ probability: 2, impact: 5, status: 'open' });
	});
});
