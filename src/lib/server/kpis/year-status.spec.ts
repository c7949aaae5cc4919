import { describe, expect, it } from 'vitest';
import type { KpiPeriod } from './kpis';
import { latestIn, yearStatuses } from './year-status';

function period(p: string, actual: string | null, status: KpiPeriod['status'] = 'no_data') {
	return {
		period: p,
		target: '10',
		targetMax: null,
		tolerance: '1',
		targetVersion: null,
		actual,
		comment: null,
		recordedBy: null,
		recordedAt: null,
		actualVersion: null,
		status: actual === null ? 'no_data' : status
	} satisfies KpiPeriod;
}

describe('latestIn', () => {
	const yearly = [period('2023', '5', 'off_target'), period('2024', '11', 'on_target')];
	it('takes the latest actual of the year or the year before', () => {
		expect(latestIn(yearly, 2024)?.period).toBe('2024');
		expect(latestIn(yearly, 2025)?.period).toBe('2024');
	});
	it('shows nothing once the latest actual is older than the year before', () => {
		expect(latestIn(yearly, 2026)).toBeNull();
	});
	it('ignores periods after the year', () => {
		expect(latestIn(yearly, 2023)?.period).toBe('2023');
	});
});

describe('yearStatuses', () => {
	it('gives every year from the first to two after the last, with the status it shows', () => {
		const statuses = yearStatuses([
			period('2023', '5', 'off_target'),
			period('2024', '11', 'on_target')
		]);
		expect(statuses.map((s) => [s.year, s.latest?.status ?? null])).toEqual([
			[2023, 'off_target'],
			[2024, 'on_target'],
			[2025, 'on_target'],
			[2026, null]
		]);
	});

	it('keeps the recorded periods among the last twelve as the sparkline', () => {
		const months: KpiPeriod[] = [];
		for (const y of [2024, 2025]) {
			for (let mo = 1; mo <= 12; mo++) {
				const p = `${y}-${String(mo).padStart(2, '0')}`;
				// 2025 is recorded up to June; the rest of 2025 carries targets only.
				months.push(period(p, y === 2025 && mo > 6 ? null : String(mo), 'on_target'));
			}
		}
		const y2025 = yearStatuses(months).find((s) => s.year === 2025)!;
		expect(y2025.recent.map((r) => r.period)).toEqual([
			'2025-01',
			'2025-02',
			'2025-03',
			'2025-04',
			'2025-05',
			'2025-06'
		]);
		expect(y2025.latest?.period).toBe('2025-06');
		const y2024 = yearStatuses(months).find((s) => s.year === 2024)!;
		expect(y2024.recent).toHaveLength(12);
		expect(y2024.recent[0]).toEqual({ period: '2024-01', actual: '1', status: 'on_target' });
	});

	it('has nothing for a KPI without targets or actuals', () => {
		expect(yearStatuses([])).toEqual([]);
	});
});
