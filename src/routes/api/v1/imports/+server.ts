import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { t } from '$lib/server/i18n';
import * as pushes from '$lib/server/imports/push.service';
import type { RequestHandler } from './$types';

// The accounting system pushes a file (push.service.ts: token scope, the file, the pipeline).
export const POST: RequestHandler = async ({ request, url }) => {
	const answer = await pushes.pushRequest(getDb(), request, url, (m) => t(m.key, { ...m.params }));
	return json(answer.body, { status: answer.status, headers: answer.headers });
};
