import { redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { landingPath } from '$lib/server/auth/landing';
import * as adoption from '$lib/server/adoption/adoption.service';
import { getDb } from '$lib/server/db';
import { systemClock } from '$lib/server/shared/clock';
import type { RequestHandler } from './$types';

/** Dismisses the first-visit guide for good and goes back to the page it was shown on. */
export const POST: RequestHandler = async ({ request }) => {
	const user = requireUser();
	await adoption.dismissGuide(getDb(), user.id, systemClock);
	const back = String((await request.formData()).get('back') ?? '');
	// Only a path of this app, never another site.
	redirect(303, /^\/(?!\/)/.test(back) ? back : landingPath(user.role));
};
