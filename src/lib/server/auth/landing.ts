import type { Role } from '../db/schema';

/** Where each role starts after signing in; everyone can still reach the overview. */
export function landingPath(role: Role): string {
	switch (role) {
		case 'finance':
			return '/costs';
		case 'project_manager':
			return '/programme';
		case 'process_owner':
			return '/my';
		case 'hr':
			return '/people';
		default:
			return '/';
	}
}
