import { redirect } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const user = requireCapability('users.manage', 'audit.read');
	redirect(303, can(user.role, 'users.manage') ? '/admin/users' : '/admin/audit');
};
