// npm run costs:import -- FILE [--profile NAME] [--kind actual|budget] [--dry-run] [--json]
//   [--encoding auto|utf-8|windows-1250] [--year YYYY] [--confirm-duplicate]
//   [--format auto|kxx|internet-stream|vera|cityvizor|csv|xlsx|ods] [--mode replace|append] [--strict]
//   [--unknown accept|skip|refuse] [--mappings FILE.json] [--column approved|amended|final|actual]
// A table with no date column (one row per paragraf × položka) is read as a yearly table when
// --year is given; --column picks its amount column (default by --kind: budget the amended one,
// actual the result).
// Accounting formats replace the months they cover from the same source (--mode append adds
// instead); unknown ORJ codes go to the NEZAŘAZENO org unit unless --strict refuses the file.
// Unknown položky and paragrafy take the choice saved for the source (in the import screen),
// then the mapping file's, then --unknown (accept as written / leave out / refuse, the default
// for položky). With --mappings the choices are saved for the source, as in the import screen.
// The same pipeline as the import screen, for scheduled imports from the accounting system's
// export folder. Exit codes: 0 imported whole (or, with --dry-run, would be); 1 refused (bad rows,
// or a file already imported without --confirm-duplicate); 2 usage; 3 the embedded database is
// held by another process (the running app).
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { czkText } from '../src/lib/money';
import { importFile } from '../src/lib/server/imports/import-file';
import * as profiles from '../src/lib/server/imports/profiles';
import { isEncodingChoice } from '../src/lib/server/imports/formats/encoding';
import { isYearlyColumn } from '../src/lib/server/imports/formats/columns';
import type { RowMessage } from '../src/lib/server/imports/source-row';
import { importReport } from '../src/lib/server/imports/report';
import { argValue, catalogue, runCli } from './cli';
import {
	mappingFile,
	cliImportOptions,
	cliFormatReport,
	CLI_FORMAT_USAGE
} from '../src/lib/server/imports/formats/cli';

const args = process.argv.slice(2);
const file = args.find(
	(a, i) =>
		!a.startsWith('--') &&
		![
			'--profile',
			'--kind',
			'--encoding',
			'--year',
			'--format',
			'--mode',
			'--unknown',
			'--mappings',
			'--column'
		].includes(args[i - 1])
);
const kind = argValue(args, '--kind') ?? 'actual';
const encoding = argValue(args, '--encoding') ?? 'auto';
const yearText = argValue(args, '--year');
const yearlyColumn = argValue(args, '--column');
const json = args.includes('--json');
const dryRun = args.includes('--dry-run');
const formatOptions = cliImportOptions(args);
if (
	!file ||
	!formatOptions ||
	(kind !== 'actual' && kind !== 'budget') ||
	!isEncodingChoice(encoding) ||
	(yearText && !/^\d{4}$/.test(yearText)) ||
	(yearlyColumn !== undefined && !isYearlyColumn(yearlyColumn))
) {
	console.error(
		'Usage: npm run costs:import -- FILE [--profile NAME] [--kind actual|budget] [--dry-run] [--json]\n' +
			'       [--encoding auto|utf-8|windows-1250] [--year YYYY] [--confirm-duplicate]\n' +
			CLI_FORMAT_USAGE
	);
	process.exit(2);
}
if (!existsSync(file)) {
	console.error(`File not found: ${file}`);
	process.exit(2);
}

const messages = catalogue();
const text = (m: RowMessage) =>
	(messages[m.key] ?? m.key).replace(/\{(\w+)\}/g, (_, k: string) =>
		String(m.params?.[k] ?? `{${k}}`)
	);

await runCli(async (db) => {
	await migrateToLatest(db);
	const profileName = argValue(args, '--profile');
	let mapping = null;
	if (profileName) {
		const profile = await profiles.findByName(db, profileName);
		if (!profile) {
			console.error(`Unknown profile: ${profileName}`);
			return 2;
		}
		mapping = profile.mapping;
	}
	const mappingsPath = argValue(args, '--mappings');
	let mappings;
	if (mappingsPath) {
		try {
			mappings = await mappingFile(db, readFileSync(mappingsPath, 'utf8'));
		} catch (e) {
			console.error(e instanceof Error ? e.message : e);
			return 2;
		}
	}
	const bytes = new Uint8Array(readFileSync(file));
	const options = {
		fileName: path.basename(file),
		kind: kind as 'actual' | 'budget',
		encoding,
		mapping,
		source: 'cli' as const,
		year: yearText ? Number(yearText) : null,
		yearlyColumn: isYearlyColumn(yearlyColumn) ? yearlyColumn : null,
		dryRun,
		confirmDuplicate: args.includes('--confirm-duplicate'),
		profileName: profileName ?? null,
		mappings,
		...formatOptions.import
	};
	// --strict: unknown ORJ/ORG/paragraf codes refuse the file before anything is written.
	const checked = formatOptions.strict
		? await importFile(db, null, bytes, { ...options, dryRun: true })
		: null;
	const refused =
		!!checked && (checked.status === 'invalid' || checked.validation.unknown.length > 0);
	const outcome = refused ? checked! : await importFile(db, null, bytes, options);
	const v = outcome.validation;
	const ok = !refused && (outcome.status === 'imported' || outcome.status === 'dry-run');
	const formatReport = cliFormatReport(outcome, czkText);
	const report = {
		...importReport(outcome, file, text),
		...(refused && outcome.status !== 'invalid' ? { status: 'refused-strict' } : {})
	};
	if (json) {
		console.log(JSON.stringify(report));
	} else {
		console.log(`${file}: ${outcome.status}`);
		console.log(
			`rows read ${report.rowsRead}, imported ${report.rowsImported}, total ${report.total} CZK`
		);
		console.log(
			`skipped: revenue ${v.skippedRevenue}, financing ${v.skippedFinancing}, technical ${v.ignored}`
		);
		if (outcome.status === 'imported') console.log(`batch ${outcome.batchId}`);
		const y = outcome.read.yearly;
		if (y) {
			console.log(
				`yearly table ${y.year}: amounts from column "${y.header}" (${y.column ?? 'mapped'}), filed under ${y.month}`
			);
		}
		for (const line of formatReport.lines) console.log(line);
		if (refused) console.log('--strict: unknown codes, nothing imported.');
		if (outcome.status === 'duplicate') {
			console.log(
				`The same file was imported as batch ${v.duplicateOf?.id}; add --confirm-duplicate to import it again.`
			);
		}
		for (const e of report.errors) {
			console.log(`line ${e.line}${e.field ? ` (${e.field})` : ''}: ${e.message}`);
		}
		for (const w of report.warnings) console.log(`line ${w.line} (warning): ${w.message}`);
	}
	return ok ? 0 : 1;
});
