import { describe, expect, it } from 'vitest';
import {
	auditActionLabel,
	auditChanges,
	auditKindLabel,
	auditLink,
	auditValue
} from './audit-changes';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const kpi = { entity: 'kpi' };

describe('audit records in words', () => {
	it('reads values as people do: money, numbers, periods, dates, yes/no, status words', () => {
		expect(plain(auditValue('amount', '1234550', kpi))).toBe('12 345,50 Kč');
		expect(plain(auditValue('expectedSavingsCzk', '-500', kpi))).toBe('\u22125,00 Kč');
		expect(plain(auditValue('value', '55.5', kpi))).toBe('55,5');
		expect(auditValue('period', '2026-Q3', kpi)).toBe('3. čtvrtletí 2026');
		expect(auditValue('period', '2026-11', kpi)).toBe('listopad 2026');
		expect(plain(auditValue('dueDate', '2026-03-05', kpi))).toBe('5. 3. 2026');
		expect(auditValue('active', false, kpi)).toBe('ne');
		expect(auditValue('status', 'in_progress', { entity: 'initiative' })).toBe('v realizaci');
		expect(auditValue('role', 'process_owner', kpi)).toBe('garant procesu');
		expect(auditValue('code', '0042', kpi)).toBe('0042');
		expect(auditValue('ownerUserId', 7, { entity: 'goal', users: { '7': 'Jana' } })).toBe('Jana');
		expect(auditValue('comment', null, kpi)).toBe('—');
	});

	it('lists only what changed, labelled, without ids and versions', () => {
		expect(
			auditChanges(
				{ value: '55.5', comment: 'odhad', version: 3 },
				{ value: '58', comment: 'odhad', version: 4 },
				kpi
			)
		).toEqual([{ label: 'Hodnota', before: '55,5', after: '58' }]);
		expect(auditChanges(null, { name: 'Nový', description: null }, kpi)).toEqual([
			{ label: 'Název', before: null, after: 'Nový' }
		]);
	});

	it('names kinds and actions and links to the object', () => {
		expect(auditKindLabel('kpi')).toBe('Ukazatel výkonnosti');
		expect(auditKindLabel('something_new')).toBe('something_new');
		expect(auditActionLabel('initiative.create')).toBe('založení');
		expect(auditActionLabel('user.deactivate')).toBe('změna stavu');
		expect(auditActionLabel('costs.rollback')).toBe('vrácení importu');
		expect(auditLink('kpi', '12')).toBe('/goals/kpi/12');
		expect(auditLink('cost_entry', '12')).toBeNull();
	});
});
