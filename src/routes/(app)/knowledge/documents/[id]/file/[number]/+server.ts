import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import * as documents from '$lib/server/knowledge/documents.service';
import { contentDisposition } from '$lib/server/knowledge/disposition';
import { ForbiddenError, NotFoundError } from '$lib/server/shared/errors';
import { routeId } from '$lib/server/shared/http';
import type { RequestHandler } from './$types';

/** One version of a document's file, for its readers only, always as a download. */
export const GET: RequestHandler = async ({ params }) => {
	const user = requireUser();
	try {
		const file = await documents.download(
			getDb(),
			user,
			routeId(params.id),
			routeId(params.number)
		);
		return new Response(file.content, {
			headers: {
				'content-type': file.mimeType,
				'content-disposition': contentDisposition(file.fileName),
				'x-content-type-options': 'nosniff',
				'cache-control': 'private, no-store'
			}
		});
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: 'not found' });
		if (e instanceof ForbiddenError) error(403, { message: 'forbidden' });
		throw e;
	}
};
