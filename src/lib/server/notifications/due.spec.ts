import { describe, expect, it } from 'vitest';
import { todayInPrague } from '../shared/clock';
import {
	addDays,
	isDigestDay,
	isHoliday,
	isWorkingDay,
	isoWeek,
	managersOf,
	noticesFor,
	cafScoresOwed,
	isEscalated,
	savingsOwed,
	stageDates,
	type DueItem,
	type DueKind
} from './due';

const item = (dueDate: string, ownerId = 7): DueItem => ({
	kind: 'kpi_actual',
	key: `kpi:1:${dueDate}`,
	ownerId,
	title: () => 'K-1',
	dueDate,
	path: '/goals/kpi/1?period=2026-03#record'
});
const settings = { daysBefore: 3, daysAfter: 1, escalateAfter: 7 };
const noManager = () => [];

describe('calendar', () => {
	it('adds days over month ends and the leap day', () => {
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
		expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
		expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
	});

	it('knows Czech holidays, Easter included', () => {
		expect(isHoliday('2026-04-03')).toBe(true); // Good Friday 2026
		expect(isHoliday('2026-04-06')).toBe(true); // Easter Monday 2026
		expect(isHoliday('2027-03-29')).toBe(true); // Easter Monday 2027
		expect(isHoliday('2026-10-28')).toBe(true);
		expect(isHoliday('2026-04-07')).toBe(false);
		expect(isWorkingDay('2026-12-05')).toBe(false); // Saturday
		expect(isWorkingDay('2026-12-07')).toBe(true); // Monday
	});

	it('counts ISO weeks at year ends', () => {
		expect(isoWeek('2026-12-31')).toBe('2026-W53');
		expect(isoWeek('2027-01-03')).toBe('2026-W53');
		expect(isoWeek('2027-01-04')).toBe('2027-W01');
		expect(isoWeek('2024-12-30')).toBe('2025-W01');
	});

	it('sends the digest on the first working day of the week', () => {
		expect(isDigestDay('2026-12-07')).toBe(true); // Monday
		expect(isDigestDay('2026-12-08')).toBe(false);
		expect(isDigestDay('2026-04-06')).toBe(false); // Easter Monday
		expect(isDigestDay('2026-04-07')).toBe(true); // so Tuesday
		expect(isDigestDay('2026-12-06')).toBe(false); // Sunday
	});

	it('takes the day in Prague, not in UTC', () => {
		// 23:30 UTC on Sunday 6 December is already Monday in Prague.
		expect(isDigestDay(todayInPrague(new Date('2026-12-06T23:30:00Z')))).toBe(true);
		// 22:30 UTC on 30 June (summer time, UTC+2) is 1 July.
		expect(todayInPrague(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
	});
});

describe('stage dates', () => {
	it('moves a reminder before a weekend to the Friday and one after it to the Monday', () => {
		// Due Tuesday 8 Dec 2026: 3 days before is Saturday 5 → Friday 4.
		expect(stageDates('2026-12-08', settings).before).toBe('2026-12-04');
		// Due Friday 4 Dec: 1 day after is Saturday 5 → Monday 7.
		expect(stageDates('2026-12-04', settings).after).toBe('2026-12-07');
	});

	it('crosses month ends, the leap day and Christmas', () => {
		// Due Thursday 2 March 2028: 3 days back crosses the leap day to Monday 28 February.
		expect(stageDates('2028-03-02', settings).before).toBe('2028-02-28');
		expect(stageDates('2028-03-01', { ...settings, daysBefore: 1 }).before).toBe('2028-02-29');
		// Due 23 Dec 2026: a day after is the 24th, Christmas runs to the 26th, then Sunday.
		expect(stageDates('2026-12-23', settings).after).toBe('2026-12-28');
		expect(stageDates('2026-12-31', settings).escalation).toBe('2027-01-07');
	});
});

describe('notices', () => {
	it('reminds the owner before the due date, once per stage date', () => {
		const notices = noticesFor([item('2026-12-10')], '2026-12-07', settings, noManager);
		expect(notices).toEqual([
			expect.objectContaining({
				stage: 'before',
				recipientId: 7,
				stageDate: '2026-12-07',
				dedupeKey: 'before:7:kpi:1:2026-12-10:2026-12-07'
			})
		]);
		// Still due on the next days (same key: the job table keeps it to one).
		const next = noticesFor([item('2026-12-10')], '2026-12-09', settings, noManager);
		expect(next.map((n) => n.dedupeKey)).toEqual(['before:7:kpi:1:2026-12-10:2026-12-07']);
		// Not yet, and not on the due day itself.
		expect(noticesFor([item('2026-12-10')], '2026-12-04', settings, noManager)).toEqual([]);
		expect(noticesFor([item('2026-12-10')], '2026-12-10', settings, noManager)).toEqual([]);
	});

	it('reminds after and escalates to the manager once overdue long enough', () => {
		const managers = () => [3];
		expect(
			noticesFor([item('2026-12-01')], '2026-12-02', settings, managers).map((n) => n.stage)
		).toEqual(['after']);
		const late = noticesFor([item('2026-12-01')], '2026-12-08', settings, managers);
		expect(late.map((n) => [n.stage, n.recipientId])).toEqual([
			['after', 7],
			['escalation', 3]
		]);
	});

	it('is silent at weekends and about stale stages', () => {
		expect(noticesFor([item('2026-12-01')], '2026-12-05', settings, () => [3])).toEqual([]);
		expect(noticesFor([item('2026-10-01')], '2026-12-07', settings, () => [3])).toEqual([]);
	});

	it('follows the admin setting for escalation', () => {
		const at = (escalateAfter: number) =>
			noticesFor([item('2026-12-01')], '2026-12-03', { ...settings, escalateAfter }, () => [3])
				.filter((n) => n.stage === 'escalation')
				.map((n) => n.stageDate);
		expect(at(1)).toEqual(['2026-12-02']);
		expect(at(7)).toEqual([]);
	});
});

describe('managers', () => {
	const units = [
		{ id: 1, parentId: null },
		{ id: 2, parentId: 1 },
		{ id: 3, parentId: 2 }
	];
	it('walks up the org units to the nearest manager, else the top', () => {
		const members = [
			{ userId: 10, unitId: 3, isManager: false },
			{ userId: 20, unitId: 2, isManager: true },
			{ userId: 30, unitId: null, isManager: true }
		];
		expect(managersOf(10, members, units)).toEqual([20]);
		expect(managersOf(20, members, units)).toEqual([30]);
		expect(managersOf(99, members, units)).toEqual([30]);
	});
});

describe('savings owed', () => {
	it('asks for the last ended quarter, due 30 days after it', () => {
		expect(savingsOwed('2026-12-07', null)).toEqual({ quarter: '2026-Q3', dueDate: '2026-10-30' });
		expect(savingsOwed('2026-02-15', null)).toEqual({ quarter: '2025-Q4', dueDate: '2026-01-30' });
		expect(savingsOwed('2026-12-07', '2026-09-30')).toBeNull();
		expect(savingsOwed('2026-12-07', '2026-06-30')).not.toBeNull();
	});
});

describe('review dates and CAF scores', () => {
	const of = (kind: DueKind, dueDate: string, extra: Partial<DueItem> = {}): DueItem => ({
		kind,
		key: `${kind}:1:${dueDate}`,
		ownerId: 7,
		title: () => kind,
		dueDate,
		path: '/x',
		...extra
	});
	const stages = (i: DueItem, today: string, managers = () => [3]) =>
		noticesFor([i], today, settings, managers).map((n) => `${n.stage}:${n.recipientId}`);

	it('reminds of a document review date before and after it, over a year end', () => {
		// Review due Monday 4 Jan 2027: 3 days before is Friday 1 Jan (a holiday) → Thu 31 Dec.
		const review = of('document_review', '2027-01-04');
		expect(stageDates('2027-01-04', settings).before).toBe('2026-12-31');
		expect(stages(review, '2026-12-31')).toEqual(['before:7']);
		expect(stages(review, '2027-01-01')).toEqual([]); // a holiday
		// A day after is Tuesday 5 Jan; escalation 7 days after is Monday 11 Jan.
		expect(stages(review, '2027-01-05')).toEqual(['after:7']);
		expect(stages(review, '2027-01-11')).toEqual(['after:7', 'escalation:3']);
	});

	it('reminds a CAF panel member before and after the scoring deadline, over Easter', () => {
		// Scoring due Thursday 2 April 2026; a day after is Good Friday 3 April → Tuesday 7 April
		// (Easter Monday 6 April is a holiday too).
		const caf = of('caf_score', '2026-04-02');
		expect(stageDates('2026-04-02', settings).after).toBe('2026-04-07');
		expect(stages(caf, '2026-03-30')).toEqual(['before:7']);
		expect(stages(caf, '2026-04-06')).toEqual([]);
		expect(stages(caf, '2026-04-07')).toEqual(['after:7']);
		// 7 days after is Thursday 9 April.
		expect(stages(caf, '2026-04-09')).toEqual(['after:7', 'escalation:3']);
	});

	it('escalates every kind, except an external assessor who has no manager here', () => {
		for (const kind of [
			'kpi_actual',
			'milestone',
			'initiative_savings',
			'document_review',
			'caf_score'
		] as const) {
			expect(stages(of(kind, '2026-12-01'), '2026-12-10')).toContain('escalation:3');
			expect(isEscalated(of(kind, '2026-12-01'), '2026-12-10', settings)).toBe(true);
		}
		const guest = of('caf_score', '2026-12-01', { escalate: false });
		expect(stages(guest, '2026-12-10')).toEqual(['after:7']);
		expect(isEscalated(guest, '2026-12-10', settings)).toBe(false);
	});

	it('knows which subcriteria a panel member still owes, first in the model order', () => {
		const codes = ['1.1', '1.2', '2.1'];
		expect(cafScoresOwed(codes, null)).toEqual({ missing: 3, first: '1.1' });
		expect(cafScoresOwed(codes, '1.1,2.1')).toEqual({ missing: 1, first: '1.2' });
		expect(cafScoresOwed(codes, '2.1,1.2,1.1')).toBeNull();
	});
});
