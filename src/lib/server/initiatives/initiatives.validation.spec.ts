import { describe, expect, it } from 'vitest';
import { parseBudget, parseInitiative, parseSaving, parseStatus } from './initiatives.validation';

const TODAY = '2026-06-15';

describe('parseSaving', () => {
	it('needs a period and evidence', () => {
		const r = parseSaving({ amount: '5 000', evidence: '' }, TODAY);
		expect(r).toEqual({
			ok: false,
			errors: { periodFrom: 'programme_error_period_required', evidence: 'error_required' }
		});
	});
	it('turns months into the first and last day, one month when no end is given', () => {
		expect(
			parseSaving({ periodFrom: '2026-02', amount: '1 234,50', evidence: 'x' }, TODAY)
		).toEqual({
			ok: true,
			value: {
				periodStart: '2026-02-01',
				periodEnd: '2026-02-28',
				amount: 123450n,
				hours: '0',
				evidence: 'x'
			}
		});
		const q = parseSaving(
			{ periodFrom: '2026-01', periodTo: '2026-03', hours: '12,5', evidence: 'x' },
			TODAY
		);
		expect(q.ok && q.value).toMatchObject({ periodEnd: '2026-03-31', hours: '12.5', amount: 0n });
	});
	it('refuses a reversed or future period, negative amounts and empty savings', () => {
		const r = parseSaving(
			{ periodFrom: '2026-05', periodTo: '2026-03', amount: '-1', evidence: 'x' },
			TODAY
		);
		expect(r.ok ? null : r.errors).toEqual({
			periodTo: 'programme_error_period_order',
			amount: 'programme_error_negative'
		});
		const future = parseSaving({ periodFrom: '2026-07', amount: '1', evidence: 'x' }, TODAY);
		expect(future.ok ? null : future.errors).toEqual({
			periodFrom: 'programme_error_period_future'
		});
		const empty = parseSaving({ periodFrom: '2026-01', evidence: 'x' }, TODAY);
		expect(empty.ok ? null : empty.errors).toEqual({ amount: 'programme_error_saving_empty' });
	});
});

describe('parseBudget and parseInitiative', () => {
	it('refuses a negative budget and an impossible year', () => {
		expect(parseBudget({ year: '2026', amount: '-100' })).toEqual({
			ok: false,
			errors: { amount: 'programme_error_negative' }
		});
		expect(parseBudget({ year: '26', amount: '100' })).toEqual({
			ok: false,
			errors: { year: 'programme_error_year' }
		});
		expect(parseBudget({ year: '2027', amount: '450 000' })).toEqual({
			ok: true,
			value: { year: 2027, amount: 45_000_000n }
		});
	});
	it('normalises the code and parses money and hours', () => {
		const r = parseInitiative({
			code: 'ini-13',
			name: 'Nové',
			expectedCzk: '120 000',
			expectedHours: '1 800',
			valuationOrgUnitId: '3'
		});
		expect(r.ok && r.value).toMatchObject({
			code: 'INI-13',
			expectedCzk: 12_000_000n,
			expectedHours: '1800',
			valuationOrgUnitId: 3,
			ownerUserId: null
		});
		const bad = parseInitiative({ code: 'INI 13', name: '', expectedHours: '1.234' });
		expect(bad.ok ? null : bad.errors).toEqual({
			code: 'programme_error_code',
			name: 'error_required',
			expectedHours: 'programme_error_hours'
		});
	});
	it('accepts only known statuses', () => {
		expect(parseStatus('in_progress')).toBe('in_progress');
		expect(parseStatus('approved ')).toBeNull();
	});
});
