import { describe, expect, it } from 'vitest';
import { KPI_STATUSES } from './kpi-status';
import { ROLES } from './server/auth/permissions';
import { INITIATIVE_STATUSES } from './initiative-statuses';
import {
	initiativeStatusLabel,
	kpiStatusLabels,
	roleLabels,
	statusClass,
	statusLabel,
	statusLook
} from './status-labels';

describe('status labels', () => {
	it('words every role a user can be given, and only those', () => {
		expect(Object.keys(roleLabels)).toEqual([...ROLES]);
	});

	it('gives each KPI and goal status one Czech word', () => {
		expect(KPI_STATUSES.map(statusLabel)).toEqual(['plněno', 'v toleranci', 'neplněno', 'bez dat']);
		expect(KPI_STATUSES.map((s) => kpiStatusLabels[s]())).toEqual(KPI_STATUSES.map(statusLabel));
		expect(statusLabel('unknown')).toBe('bez dat');
		expect(KPI_STATUSES.map(statusClass)).toEqual(['ok', 'warn', 'bad', 'none']);
	});

	it('words milestones and initiatives by their own statuses, in one place', () => {
		expect(statusLook('milestone', 'late')).toEqual({ label: 'po termínu', tone: 'bad' });
		expect(statusLook('milestone', 'done')).toEqual({ label: 'splněno', tone: 'ok' });
		expect(statusLook('initiative', 'approved')).toEqual({ label: 'schváleno', tone: 'warn' });
		expect(INITIATIVE_STATUSES.map(initiativeStatusLabel)).toEqual([
			'navrženo',
			'schváleno',
			'v realizaci',
			'dokončeno',
			'zrušeno'
		]);
		expect(initiativeStatusLabel('archived')).toBe('archived');
		// A KPI badge is the default.
		expect(statusLook('kpi', 'off_target')).toEqual({ label: 'neplněno', tone: 'bad' });
	});
});
