import { requireUser } from '$lib/server/auth/guard';
import { landingPath } from '$lib/server/auth/landing';
import * as adoption from '$lib/server/adoption/adoption.service';
import { getDb } from '$lib/server/db';
import type { LayoutServerLoad } from './$types';

// A layout guard alone is not enough (layouts are skipped on client navigation): every page
// below calls requireUser/requireCapability in its own load as well.
export const load: LayoutServerLoad = async ({ locals }) => {
	const user = requireUser();
	// A guest's first page lists what they may open; the staff guide is not for them.
	if (user.role === 'guest') return { guide: null, areas: null };
	// The first-visit guide shows on the user's landing page until they dismiss it; the navigation
	// shows the areas the pilot has switched on for the user's unit.
	const { guideDismissed, areas } = await adoption.layoutFor(getDb(), user, locals.dataVersion);
	return {
		guide: guideDismissed ? null : { landing: landingPath(user.role), role: user.role },
		areas
	};
};
