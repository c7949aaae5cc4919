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
		case 'guest':
			// what their scope opens (guests/scope.ts)
			return '/guest';
		default:
			return '/';
	}
}
