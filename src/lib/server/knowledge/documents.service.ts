import { CAF_CODES } from '$lib/caf/model';
import type { Executor } from '../audit/audit';
import { can } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db';
import { ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import { assertActiveUser } from '../shared/references';
import { auditedAs, createAudited, editAudited, type EditRecord } from '../shared/versioned';
import { extractText } from './extract';
import { checkFile } from './file-type';
import * as repo from './knowledge.repository';
import type { DocumentDetail, DocumentInput, DocumentSummary, Upload } from './knowledge';

const change = auditedAs('document');

type Row = Awaited<ReturnType<ReturnType<typeof repo.documents>['execute']>>[number];

/** Confidential documents: their owner and `knowledge.read_confidential` only. */
function mayRead(actor: SessionUser, doc: { confidential: boolean; owner_user_id: number }) {
	return (
		can(actor.role, 'read') &&
		(!doc.confidential ||
			doc.owner_user_id === actor.id ||
			can(actor.role, 'knowledge.read_confidential'))
	);
}

/** Any document with `knowledge.edit`; one's own with `knowledge.edit_own`. */
export function mayEdit(actor: SessionUser, ownerId: number | null): boolean {
	return (
		can(actor.role, 'knowledge.edit') ||
		(can(actor.role, 'knowledge.edit_own') && ownerId === actor.id)
	);
}

/** Staff names: roles that edit the knowledge base or read names anyway. */
function seesNames(actor: SessionUser) {
	return (
		can(actor.role, 'knowledge.edit') ||
		can(actor.role, 'knowledge.edit_own') ||
		can(actor.role, 'people.read_names')
	);
}

function summary(actor: SessionUser, r: Row): DocumentSummary {
	return {
		id: r.id,
		title: r.title,
		ownerUserId: r.owner_user_id,
		ownerName: seesNames(actor) ? r.owner_name : null,
		confidential: r.confidential,
		validFrom: r.valid_from,
		validTo: r.valid_to,
		reviewDate: r.review_date,
		files: r.files ?? 0,
		version: r.version
	};
}

export async function list(db: Executor, actor: SessionUser): Promise<DocumentSummary[]> {
	const rows = await repo.documents(db).execute();
	return rows.filter((r) => mayRead(actor, r)).map((r) => summary(actor, r));
}

async function readable(db: Executor, actor: SessionUser, id: number): Promise<Row> {
	const row = await repo.documents(db).where('d.id', '=', id).executeTakeFirst();
	if (!row) throw new NotFoundError('document');
	if (!mayRead(actor, row)) throw new ForbiddenError('document');
	return row;
}

export async function get(db: Executor, actor: SessionUser, id: number): Promise<DocumentDetail> {
	const row = await readable(db, actor, id);
	const [links, files] = await Promise.all([repo.documentLinks(db, id), repo.files(db, id)]);
	return {
		...summary(actor, row),
		description: row.description,
		processIds: links.flatMap((l) => (l.process_id ? [l.process_id] : [])),
		assetIds: links.flatMap((l) => (l.asset_id ? [l.asset_id] : [])),
		subcriterionCodes: links.flatMap((l) => (l.subcriterion_code ? [l.subcriterion_code] : [])),
		links: links.map((l) =>
			l.subcriterion_code
				? { kind: 'caf' as const, id: l.subcriterion_code, code: l.subcriterion_code, name: '' }
				: {
						kind: l.process_id ? ('process' as const) : ('asset' as const),
						id: (l.process_id ?? l.asset_id)!,
						code: l.code ?? '',
						name: l.name ?? ''
					}
		),
		fileList: files.map((f) => ({
			number: f.number,
			fileName: f.file_name,
			mimeType: f.mime_type,
			size: f.size,
			textExtracted: f.text_extracted,
			uploadedAt: f.uploaded_at,
			uploadedByName: seesNames(actor) ? f.uploaded_by_name : null
		})),
		canEdit: mayEdit(actor, row.owner_user_id)
	};
}

/** A version's bytes for download: only for a reader of the document. */
export async function download(
	db: Executor,
	actor: SessionUser,
	id: number,
	number: number | null
) {
	await readable(db, actor, id);
	const file = await repo.fileContent(db, id, number);
	if (!file) throw new NotFoundError('document_file');
	return {
		fileName: file.file_name,
		mimeType: file.mime_type,
		number: file.number,
		content: new Uint8Array(file.content)
	};
}

/** The upload checked by its content and its text read; refused whole when it is not acceptable. */
async function readUpload(upload: Upload) {
	const check = checkFile(upload.fileName, upload.bytes);
	if (!check.ok) throw new ValidationError({ file: check.error });
	const text = await extractText(check.type, upload.bytes);
	return { mimeType: check.mime, text };
}

async function checkInput(trx: Executor, actor: SessionUser, input: DocumentInput) {
	if (!mayEdit(actor, input.ownerUserId)) {
		// A process owner records documents they own, not someone else's.
		if (can(actor.role, 'knowledge.edit_own')) {
			throw new ValidationError({ ownerUserId: 'knowledge_error_owner_self' });
		}
		throw new ForbiddenError('knowledge.edit');
	}
	await assertActiveUser(trx, input.ownerUserId, 'ownerUserId');
	if ((await repo.countExisting(trx, 'process', input.processIds)) !== input.processIds.length) {
		throw new ValidationError({ processIds: 'error_choice' });
	}
	if ((await repo.countExisting(trx, 'info_asset', input.assetIds)) !== input.assetIds.length) {
		throw new ValidationError({ assetIds: 'error_choice' });
	}
	if (input.subcriterionCodes.some((code) => !CAF_CODES.includes(code))) {
		throw new ValidationError({ subcriterionCodes: 'error_choice' });
	}
}

function columns(input: DocumentInput) {
	return {
		title: input.title,
		description: input.description,
		owner_user_id: input.ownerUserId,
		confidential: input.confidential,
		valid_from: input.validFrom,
		valid_to: input.validTo,
		review_date: input.reviewDate
	};
}

function view(r: {
	title: string;
	owner_user_id: number;
	confidential: boolean;
	valid_from: string | null;
	valid_to: string | null;
	review_date: string | null;
	description: string | null;
}) {
	return {
		title: r.title,
		description: r.description,
		ownerUserId: r.owner_user_id,
		confidential: r.confidential,
		validFrom: r.valid_from,
		validTo: r.valid_to,
		reviewDate: r.review_date
	};
}

/**
 * A new document with its first file (version 1): the file's type is checked by its content and
 * must match its name, its text is extracted for the search. Nothing is written when refused.
 */
export async function create(
	db: Db,
	actor: SessionUser,
	input: DocumentInput,
	upload: Upload
): Promise<number> {
	if (!can(actor.role, 'knowledge.edit') && !can(actor.role, 'knowledge.edit_own')) {
		throw new ForbiddenError('knowledge.edit');
	}
	const file = await readUpload(upload);
	return db.transaction().execute(async (trx) => {
		await checkInput(trx, actor, input);
		const row = await createAudited(trx, 'document', {
			change: change(actor, 'create'),
			values: { ...columns(input), body_text: file.text ?? '' },
			view: (r) => ({ ...view(r), links: links(input), file: upload.fileName })
		});
		await repo.replaceLinks(trx, row.id, input);
		await repo.insertFile(trx, row.id, {
			fileName: upload.fileName,
			mimeType: file.mimeType,
			bytes: upload.bytes,
			textExtracted: file.text !== null,
			uploadedBy: actor.id
		});
		return row.id;
	});
}

function links(input: DocumentInput) {
	return {
		processIds: input.processIds,
		assetIds: input.assetIds,
		subcriterionCodes: input.subcriterionCodes
	};
}

/** Edits a document's card and links (its owner, or `knowledge.edit`). */
export const update: EditRecord<DocumentInput> = async (db, actor, id, version, input) => {
	await db.transaction().execute(async (trx) => {
		await editAudited(trx, 'document', id, version, {
			change: change(actor, 'update'),
			view,
			guard: (before) => {
				if (!mayEdit(actor, before.owner_user_id)) throw new ForbiddenError('knowledge.edit');
			},
			check: () => checkInput(trx, actor, input),
			values: () => columns(input),
			after: () => ({ ...input })
		});
		await repo.replaceLinks(trx, id, input);
	});
};

/**
 * A new version of the document's file: the older versions are kept (and stay downloadable);
 * the search reads the new one's text from now on.
 */
export async function addVersion(
	db: Db,
	actor: SessionUser,
	id: number,
	version: number,
	upload: Upload
): Promise<number> {
	const file = await readUpload(upload);
	let number = 0;
	await editAudited(db, 'document', id, version, {
		change: change(actor, 'version'),
		view: (r) => ({ title: r.title }),
		current: view,
		guard: (before) => {
			if (!mayEdit(actor, before.owner_user_id)) throw new ForbiddenError('knowledge.edit');
		},
		check: async (trx) => {
			number = await repo.insertFile(trx, id, {
				fileName: upload.fileName,
				mimeType: file.mimeType,
				bytes: upload.bytes,
				textExtracted: file.text !== null,
				uploadedBy: actor.id
			});
		},
		values: () => ({ body_text: file.text ?? '' }),
		after: () => ({ file: upload.fileName, number })
	});
	return number;
}

/** The actor's documents past their review date, for the worklist `/my`. */
export async function reviewsDue(db: Executor, actor: SessionUser, today: string) {
	return (await repo.reviewsDue(db, actor.id, today)).map((r) => ({
		id: r.id,
		title: r.title,
		reviewDate: r.review_date!
	}));
}

export const linkOptions = repo.linkOptions;
