import { describe, expect, it } from 'vitest';
import { parseInvite } from './guests.validation';

const today = '2026-03-31';
const form = {
	email: ' Hodnotitel@Kraj.Example ',
	displayName: 'Externí hodnotitel',
	purpose: 'assessor',
	expiresOn: '2026-04-30'
};

describe('parseInvite', () => {
	it('takes an address, a name, an end date and the objects', () => {
		const parsed = parseInvite(form, { cafRounds: ['3', '3', 'x'], processes: [] }, today);
		expect(parsed).toEqual({
			ok: true,
			value: {
				email: 'hodnotitel@kraj.example',
				displayName: 'Externí hodnotitel',
				purpose: 'assessor',
				expiresOn: '2026-04-30',
				cafRounds: [3],
				processes: [],
				councilReport: false,
				mayScore: false
			}
		});
	});

	it('needs at least one object, and scoring needs a CAF round', () => {
		const none = parseInvite({ ...form, mayScore: 'on' }, { cafRounds: [], processes: [] }, today);
		expect(none.ok).toBe(false);
		if (!none.ok) {
			expect(none.errors.scope).toBe('guests_error_scope_empty');
			expect(none.errors.mayScore).toBe('guests_error_score_without_round');
		}
		const report = parseInvite(
			{ ...form, councilReport: 'on' },
			{ cafRounds: [], processes: [] },
			today
		);
		expect(report.ok).toBe(true);
	});

	it('ends after today and within a year, across the year end', () => {
		const lists = { cafRounds: [], processes: ['7'] };
		const at = (expiresOn: string, on = today) => parseInvite({ ...form, expiresOn }, lists, on);
		const error = (p: ReturnType<typeof at>) => (p.ok ? null : p.errors.expiresOn);
		expect(error(at(today))).toBe('guests_error_expiry_past');
		expect(error(at('2026-04-01'))).toBeNull();
		expect(error(at('2027-04-01'))).toBeNull();
		expect(error(at('2027-04-02'))).toBe('guests_error_expiry_far');
		expect(error(at('2027-12-31', '2026-12-31'))).toBeNull();
		expect(error(at('2028-01-02', '2026-12-31'))).toBe('guests_error_expiry_far');
		expect(error(at('31. 4. 2026'))).toBe('error_date');
	});

	it('refuses an address without a domain and a purpose off the list', () => {
		const parsed = parseInvite(
			{ ...form, email: 'nobody', purpose: 'boss' },
			{ cafRounds: ['1'], processes: [] },
			today
		);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) {
			expect(parsed.errors.email).toBe('guests_error_email');
			expect(parsed.errors.purpose).toBe('error_choice');
		}
	});
});
