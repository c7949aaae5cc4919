import { describe, expect, it } from 'vitest';
import { ALL_ROLES, can, capabilitiesOf, isRole, ROLES } from './permissions';

// The role table of DOMAIN.md: everyone signed in reads; writing follows the role.
describe('role → capability table', () => {
	it('lets every role read, and a viewer nothing else', () => {
		for (const role of ROLES) expect(can(role, 'read')).toBe(true);
		expect(capabilitiesOf('viewer')).toEqual(['read', 'names.read']);
	});

	it('gives costs, imports and allocation keys to finance and admin only', () => {
		for (const capability of ['costs.edit', 'costs.import', 'allocation.edit'] as const) {
			expect(ROLES.filter((r) => can(r, capability))).toEqual(['admin', 'finance']);
		}
	});

	it('lets only managers approve initiatives', () => {
		expect(ROLES.filter((r) => can(r, 'initiatives.approve'))).toEqual(['manager']);
	});

	it('gives goals and targets to managers, process owners only their own cards and actuals', () => {
		expect(ROLES.filter((r) => can(r, 'goals.edit'))).toEqual(['admin', 'manager']);
		expect(ROLES.filter((r) => can(r, 'kpi_targets.edit'))).toEqual(['admin', 'manager']);
		expect(can('process_owner', 'processes.edit')).toBe(false);
		expect(can('process_owner', 'processes.edit_own')).toBe(true);
		expect(can('process_owner', 'kpi_actuals.record_own')).toBe(true);
		expect(can('process_owner', 'kpi_actuals.record')).toBe(false);
	});

	it('gives the programme to the project manager, users and settings to the admin', () => {
		expect(ROLES.filter((r) => can(r, 'programme.edit'))).toEqual(['admin', 'project_manager']);
		expect(ROLES.filter((r) => can(r, 'users.manage'))).toEqual(['admin']);
		expect(ROLES.filter((r) => can(r, 'settings.manage'))).toEqual(['admin']);
	});

	it('gives a guest reading only (their scope is checked by requireUser), and no role select', () => {
		expect(capabilitiesOf('guest')).toEqual(['read']);
		expect(isRole('guest')).toBe(false);
		expect(ALL_ROLES).toContain('guest');
	});

	it('grants nothing without a role and recognises only the six roles', () => {
		expect(can(null, 'read')).toBe(false);
		expect(isRole('manager')).toBe(true);
		expect(isRole('superuser')).toBe(false);
		expect(isRole(undefined)).toBe(false);
	});
});
