import { requireUser } from '$lib/server/auth/guard';
import type { LayoutServerLoad } from './$types';

// A layout guard alone is not enough (layouts are skipped on client navigation): every page
// below calls requireUser/requireCapability in its own load as well.
export const load: LayoutServerLoad = () => {
	requireUser();
	return {};
};
