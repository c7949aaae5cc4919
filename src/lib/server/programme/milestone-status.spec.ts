import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, milestoneStatus, realSlipDays, slipDays } from './milestone-status';

const today = '2026-03-10';

describe('milestoneStatus', () => {
	it('is done whenever a done date is set, even if it was late', () => {
		expect(milestoneStatus({ currentDue: '2026-01-01', doneDate: '2026-02-01' }, today)).toBe(
			'done'
		);
	});
	it('is late the day after the due date, not on the due date', () => {
		expect(milestoneStatus({ currentDue: '2026-03-09', doneDate: null }, today)).toBe('late');
		expect(milestoneStatus({ currentDue: '2026-03-10', doneDate: null }, today)).toBe('at_risk');
	});
	it('is at risk when due within 14 days, on track from day 15', () => {
		expect(milestoneStatus({ currentDue: '2026-03-24', doneDate: null }, today)).toBe('at_risk');
		expect(milestoneStatus({ currentDue: '2026-03-25', doneDate: null }, today)).toBe('on_track');
	});
	it('is at risk when a predecessor is late, but not when it is done late', () => {
		const far = { currentDue: '2026-06-01', doneDate: null };
		expect(milestoneStatus(far, today, [{ currentDue: '2026-03-01', doneDate: null }])).toBe(
			'at_risk'
		);
		expect(
			milestoneStatus(far, today, [{ currentDue: '2026-03-01', doneDate: '2026-03-05' }])
		).toBe('on_track');
		expect(milestoneStatus(far, today, [{ currentDue: '2026-04-01', doneDate: null }])).toBe(
			'on_track'
		);
	});
});

describe('slip and day arithmetic', () => {
	it('counts slip as current minus baseline in calendar days, across months and leap days', () => {
		expect(slipDays({ baselineDue: '2028-02-28', currentDue: '2028-03-01' })).toBe(2);
		expect(slipDays({ baselineDue: '2026-05-31', currentDue: '2026-05-31' })).toBe(0);
		expect(slipDays({ baselineDue: '2026-06-30', currentDue: '2026-06-15' })).toBe(-15);
	});
	it('ignores daylight saving changes', () => {
		expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
		expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
	});
});

describe('real slip', () => {
	const today = '2026-06-15';
	it('counts an overdue milestone up to today, even when its due date never moved', () => {
		expect(
			realSlipDays({ baselineDue: '2026-05-31', currentDue: '2026-05-31', doneDate: null }, today)
		).toBe(15);
		expect(
			realSlipDays({ baselineDue: '2026-05-31', currentDue: '2026-06-10', doneDate: null }, today)
		).toBe(15);
	});
	it('counts an open milestone due later by its moved due date, and a done one by its done date', () => {
		expect(
			realSlipDays({ baselineDue: '2026-06-30', currentDue: '2026-07-10', doneDate: null }, today)
		).toBe(10);
		expect(
			realSlipDays({ baselineDue: '2026-06-30', currentDue: '2026-06-30', doneDate: null }, today)
		).toBe(0);
		expect(
			realSlipDays(
				{ baselineDue: '2026-05-31', currentDue: '2026-06-30', doneDate: '2026-06-02' },
				today
			)
		).toBe(2);
		expect(
			realSlipDays(
				{ baselineDue: '2026-05-31', currentDue: '2026-05-31', doneDate: '2026-05-20' },
				today
			)
		).toBe(-11);
	});
});
