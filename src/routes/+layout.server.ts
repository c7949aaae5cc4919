import { capabilitiesOf } from '$lib/server/auth/permissions';
import type { LayoutServerLoad } from './$types';

// Every page gets who is signed in and what they may do, so the UI can mirror the server's
// decisions. The server still checks each load and action itself.
export const load: LayoutServerLoad = ({ locals }) => ({
	user: locals.user,
	capabilities: locals.user ? capabilitiesOf(locals.user.role) : []
});
