import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engines, type TestDb } from './harness';
import * as build from '../builders';
import { docx, pdf, png } from '../builders/files';
import * as caf from '../../src/lib/server/caf/caf.service';
import * as documents from '../../src/lib/server/knowledge/documents.service';
import * as findings from '../../src/lib/server/knowledge/findings.service';
import * as knowledge from '../../src/lib/server/knowledge/knowledge.service';
import type { DocumentInput, FindingInput } from '../../src/lib/server/knowledge/knowledge';
import { sql } from 'kysely';
import { ConflictError, ForbiddenError, ValidationError } from '../../src/lib/server/shared/errors';
import type { SessionUser } from '../../src/lib/server/auth/session';
import type { Role } from '../../src/lib/server/db/schema';

class Rollback extends Error {}
const text = (segments: { text: string }[]) => segments.map((s) => s.text).join('');

describe.each(engines)('knowledge base documents and findings on %s', (engine) => {
	let t: TestDb;
	const u: Record<string, SessionUser> = {};
	let processId = 0;

	async function user(username: string, role: Role) {
		const id = await build.user(t.db, { username, role });
		u[username] = { id, username, displayName: username, role };
	}

	const input = (over: Partial<DocumentInput> = {}): DocumentInput => ({
		title: 'Směrnice o spisové službě',
		description: null,
		ownerUserId: u.garant.id,
		confidential: false,
		validFrom: '2026-01-01',
		validTo: null,
		reviewDate: '2026-06-30',
		processIds: [processId],
		assetIds: [],
		subcriterionCodes: ['4.4'],
		...over
	});

	const count = async (table: 'document' | 'document_file' | 'audit_event') =>
		Number(
			(
				await t.db
					.selectFrom(table)
					.select((eb) => eb.fn.countAll().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);

	beforeAll(async () => {
		t = await createTestDb(engine);
		await user('boss', 'manager');
		await user('garant', 'process_owner');
		await user('jiny', 'process_owner');
		await user('ekonom', 'finance');
		await user('host', 'viewer');
		processId = await build.process(t.db, { code: 'P-SPIS', name: 'Spisová služba' });
	});
	afterAll(() => t.destroy());

	it('stores versions of a document, keeps the older ones and searches the current text', async () => {
		const id = await documents.create(t.db, u.garant, input(), {
			fileName: 'smernice.pdf',
			bytes: pdf('Archivace dokumentu podle skartacniho planu')
		});
		expect(await knowledge.search(t.db, u.host, 'skartacni')).toMatchObject([
			{ kind: 'document', id, href: `/knowledge/documents/${id}` }
		]);
		const v2 = await documents.addVersion(t.db, u.garant, id, 1, {
			fileName: 'smernice-2026.docx',
			bytes: docx('Elektronická úřední deska a datové schránky')
		});
		expect(v2).toBe(2);
		const doc = await documents.get(t.db, u.host, id);
		expect(doc.fileList.map((f) => [f.number, f.fileName, f.textExtracted])).toEqual([
			[2, 'smernice-2026.docx', true],
			[1, 'smernice.pdf', true]
		]);
		expect(doc.links.map((l) => l.code)).toEqual(['P-SPIS', '4.4']);
		// The search reads the current version; the older file stays downloadable, byte for byte.
		expect(await knowledge.search(t.db, u.host, 'skartacni')).toEqual([]);
		expect((await knowledge.search(t.db, u.host, 'datove schranky'))[0].id).toBe(id);
		const old = await documents.download(t.db, u.host, id, 1);
		expect(old.mimeType).toBe('application/pdf');
		expect(Buffer.from(old.content).toString('latin1')).toContain('skartacniho');
		expect((await documents.download(t.db, u.host, id, null)).number).toBe(2);
		// A stale form is refused; the audit log holds the creation and the new version.
		await expect(
			documents.addVersion(t.db, u.garant, id, 1, { fileName: 'x.png', bytes: png() })
		).rejects.toBeInstanceOf(ConflictError);
		const log = await t.db
			.selectFrom('audit_event')
			.select('action')
			.where('entity', '=', 'document')
			.where('entity_id', '=', String(id))
			.orderBy('id')
			.execute();
		expect(log.map((l) => l.action)).toEqual(['document.create', 'document.version']);
	});

	it('refuses a file whose content does not match its name, an unknown type or an empty file, writing nothing', async () => {
		const before = [
			await count('document'),
			await count('document_file'),
			await count('audit_event')
		];
		const refused = async (fileName: string, bytes: Uint8Array) => {
			const e = await documents
				.create(t.db, u.garant, input({ title: fileName }), { fileName, bytes })
				.catch((x: unknown) => x);
			expect(e).toBeInstanceOf(ValidationError);
			return (e as ValidationError).errors.file;
		};
		expect(await refused('smernice.pdf', docx('Word v přestrojení'))).toBe(
			'knowledge_error_file_mismatch'
		);
		expect(await refused('obrazek.jpg', png())).toBe('knowledge_error_file_mismatch');
		expect(await refused('skript.pdf', new TextEncoder().encode('#!/bin/sh\nrm -rf /'))).toBe(
			'knowledge_error_file_type'
		);
		expect(await refused('program.exe', pdf('MZ'))).toBe('knowledge_error_file_type');
		expect(await refused('prazdny.pdf', new Uint8Array())).toBe('imports_error_empty_file');
		expect(await refused('velky.pdf', new Uint8Array(10 * 1024 * 1024 + 1).fill(0x25))).toBe(
			'knowledge_error_file_size'
		);
		expect([
			await count('document'),
			await count('document_file'),
			await count('audit_event')
		]).toEqual(before);
	});

	it('serves a confidential document to its owner and managers only, and lets owners edit only their own', async () => {
		const id = await documents.create(
			t.db,
			u.boss,
			input({ title: 'Zpráva z auditu', confidential: true, ownerUserId: u.garant.id }),
			{
				fileName: 'audit.pdf',
				bytes: pdf('Nalezene neshody v pokladne')
			}
		);
		for (const reader of [u.garant, u.boss]) {
			expect((await documents.download(t.db, reader, id, null)).fileName).toBe('audit.pdf');
			expect((await knowledge.search(t.db, reader, 'neshody')).map((h) => h.id)).toEqual([id]);
		}
		for (const reader of [u.jiny, u.ekonom, u.host]) {
			await expect(documents.download(t.db, reader, id, null)).rejects.toBeInstanceOf(
				ForbiddenError
			);
			await expect(documents.get(t.db, reader, id)).rejects.toBeInstanceOf(ForbiddenError);
			expect(await knowledge.search(t.db, reader, 'neshody')).toEqual([]);
			expect((await documents.list(t.db, reader)).map((d) => d.id)).not.toContain(id);
		}
		// Another process owner may neither edit it nor add a version; nor record a document for someone else.
		await expect(
			documents.update(t.db, u.jiny, id, 1, input({ ownerUserId: u.jiny.id }))
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(
			documents.addVersion(t.db, u.jiny, id, 1, { fileName: 'a.pdf', bytes: pdf('x') })
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(
			documents.create(t.db, u.jiny, input(), { fileName: 'a.pdf', bytes: pdf('x') })
		).rejects.toBeInstanceOf(ValidationError);
		await expect(
			documents.create(t.db, u.host, input(), { fileName: 'a.pdf', bytes: pdf('x') })
		).rejects.toBeInstanceOf(ForbiddenError);
		await documents.update(
			t.db,
			u.garant,
			id,
			1,
			input({ title: 'Zpráva z auditu 2026', confidential: true })
		);
		expect((await documents.get(t.db, u.garant, id)).title).toBe('Zpráva z auditu 2026');
	});

	it("lists a document past its review date in its owner's worklist", async () => {
		const due = await documents.reviewsDue(t.db, u.garant, '2026-07-01');
		expect(due.length).toBeGreaterThan(0);
		expect(due.every((d) => d.reviewDate < '2026-07-01')).toBe(true);
		expect(await documents.reviewsDue(t.db, u.garant, '2026-06-30')).toEqual([]);
		expect(await documents.reviewsDue(t.db, u.jiny, '2027-01-01')).toEqual([]);
	});

	it('searches through the GIN index of each kind, which its triggers keep', async () => {
		// At the size the index is for (a few thousand entries, written here and rolled back).
		const plan = await t.db
			.transaction()
			.execute(async (trx) => {
				await sql`insert into search_entry (kind, ref_id, vector)
					select 'document', -i, to_tsvector('simple', 'slovo' || i) from generate_series(1, 3000) as i`.execute(
					trx
				);
				await sql`analyze search_entry`.execute(trx);
				const result = await sql
					.raw<Record<string, string>>(
						`explain select ref_id from search_entry where kind = 'document' and vector @@ to_tsquery('simple', 'archiv:*')`
					)
					.execute(trx);
				throw new Rollback(result.rows.map((r) => Object.values(r)[0]).join('\n'));
			})
			.catch((e: unknown) => (e instanceof Rollback ? e.message : Promise.reject(e)));
		expect(plan).toContain('search_entry_document_idx');
	});

	it("follows a document's edit, its confidentiality and its deletion", async () => {
		const id = await documents.create(
			t.db,
			u.garant,
			input({ title: 'Směrnice o oběhu účetních dokladů', processIds: [] }),
			{ fileName: 'obeh.pdf', bytes: pdf('Podpisove vzory a likvidace faktur') }
		);
		expect((await knowledge.search(t.db, u.host, 'obehu ucetnich')).map((h) => h.id)).toEqual([id]);
		await documents.update(
			t.db,
			u.garant,
			id,
			1,
			input({ title: 'Pravidla schvalování plateb', processIds: [] })
		);
		expect(await knowledge.search(t.db, u.host, 'obehu ucetnich')).toEqual([]);
		const renamed = await knowledge.search(t.db, u.host, 'schvalovani plateb');
		expect(renamed.map((h) => [h.id, text(h.title)])).toEqual([
			[id, 'Pravidla schvalování plateb']
		]);
		// the file's text is still searched under the new title
		expect((await knowledge.search(t.db, u.host, 'likvidace')).map((h) => h.id)).toEqual([id]);

		// made confidential: its owner still finds it, other readers no longer do
		await documents.update(
			t.db,
			u.garant,
			id,
			2,
			input({ title: 'Pravidla schvalování plateb', processIds: [], confidential: true })
		);
		expect(await knowledge.search(t.db, u.host, 'likvidace')).toEqual([]);
		expect((await knowledge.search(t.db, u.garant, 'likvidace')).map((h) => h.id)).toEqual([id]);

		await t.db.deleteFrom('document').where('id', '=', id).execute();
		expect(await knowledge.search(t.db, u.garant, 'likvidace')).toEqual([]);
		expect(await knowledge.search(t.db, u.boss, 'schvalovani')).toEqual([]);
	});

	it('keeps the audit findings register, closes a finding only with evidence and turns it into a CAF action', async () => {
		const finding = (over: Partial<FindingInput> = {}): FindingInput => ({
			title: 'Chybí skartační řízení za rok 2025',
			description: null,
			source: 'system_audit',
			severity: 'high',
			processId,
			ownerUserId: u.garant.id,
			correctiveAction: 'Provést skartační řízení',
			dueDate: '2026-09-30',
			closureEvidence: null,
			status: 'open',
			...over
		});
		await expect(findings.create(t.db, u.garant, finding())).rejects.toBeInstanceOf(ForbiddenError);
		const id = await findings.create(t.db, u.boss, finding());
		await expect(
			findings.update(t.db, u.boss, id, 1, finding({ status: 'closed' }))
		).rejects.toBeInstanceOf(ValidationError);

		const roundId = await caf.create(t.db, u.boss, {
			name: 'CAF 2026',
			startDate: '2026-01-10',
			scoringDue: '2026-02-10',
			consensusDue: '2026-03-10',
			endDate: '2026-04-10',
			scoringMode: 'classic',
			leaderId: u.boss.id,
			memberIds: [],
			guestIds: []
		});
		for (const to of ['scoring', 'consensus'] as const) {
			const r = await caf.get(t.db, u.boss, roundId);
			await caf.changeStatus(t.db, u.boss, roundId, r.version, to);
		}
		const actionId = await findings.toCafAction(t.db, u.boss, id, 1, {
			roundId,
			subcriterionCode: '5.1'
		});
		const [action] = await caf.actions(t.db, roundId);
		expect(action).toMatchObject({
			id: actionId,
			title: 'Chybí skartační řízení za rok 2025',
			description: 'Provést skartační řízení',
			ownerUserId: u.garant.id,
			impact: 3
		});
		const row = await findings.get(t.db, u.boss, id);
		expect(row).toMatchObject({
			cafActionId: actionId,
			cafRoundId: roundId,
			status: 'in_progress',
			version: 2
		});
		await expect(
			findings.toCafAction(t.db, u.boss, id, 2, { roundId, subcriterionCode: '5.1' })
		).rejects.toBeInstanceOf(ValidationError);

		await findings.update(
			t.db,
			u.boss,
			id,
			2,
			finding({ status: 'closed', closureEvidence: 'Protokol 12/2026' })
		);
		expect((await findings.list(t.db, u.host)).find((f) => f.id === id)).toMatchObject({
			status: 'closed',
			ownerName: null
		});
		const log = await t.db
			.selectFrom('audit_event')
			.select('action')
			.where('entity', '=', 'audit_finding')
			.orderBy('id')
			.execute();
		expect(log.map((l) => l.action)).toEqual([
			'audit_finding.create',
			'audit_finding.caf_action',
			'audit_finding.update'
		]);
	});
});
