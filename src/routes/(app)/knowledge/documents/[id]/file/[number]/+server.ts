import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import * as documents from '$lib/server/knowledge/documents.service';
import { contentDisposition } from '$lib/server/knowledge/disposition';

import { routeId, found } from '$lib/server/shared/http';
import type { RequestHandler } from './$types';

/** One version of a document's file, for its readers only, always as a download. */
export const GET: RequestHandler = async ({ params }) => {
	const user = requireUser();
	const file = await found(
		documents.download(getDb(), user, routeId(params.id), routeId(params.number))
	);
	return new Response(file.content, {
		headers: {
			'content-type': file.mimeType,
			'content-disposition': contentDisposition(file.fileName),
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store'
		}
	});
};
