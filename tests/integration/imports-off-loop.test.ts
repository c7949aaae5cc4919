// Imports off the request loop: the file is read and its rows checked in a worker thread, so the
// loop that answers everyone else's requests keeps turning while a ZIP that lies about its size
// is unpacked or thousands of rows are checked; the import reports its progress as it goes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import { createTestDb, engines, type TestDb } from './harness';
import * as build from '../builders';
import { importFile } from '../../src/lib/server/imports/import-file';
import { readFile } from '../../src/lib/server/imports/read';
import { validate } from '../../src/lib/server/imports/validate';
import type { ImportProgress } from '../../src/lib/server/imports/off-loop';

const MB = 1024 * 1024;

/** A ZIP of one entry: `head`, then `chunk` repeated to `size` bytes, its sizes rewritten to 1 KB. */
function forgedZip(head: string, chunk: Uint8Array, size: number): Uint8Array {
	const parts: Uint8Array[] = [];
	const zip = new Zip((error, data) => {
		if (error) throw error;
		parts.push(data);
	});
	const entry = new ZipDeflate('RU.csv', { level: 1 });
	zip.add(entry);
	entry.push(strToU8(head));
	for (let written = head.length; written < size; written += chunk.length) entry.push(chunk);
	entry.push(new Uint8Array(0), true);
	zip.end();
	const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	const view = new DataView(out.buffer);
	for (let i = 0; i + 4 <= out.length; i++) {
		const signature = view.getUint32(i, true);
		if (signature === 0x04034b50) view.setUint32(i + 22, 1024, true);
		else if (signature === 0x02014b50) view.setUint32(i + 24, 1024, true);
		else if (signature === 0x08074b50) view.setUint32(i + 12, 1024, true);
	}
	return out;
}

/** The longest the loop was held while `work` ran: a 10 ms timer's worst lateness. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ value: T; stallMs: number }> {
	let stallMs = 0;
	let last = performance.now();
	const timer = setInterval(() => {
		const now = performance.now();
		stallMs = Math.max(stallMs, now - last - 10);
		last = now;
	}, 10);
	try {
		const value = await work();
		// A loop held to the end never ran the timer: the time since it last ran counts too.
		await new Promise((resolve) => setImmediate(resolve));
		stallMs = Math.max(stallMs, performance.now() - last - 10);
		return { value, stallMs };
	} finally {
		clearInterval(timer);
	}
}

function ledgerCsv(rows: number): Uint8Array {
	const lines = ['Datum dokladu;ORJ;Paragraf;Položka;ORG;UZ;Částka;Text'];
	for (let i = 0; i < rows; i++) {
		lines.push(
			`${1 + (i % 28)}.${1 + (i % 12)}.2025;0100;6171;5139;;;${100 + (i % 900)},50;Doklad ${i}`
		);
	}
	return new TextEncoder().encode(lines.join('\n') + '\n');
}

describe.each(engines)('imports off the request loop on %s', (engine) => {
	let t: TestDb;
	let userId: number;

	beforeAll(async () => {
		t = await createTestDb(engine);
		userId = await build.user(t.db, { username: 'ekonom', display_name: 'E', role: 'finance' });
		const units = await build.orgUnits(t.db, ['VED']);
		await t.db.insertInto('orj_mapping').values({ orj: '0100', org_unit_id: units.VED }).execute();
		// The worker thread starts once; its start is not what is measured.
		await importFile(t.db, userId, ledgerCsv(10), {
			fileName: 'w.csv',
			kind: 'actual',
			source: 'web',
			year: 2025,
			dryRun: true
		});
	});
	afterAll(() => t.destroy());

	it('a ZIP that lies about its size is refused without holding the loop', async () => {
		const zip = forgedZip(
			'ORJ;ORG;PARAGRAF;POLOZKA;CASTKA_MD;CASTKA_DAL;DATUM\n',
			new Uint8Array(MB).fill(0x20),
			300 * MB
		);
		const off = await longestStall(() =>
			importFile(t.db, userId, zip, { fileName: 'export.zip', kind: 'actual', source: 'web' })
		);
		console.log(`forged ZIP refused: loop held at most ${Math.round(off.stallMs)} ms`);
		expect(off.value.status).toBe('invalid');
		expect(off.value.validation.errors.map((e) => e.key)).toEqual(['imports_error_zip_too_large']);
		expect(off.stallMs).toBeLessThan(500);
	}, 120_000);

	it('checks 50,000 rows while the loop keeps turning, and says how far it has got', async () => {
		const bytes = ledgerCsv(50_000);
		const seen: ImportProgress[] = [];
		const { value, stallMs } = await longestStall(() =>
			importFile(t.db, userId, bytes, {
				fileName: 'velky.csv',
				kind: 'actual',
				source: 'web',
				year: 2025,
				dryRun: true,
				onProgress: (p) => seen.push(p)
			})
		);
		// Then on the loop itself, as before the worker: reading and checking hold it throughout.
		const inline = await longestStall(async () => {
			const read = await readFile(bytes, { fileName: 'velky.csv', kind: 'actual', year: 2025 });
			return validate(t.db, bytes, read, { year: 2025, kind: 'actual' });
		});
		expect(inline.value.rowsToImport).toBe(50_000);
		expect(value.status).toBe('dry-run');
		expect(value.validation.rowsToImport).toBe(50_000);
		expect(value.read.result.rows).toHaveLength(50_000);
		expect(value.validation.resolved[49_999].row.text).toBe('Doklad 49999');
		expect(seen.some((p) => p.phase === 'read' && p.rows === 50_000)).toBe(true);
		const checks = seen.filter((p) => p.phase === 'check');
		expect(checks.length).toBeGreaterThanOrEqual(5);
		expect(checks.at(-1)).toEqual({ phase: 'check', rows: 50_000, total: 50_000 });
		console.log(
			`50,000 rows read and checked: loop held ${Math.round(inline.stallMs)} ms inline, ` +
				`${Math.round(stallMs)} ms with the worker`
		);
		expect(stallMs).toBeLessThan(inline.stallMs / 3);
	}, 120_000);
});
