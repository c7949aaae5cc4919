// An import, start to end: read (read.ts) → validate (validate.ts) → write (write.ts), the web
// screen's preview and import and `npm run costs:import` alike. Nothing is written unless every
// line is good; the outcome carries the row-numbered report either way. Undo is rollback.ts.
import type { Db } from '../db';
import { readAndValidate } from './off-loop';
import { UNDECIDED_KEYS, type ImportOptions, type ImportOutcome, type Validation } from './types';
import { DuplicateMeanwhile, write } from './write';
import { nameOf, readCodeNames, type CodeNames } from './formats/code-names';

/** Names from the code list beside the export, on the unknown codes the preview lists. */
function nameUnknownCodes(validation: Validation, list: CodeNames): void {
	validation.warnings.push(...list.errors);
	for (const u of validation.unknown) u.name = nameOf(list, u.field, u.code);
}

/** Reads, validates and — only when every row is good — writes the file in one transaction. */
export async function importFile(
	db: Db,
	actorId: number | null,
	bytes: Uint8Array,
	options: ImportOptions
): Promise<ImportOutcome> {
	const t0 = performance.now();
	// Read and checked in a worker thread: the request loop stays free for everyone else.
	const { read, validation } = await readAndValidate(
		db,
		bytes,
		{
			fileName: options.fileName,
			kind: options.kind,
			encoding: options.encoding,
			mapping: options.mapping,
			format: options.format,
			year: options.year,
			yearlyColumn: options.yearlyColumn
		},
		{
			year: options.year,
			mappings: options.mappings,
			allowUnmapped: options.allowUnmapped,
			unknown: options.unknown,
			mode: options.mode,
			kind: options.kind,
			clock: options.clock
		},
		options.onProgress
	);
	const t1 = performance.now();
	if (options.codeList) nameUnknownCodes(validation, readCodeNames(options.codeList));
	if (options.stopOnUnknown && validation.unknown.some((u) => !u.choice)) {
		// Stopped whole while a clerk decides, unless something else is wrong with it too.
		const decidable = validation.errors.every((e) => UNDECIDED_KEYS.has(e.key));
		return { status: decidable ? 'undecided' : 'invalid', read, validation };
	}
	if (validation.errors.length) return { status: 'invalid', read, validation };
	if (validation.resolved.length === 0) {
		validation.errors.push({ line: 0, field: 'file', key: 'costs_err_no_rows' });
		return { status: 'invalid', read, validation };
	}
	if (options.dryRun) return { status: 'dry-run', read, validation };
	if (validation.duplicateOf && !options.confirmDuplicate) {
		return { status: 'duplicate', read, validation };
	}
	let written;
	try {
		written = await write(db, actorId, read, validation, options);
	} catch (e) {
		// The same file or rows went in from another import meanwhile: this one is the duplicate.
		if (!(e instanceof DuplicateMeanwhile)) throw e;
		return { status: 'duplicate', read, validation: { ...validation, duplicateOf: e.duplicate } };
	}
	return {
		status: 'imported',
		read,
		validation,
		batchId: written.batchId,
		reconciliation: written.reconciliation,
		replaced: written.replaced,
		timings: {
			readAndValidate: t1 - t0,
			write: written.writeMs,
			refresh: written.refreshMs
		}
	};
}
