import { LIMITS } from './imports/types';
import { MAX_DOCUMENT_BYTES } from './knowledge/limits';
import { MAX_BYTES as MODEL_MAX_BYTES, MAX_SVG_BYTES } from './models/limits';

/**
 * How large a request body each route takes: a sign-in is a few fields, a form a few hundred
 * kilobytes at most, and only the import screens take a file (LIMITS.maxFileSize and the form
 * around it). adapter-node's BODY_SIZE_LIMIT (scripts/serve.js) is the ceiling above all of them;
 * `handleBodyLimit` in hooks.server.ts applies these below it, before the route reads a byte.
 */
export const BODY_LIMITS = {
	signIn: 16 * 1024,
	form: 1024 * 1024,
	import: LIMITS.maxFileSize + 1024 * 1024,
	/** a BPMN model (uploaded, or saved from the modeler with its SVG picture) and its form */
	model: MODEL_MAX_BYTES + MAX_SVG_BYTES + 1024 * 1024,
	/** a knowledge base document (a new one or a new version) and its form */
	document: MAX_DOCUMENT_BYTES + 1024 * 1024
} as const;

/** Routes that take an uploaded file. */
const IMPORT_ROUTES = [
	/^\/costs\/import\/?$/,
	/^\/goals\/import\/?$/,
	/^\/people\/import\/?$/,
	/^\/api\/v1\/imports\/?$/
];
const MODEL_ROUTE = /^\/processes\/\d+\/model\/?$/;
const DOCUMENT_ROUTE = /^\/knowledge\/documents(\/\d+)?\/?$/;

export function bodyLimitFor(pathname: string): number {
	if (pathname === '/login' || pathname === '/login/') return BODY_LIMITS.signIn;
	if (IMPORT_ROUTES.some((r) => r.test(pathname))) return BODY_LIMITS.import;
	if (MODEL_ROUTE.test(pathname)) return BODY_LIMITS.model;
	if (DOCUMENT_ROUTE.test(pathname)) return BODY_LIMITS.document;
	return BODY_LIMITS.form;
}

/**
 * How much of a refused body is still read and dropped before the 413 goes out. The sender is
 * usually still sending; were the connection cut under it (a cancelled body destroys the socket)
 * it would see a reset instead of the refusal. Past this much the rest is left unread and the
 * answer closes the connection: adapter-node's ceiling (52 MB) is below it, so only a body the
 * adapter has already refused gets there.
 */
export const DRAIN_LIMIT = 64 * 1024 * 1024;

/**
 * A request that does not say its length (chunked), read whole up to `limit` bytes: the same
 * request with the body in memory, or null once more than `limit` bytes have come (the caller
 * answers 413, the rest of the body read and dropped: `discardBody`). Read here, before the route,
 * because a route that parses the body itself (`request.formData()` in a form action) turns a cut
 * stream into a 500.
 */
export async function readWithin(
	request: Request,
	limit: number,
	drainLimit = DRAIN_LIMIT
): Promise<Request | null> {
	if (!request.body) return request;
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let seen = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		seen += value.byteLength;
		if (seen > limit) {
			await discard(reader, drainLimit - seen);
			return null;
		}
		chunks.push(value);
	}
	const body = new Uint8Array(seen);
	let at = 0;
	for (const c of chunks) {
		body.set(c, at);
		at += c.byteLength;
	}
	return new Request(request, { body });
}

/** The body of a request about to be refused, read and dropped up to `budget` bytes. */
export async function discardBody(request: Request, budget = DRAIN_LIMIT): Promise<void> {
	if (request.body && !request.bodyUsed) await discard(request.body.getReader(), budget);
}

async function discard(reader: ReadableStreamDefaultReader<Uint8Array>, budget: number) {
	try {
		while (budget >= 0) {
			const { done, value } = await reader.read();
			if (done) return;
			budget -= value.byteLength;
		}
	} catch {
		// The stream failed (the adapter's ceiling, the sender gone): nothing more comes.
		return;
	}
	// Over budget: stop reading, but never cancel: cancelling destroys the socket before the 413.
	reader.releaseLock();
}

/** `1048576` → `1 MB`, `16384` → `16 kB`, for the message. */
export function sizeText(bytes: number): string {
	return bytes >= 1024 * 1024
		? `${Math.round(bytes / 1024 / 1024)} MB`
		: `${Math.round(bytes / 1024)} kB`;
}
