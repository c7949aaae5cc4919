// Every figure followed down to its entries, on both engines: an import keeps the document, date,
// counterparty and row; the breakdown's sums (by paragraf, položka, unit and month) equal the
// ledger's and the aggregates'; a private person's name reaches only names.read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, engines, type TestDb } from './harness';
import * as build from '../builders';
import { importFile } from '../../src/lib/server/imports/import-file';
import { rollback } from '../../src/lib/server/imports/rollback';
import * as drill from '../../src/lib/server/costs/drill.service';
import { can } from '../../src/lib/server/auth/permissions';
import { parseCursor } from '../../src/lib/server/costs/drill-query';
import { refreshLedgerStatistics } from '../../src/lib/server/db/statistics';

const utf8 = (lines: string[]) => new TextEncoder().encode(lines.join('\n') + '\n');

const GENERIC = utf8([
	'Datum dokladu;Číslo dokladu;ORJ;Paragraf;Položka;Dodavatel;IČO;Částka Kč;Popis',
	'15.3.2025;FP-2025-0107;0100;6171;5139;Papírnictví Kraus s.r.o.;28123456;1 200,50;Papír',
	'20.3.2025;FP-2025-0112;0100;6171;5173;Jana Dvořáková;;850,00;Cestovné',
	'2.4.2025;FP-2025-0140;0120;3745;5169;Zahradnictví Lhota s.r.o.;2 5288 792;40 000,00;Sečení',
	'30.4.2025;ID-2025-0009;0120;3745;5139;;;300,00;Bez protistrany'
]);

const CITYVIZOR = utf8([
	'Doklad_Datum;Doklad_ID;Modul;Paragraf;Polozka;ORJ;AKCE;Castka;Subjekt_IC;Subjekt_nazev;Poznamka;Prijem_Vydaj',
	'5.5.2025;KDF-501;KDF;6171;5169;0100;;5 000,00;60193336;O2 Czech Republic a.s.;Data;V',
	'6.5.2025;KDF-502;KDF;6171;5169;0100;;700,00;;Petr Malý;Náhrada;V'
]);

describe.each(engines)('cost drill-down on %s', (engine) => {
	let t: TestDb;
	let userId: number;
	let units: Record<string, number>;

	beforeAll(async () => {
		t = await createTestDb(engine);
		userId = await build.user(t.db, { username: 'ekonom', display_name: 'E', role: 'finance' });
		units = await build.orgUnits(t.db, ['VED', 'OSV']);
		await t.db
			.insertInto('orj_mapping')
			.values([
				{ orj: '0100', org_unit_id: units.VED },
				{ orj: '0120', org_unit_id: units.OSV }
			])
			.execute();
		for (const [bytes, fileName] of [
			[GENERIC, 'naklady-2025.csv'],
			[CITYVIZOR, 'cityvizor-2025.csv']
		] as const) {
			const outcome = await importFile(t.db, userId, bytes, {
				fileName,
				kind: 'actual',
				source: 'web',
				mode: 'append'
			});
			expect(outcome.status, JSON.stringify(outcome.validation.errors)).toBe('imported');
		}
	});
	afterAll(() => t.destroy());

	it('keeps what the file said: document, date, counterparty, IČO, file and row', async () => {
		const rows = await drill.entries(t.db, { year: 2025, limit: 100 }, true);
		const byDoc = new Map(rows.map((r) => [r.document, r]));
		const paper = byDoc.get('FP-2025-0107')!;
		expect(paper.entry_date).toBe('2025-03-15');
		expect(paper.counterparty).toEqual({
			name: 'Papírnictví Kraus s.r.o.',
			ico: '28123456',
			person: false,
			hidden: false
		});
		expect(paper.file_name).toBe('naklady-2025.csv');
		expect(paper.source_line).toBe(2);
		expect(paper.amount).toBe(120050n);
		// An IČO written with spaces is read as one.
		expect(byDoc.get('FP-2025-0140')!.counterparty.ico).toBe('25288792');
		expect(byDoc.get('ID-2025-0009')!.counterparty).toMatchObject({ name: null, person: false });
		const o2 = byDoc.get('KDF-501')!;
		expect(o2.counterparty).toMatchObject({ name: 'O2 Czech Republic a.s.', ico: '60193336' });
		expect(o2.file_name).toBe('cityvizor-2025.csv');
		expect(o2.source_line).toBe(2);
		expect(o2.entry_date).toBe('2025-05-05');
		// The counterparty is not copied into the text.
		expect(byDoc.get('KDF-502')!.text).toBe('Náhrada');
	});

	it('narrows the entry list by the figure’s filters', async () => {
		const rows = await drill.entries(
			t.db,
			{ year: 2025, kind: 'actual', paragraf: '3745', orgUnitId: units.OSV },
			true
		);
		expect(rows.map((r) => r.document).sort()).toEqual(['FP-2025-0140', 'ID-2025-0009']);
	});

	it('breaks a figure down into sums that equal the ledger and the aggregates, by each dimension', async () => {
		const ledger = async (column: string, where = sql`true`) => {
			const r = await sql<{ key: string | null; amount: bigint }>`
				select ${sql.ref(column)}::text as key, sum(amount)::bigint as amount from cost_entry
				where kind = 'actual' and month between '2025-01-01' and '2025-12-01' and ${where}
				group by 1`.execute(t.db);
			return new Map(r.rows.map((x) => [x.key ?? 'none', x.amount]));
		};
		const summary = await sql<{ amount: bigint }>`
			select sum(amount)::bigint as amount from cost_month_summary
			where year = 2025 and kind = 'actual'`.execute(t.db);
		const b = await drill.breakdown(t.db, { year: 2025, kind: 'actual' });
		expect(b.total).toBe(summary.rows[0].amount);
		expect(b.total).toBe(120050n + 85000n + 4000000n + 30000n + 500000n + 70000n);
		expect(b.entries).toBe(6);
		const columns = { paragraf: 'paragraf', polozka: 'polozka', unit: 'org_unit_id' } as const;
		for (const [dim, column] of Object.entries(columns)) {
			const rows = b.by[dim as keyof typeof columns];
			expect(rows.reduce((s, r) => s + r.amount, 0n)).toBe(b.total);
			expect(new Map(rows.map((r) => [r.key, r.amount]))).toEqual(await ledger(column));
		}
		const months = new Map(b.by.month.map((r) => [r.key, r.amount]));
		expect(months.get('2025-03')).toBe(120050n + 85000n);
		expect([...months.values()].reduce((s, a) => s + a, 0n)).toBe(b.total);

		// One level down: the paragraf 6171 by položka and unit, equal to its ledger lines.
		const p = await drill.breakdown(t.db, { year: 2025, kind: 'actual', paragraf: '6171' });
		expect(new Map(p.by.polozka.map((r) => [r.key, r.amount]))).toEqual(
			await ledger('polozka', sql`paragraf = '6171'`)
		);
		expect(p.total).toBe(b.by.paragraf.find((r) => r.key === '6171')!.amount);
		const list = await drill.entries(t.db, { year: 2025, kind: 'actual', paragraf: '6171' }, true);
		expect(list.reduce((s, r) => s + r.amount, 0n)).toBe(p.total);
		expect(list).toHaveLength(p.entries);
	});

	it('compares each view with the year before, from the same aggregates', async () => {
		for (const dim of ['paragraf', 'polozka', 'unit'] as const) {
			const rows = await drill.yearOverYear(t.db, 2026, dim);
			expect(rows.reduce((s, r) => s + r.previous.actual, 0n)).toBe(
				(await drill.breakdown(t.db, { year: 2025, kind: 'actual' })).total
			);
			expect(rows.every((r) => r.current.actual === 0n)).toBe(true);
		}
	});

	it("never shows a private person's name without names.read or in a public export", async () => {
		expect(can('guest', 'names.read')).toBe(false);
		const hidden = await drill.entries(t.db, { year: 2025 }, false);
		const persons = hidden.filter((r) => r.counterparty.person);
		expect(persons.map((r) => r.document).sort()).toEqual(['FP-2025-0112', 'KDF-502']);
		for (const r of persons) expect(r.counterparty).toMatchObject({ name: null, hidden: true });
		const text = JSON.stringify(hidden, (_k, v) => (typeof v === 'bigint' ? String(v) : v));
		expect(text).not.toContain('Dvořáková');
		expect(text).not.toContain('Petr Malý');
		// Companies stay named.
		expect(hidden.find((r) => r.document === 'KDF-501')!.counterparty.name).toBe(
			'O2 Czech Republic a.s.'
		);
	});

	it('pages through a figure’s lines by their place: each line once, newest first, and back', async () => {
		const all = (await drill.entries(t.db, { year: 2025 }, true)).map((r) => r.document);
		expect(all).toHaveLength(6);
		const forward: (string | null)[][] = [];
		let page = await drill.entryPage(t.db, { year: 2025 }, true, 2);
		expect(page.newer).toBeNull();
		for (;;) {
			forward.push(page.entries.map((r) => r.document));
			if (!page.older) break;
			page = await drill.entryPage(t.db, { year: 2025, after: parseCursor(page.older) }, true, 2);
			expect(page.newer).not.toBeNull();
		}
		expect(forward.flat()).toEqual(all);
		expect(forward).toHaveLength(3);
		// And back from the last page: the same pages, the first one with nothing newer.
		const backward: (string | null)[][] = [forward.at(-1)!];
		while (page.newer) {
			page = await drill.entryPage(t.db, { year: 2025, before: parseCursor(page.newer) }, true, 2);
			backward.unshift(page.entries.map((r) => r.document));
			expect(page.older).not.toBeNull();
		}
		expect(backward).toEqual(forward);
		// A cursor the address mangled is no cursor: the first page.
		expect(parseCursor('2025-13-01;5')).toBeNull();
		expect(parseCursor("2025-05-01.1' or 1=1")).toBeNull();
	});

	it('names the unit a figure is narrowed to', async () => {
		const b = await drill.breakdown(t.db, { year: 2025, kind: 'actual', orgUnitId: units.OSV });
		expect(b.codes).toEqual({ unit: 'OSV', process: null, initiative: null });
		expect(b.total).toBe(4000000n + 30000n);
		// Each row of a dimension is named as its code list names it.
		const all = await drill.breakdown(t.db, { year: 2025, kind: 'actual' });
		const named = async (table: 'cost_paragraf' | 'cost_category', column: string, code: string) =>
			(
				await sql<{ name: string }>`
					select name from ${sql.table(table)} where ${sql.ref(column)} = ${code}`.execute(t.db)
			).rows[0].name;
		expect(all.by.paragraf.find((r) => r.key === '6171')!.name).toBe(
			await named('cost_paragraf', 'paragraf', '6171')
		);
		expect(all.by.polozka.find((r) => r.key === '5139')!.name).toBe(
			await named('cost_category', 'polozka', '5139')
		);
		expect(all.by.unit.find((r) => r.key === String(units.OSV))).toMatchObject({ code: 'OSV' });
		expect(all.by.month.find((r) => r.key === '2025-03')).toMatchObject({
			code: '2025-03',
			name: ''
		});
	});

	it('refreshes the ledger’s planner statistics after an import that changes them', async () => {
		const counted = async () =>
			Number(
				(
					await sql<{ n: number }>`
						select reltuples::float8 as n from pg_class where oid = 'cost_entry'::regclass`.execute(t.db)
				).rows[0].n
			);
		// The first import above left the planner counting the ledger's lines (-1: never counted).
		expect(await counted()).toBeGreaterThanOrEqual(4);
		// A few lines more do not change a plan: not analysed again (autovacuum's rule).
		expect(await refreshLedgerStatistics(t.db, 1)).toBe(false);
		expect(await refreshLedgerStatistics(t.db, 51)).toBe(true);
		expect(await counted()).toBe(6);
	});

	it('takes the paragraf out of the aggregates with the batch on rollback', async () => {
		const batch = await t.db
			.selectFrom('import_batch')
			.select(['id', 'version'])
			.where('file_name', '=', 'cityvizor-2025.csv')
			.executeTakeFirstOrThrow();
		await rollback(t.db, userId, batch.id, batch.version);
		const b = await drill.breakdown(t.db, { year: 2025, kind: 'actual', paragraf: '6171' });
		expect(b.total).toBe(120050n + 85000n);
		expect(b.by.polozka.map((r) => r.key).sort()).toEqual(['5139', '5173']);
	});
});
