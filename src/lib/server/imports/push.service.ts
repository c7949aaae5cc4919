// Files the accounting system pushes to POST /api/v1/imports, and the clerk's side of those that
// wait. A push goes through the same pipeline as the import screen and `costs:import`
// (import-file.ts: the same per-month replace, all or nothing) and answers with the same JSON
// report as `costs:import --json`. A push that meets a code nobody has decided on (položka,
// paragraf, ORJ or ORG, with no choice saved for its source) writes no ledger line: the file is
// kept whole in import_pending and waits on /costs/import until a clerk decides the codes there
// and confirms; the import and the end of the wait commit in one transaction.
import { authorize, NO_STORE, refusalHeaders } from '../api/guard';
import * as audit from '../audit/audit';
import type { Executor } from '../audit/audit';
import type { Db } from '../db';
import { ConflictError, NotFoundError } from '../shared/errors';
import { FormReader, type Parsed } from '../shared/form';
import { FIRST_YEAR, YEARS_AHEAD } from '../shared/http';
import { currentYear, type Clock } from '../shared/clock';
import { YEARLY_COLUMNS, type YearlyColumn } from './formats/columns';
import { ENCODINGS, type EncodingChoice } from './formats/encoding';
import { FORMAT_IDS } from './registry';
import { importFile } from './import-file';
import * as repo from './pending.repository';
import { importReport, type ImportReport } from './report';
import type { ImportMode } from './replace';
import type { EntryKind, RowMessage } from './source-row';
import type { ImportOptions, ImportOutcome } from './types';

/** What a push may ask for, as query parameters (or multipart fields beside the file). */
export interface PushOptions {
	kind: EntryKind;
	year: number | null;
	yearlyColumn: YearlyColumn | null;
	format: string | null;
	mode: ImportMode | undefined;
	encoding: EncodingChoice;
}

/** The header naming a file sent as the raw body (URL-encoded when it is not ASCII). */
export const FILE_NAME_HEADER = 'x-file-name';

/** `kind`, `year`, `column`, `format`, `mode`, `encoding`; each optional. */
export function parsePushOptions(
	fields: Record<string, unknown>,
	lastYear = currentYear() + YEARS_AHEAD
): Parsed<PushOptions> {
	const f = new FormReader(fields);
	const kind = f.choice('kind', ['actual', 'budget'] as const, { required: false }) ?? 'actual';
	const yearText = f.raw('year');
	const year = yearText ? Number(yearText) : null;
	if (year !== null && !(Number.isInteger(year) && year >= FIRST_YEAR && year <= lastYear)) {
		f.errors.year = 'error_number_range';
	}
	const yearlyColumn = f.choice('column', YEARLY_COLUMNS, { required: false });
	const format = f.choice('format', ['auto', ...FORMAT_IDS] as const, { required: false });
	const mode = f.choice('mode', ['replace', 'append'] as const, { required: false }) ?? undefined;
	const encoding = f.choice('encoding', ['auto', ...ENCODINGS] as const, { required: false });
	return f.result({
		kind,
		year,
		yearlyColumn,
		format: format === 'auto' ? null : format,
		mode,
		encoding: encoding ?? 'auto'
	});
}

export interface PushedFile {
	name: string;
	bytes: Uint8Array;
	/** the query parameters and, for multipart, the other fields */
	fields: Record<string, string>;
}

/** Why a request carries no file the pipeline can take: answered 400 or 413. */
export class PushRequestError extends Error {
	constructor(
		readonly status: 400 | 413,
		readonly error: string
	) {
		super(error);
	}
}

/**
 * The file of a push: `multipart/form-data` with the file in the field `file`, or the file as the
 * raw body with its name in the `X-File-Name` header. Options come from the query string (and,
 * for multipart, fields beside the file).
 */
export async function readPush(request: Request, url: URL): Promise<PushedFile> {
	const fields: Record<string, string> = Object.fromEntries(url.searchParams);
	try {
		if ((request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) {
			const form = await request.formData();
			const file = form.get('file');
			for (const [key, value] of form) if (typeof value === 'string') fields[key] = value;
			if (!(file instanceof File)) throw new PushRequestError(400, 'file_missing');
			return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), fields };
		}
		const header = request.headers.get(FILE_NAME_HEADER);
		if (!header) throw new PushRequestError(400, 'file_name_missing');
		let name = header;
		try {
			name = decodeURIComponent(header);
		} catch {
			// Not URL-encoded: the name as sent.
		}
		return { name, bytes: new Uint8Array(await request.arrayBuffer()), fields };
	} catch (e) {
		if (e instanceof PushRequestError) throw e;
		// A body over the route's limit never gets here: hooks.server.ts answers 413 first.
		throw new PushRequestError(400, 'bad_body');
	}
}

/**
 * POST /api/v1/imports from the request to the answer: an import token (scope costs_import) whose
 * user may import, or 401/403 with nothing read; then the file, its options, and the push. A
 * browser session does not count, so no page can be made to push.
 */
export async function pushRequest(
	db: Db,
	request: Request,
	url: URL,
	text: (m: RowMessage) => string
): Promise<{ status: number; body: unknown; headers: Record<string, string> }> {
	const auth = await authorize(
		db,
		request.headers.get('authorization'),
		null,
		'costs.import',
		'costs_import'
	);
	if (!auth.ok || !('tokenId' in auth.user)) {
		const refused = auth.ok ? { status: 401 as const, error: 'unauthorized' } : auth;
		const headers = refusalHeaders(refused.status);
		return { status: refused.status, body: { error: refused.error }, headers };
	}
	let file: PushedFile;
	try {
		file = await readPush(request, url);
	} catch (e) {
		if (!(e instanceof PushRequestError)) throw e;
		return { status: e.status, body: { error: e.error }, headers: NO_STORE };
	}
	const options = parsePushOptions(file.fields);
	if (!options.ok) {
		const errors = Object.fromEntries(
			Object.entries(options.errors).map(([field, key]) => [field, text({ line: 0, key })])
		);
		return { status: 400, body: { error: 'bad_request', errors }, headers: NO_STORE };
	}
	const pusher = { id: auth.user.id, tokenId: auth.user.tokenId };
	const answer = await push(db, pusher, file, options.value, text);
	return { ...answer, headers: NO_STORE };
}

export type PushAnswer =
	| { status: 201 | 409 | 422; body: ImportReport }
	| { status: 202; body: ImportReport & { status: 'pending'; pendingId: number } };

/**
 * Imports a pushed file, or keeps it waiting when it has codes nobody has decided on: 201 imported
 * (the batch id in the report), 202 waiting (the pending id; the same file pushed again while it
 * waits answers with the same id), 409 the same file already imported, 422 refused (bad rows;
 * nothing written).
 */
export async function push(
	db: Db,
	pusher: { id: number; tokenId: number },
	file: PushedFile,
	options: PushOptions,
	text: (m: RowMessage) => string,
	clock?: Clock
): Promise<PushAnswer> {
	const outcome = await importFile(db, pusher.id, file.bytes, {
		...options,
		fileName: file.name,
		source: 'api',
		stopOnUnknown: true,
		allowUnmapped: false,
		clock
	});
	const report = importReport(outcome, file.name, text);
	if (outcome.status === 'imported') return { status: 201, body: report };
	if (outcome.status === 'duplicate') return { status: 409, body: report };
	if (outcome.status !== 'undecided') return { status: 422, body: report };
	const pendingId = await keepWaiting(db, pusher, file, options, outcome);
	return { status: 202, body: { ...report, status: 'pending', pendingId } };
}

async function keepWaiting(
	db: Db,
	pusher: { id: number; tokenId: number },
	file: PushedFile,
	options: PushOptions,
	outcome: ImportOutcome
): Promise<number> {
	const { validation, read } = outcome;
	const undecided = validation.unknown
		.filter((u) => !u.choice)
		.map((u) => ({ field: u.field, code: u.code, count: u.count, amount: u.amount.toString() }));
	return db.transaction().execute(async (trx) => {
		const same = await repo.findWaitingByHash(trx, validation.hash);
		if (same) return same.id;
		const { id } = await repo.insert(trx, {
			file_name: file.name.slice(0, 255),
			format: read.format,
			content: Buffer.from(file.bytes),
			content_hash: validation.hash,
			options: JSON.stringify(options),
			unknown: JSON.stringify(undecided),
			rows_read: validation.rowsRead,
			pushed_by: pusher.id,
			token_id: pusher.tokenId
		});
		await audit.record(trx, {
			userId: pusher.id,
			action: 'costs.import_pending',
			entity: 'import_pending',
			entityId: id,
			after: { fileName: file.name, format: read.format, hash: validation.hash, undecided }
		});
		return id;
	});
}

export interface Waiting {
	id: number;
	fileName: string;
	format: string;
	options: PushOptions;
	unknown: { field: string; code: string; count: number; amount: bigint }[];
	rowsRead: number;
	pushedAt: Date;
	pushedBy: string | null;
	version: number;
}

const parsed = <T>(value: unknown): T =>
	(typeof value === 'string' ? JSON.parse(value) : value) as T;

/** The pushed files waiting for a clerk, oldest first. */
export async function waiting(db: Executor): Promise<Waiting[]> {
	const rows = await repo.waiting(db);
	return rows.map((r) => ({
		id: r.id,
		fileName: r.file_name,
		format: r.format,
		options: parsed<PushOptions>(r.options),
		unknown: parsed<{ field: string; code: string; count: number; amount: string }[]>(
			r.unknown
		).map((u) => ({ ...u, amount: BigInt(u.amount) })),
		rowsRead: r.rows_read,
		pushedAt: r.pushed_at,
		pushedBy: r.pushed_by_name,
		version: r.version
	}));
}

/**
 * A waiting file previewed or imported by a clerk, with the choices made on /costs/import: the
 * import options the push asked for, the batch from source `api`. The import ends the wait in its
 * own transaction; a file imported or discarded meanwhile is a ConflictError and nothing is
 * written. NotFoundError when no such file waits.
 */
export async function finish(
	db: Db,
	actorId: number,
	id: number,
	choices: Pick<ImportOptions, 'mappings' | 'dryRun' | 'confirmDuplicate' | 'clock'>
): Promise<{ outcome: ImportOutcome; fileName: string }> {
	const row = await repo.findWaiting(db, id);
	if (!row?.content) throw new NotFoundError('import_pending');
	const options = parsed<PushOptions>(row.options);
	const outcome = await importFile(db, actorId, new Uint8Array(row.content), {
		...options,
		...choices,
		fileName: row.file_name,
		source: 'api',
		onWritten: async (trx, batchId) => {
			const locked = await repo.lockById(trx, id);
			if (locked.status !== 'pending') throw new ConflictError({ status: locked.status });
			await repo.resolve(trx, id, actorId, { status: 'imported', batchId });
			await audit.record(trx, {
				userId: actorId,
				action: 'costs.import_pending_done',
				entity: 'import_pending',
				entityId: id,
				before: { status: 'pending' },
				after: { status: 'imported', batchId }
			});
		}
	});
	return { outcome, fileName: row.file_name };
}

/** Drops a waiting file (the clerk will not import it); its bytes go, the record stays. */
export async function discard(db: Db, actorId: number, id: number, version: number): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const row = await repo.lockById(trx, id);
		if (row.version !== version || row.status !== 'pending') {
			throw new ConflictError({ status: row.status });
		}
		await repo.resolve(trx, id, actorId, { status: 'discarded' });
		await audit.record(trx, {
			userId: actorId,
			action: 'costs.import_pending_discard',
			entity: 'import_pending',
			entityId: id,
			before: { status: 'pending', fileName: row.file_name },
			after: { status: 'discarded' }
		});
	});
}
