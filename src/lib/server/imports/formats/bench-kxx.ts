// `npm run bench`: a 100,000-line KXX export (Windows-1250, CRLF, 12 monthly sections, a tenth of
// the lines revenue) through the whole import pipeline — detection, fixed-width parsing, checks,
// one-transaction write, aggregates — then rolled back so the rest of the benchmark is unchanged.
import type { Db } from '../../db';
import { importFile } from '../import-file';
import { rollback } from '../rollback';

const pad = (v: string | number | bigint, width: number) => String(v).padStart(width, '0');

/** A KXX file of `lines` balance lines for `year`, on the given ORJ codes. */
export function generateKxx(lines: number, year: number, orjs: string[]): Uint8Array {
	const polozky = ['5011', '5139', '5169', '5171', '6121'];
	const out: string[] = [`5/@0001234500120009999`];
	const perMonth = Math.ceil(lines / 12);
	let n = 0;
	for (let month = 1; month <= 12 && n < lines; month++) {
		out.push(`6/@00012345${pad(month, 2)}00 1 ${year}`);
		for (let i = 0; i < perMonth && n < lines; i++, n++) {
			const revenue = n % 10 === 9;
			const polozka = revenue ? '1111' : polozky[n % polozky.length];
			const amount = BigInt(10_000 + ((n * 7919) % 5_000_000));
			// Expenditure: credit − debit; revenue: debit − credit.
			const debit = revenue ? amount : 0n;
			const credit = revenue ? 0n : amount;
			out.push(
				'G/@' +
					pad((n % 28) + 1, 2) +
					String(n + 1).padStart(9, ' ') +
					'000' +
					'231' +
					'0010' +
					'00' +
					pad('6171', 6) +
					polozka +
					'000' +
					pad(0, 9) +
					pad(orjs[n % orjs.length], 10) +
					pad(0, 13) +
					pad(debit, 18) +
					' ' +
					pad(credit, 18) +
					' '
			);
		}
	}
	return new TextEncoder().encode(out.join('\r\n') + '\r\n');
}

/** Imports a generated KXX file and rolls it back; figures for the benchmark's JSON line. */
export async function benchKxxImport(db: Db, year: number, lines = 100_000) {
	const orjs = (await db.selectFrom('orj_mapping').select('orj').execute()).map((r) => r.orj);
	const admin = await db
		.selectFrom('app_user')
		.select('id')
		.orderBy('id')
		.executeTakeFirstOrThrow();
	const bytes = generateKxx(lines, year, orjs.length ? orjs : ['0']);
	const t0 = performance.now();
	const outcome = await importFile(db, admin.id, bytes, {
		fileName: 'bench.kxx',
		kind: 'actual',
		source: 'cli',
		allowUnmapped: true
	});
	const ms = performance.now() - t0;
	if (outcome.status !== 'imported') {
		throw new Error(
			`bench KXX import failed: ${outcome.status} ${JSON.stringify(outcome.validation.errors.slice(0, 3))}`
		);
	}
	const batch = await db
		.selectFrom('import_batch')
		.select('version')
		.where('id', '=', outcome.batchId)
		.executeTakeFirstOrThrow();
	await rollback(db, admin.id, outcome.batchId, batch.version);
	return {
		kxx_lines: lines,
		kxx_rows_imported: outcome.validation.resolved.length,
		kxx_skipped_revenue: outcome.validation.skippedRevenue,
		kxx_import_ms: Math.round(ms),
		kxx_import_lines_per_s: Math.round(lines / (ms / 1000)),
		kxx_timings: Object.fromEntries(
			Object.entries(outcome.timings).map(([k, v]) => [k, Math.round(v)])
		)
	};
}
