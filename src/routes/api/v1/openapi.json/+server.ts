import { json } from '@sveltejs/kit';
import { version } from '$app/environment';
import { openApiDocument } from '$lib/server/api/openapi';
import type { RequestHandler } from './$types';

// The description holds no data, so tools may fetch it without a token (as API portals expect).
export const GET: RequestHandler = ({ url }) =>
	json(openApiDocument(version, `${url.origin}/api/v1`));
