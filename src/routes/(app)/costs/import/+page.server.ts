import { fail } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { t } from '$lib/server/i18n';
import { FIELDS, isYearlyColumn, type ColumnMapping } from '$lib/server/imports/formats/columns';
import { importFile } from '$lib/server/imports/import-file';
import { LIMITS, type ImportOutcome } from '$lib/server/imports/types';
import * as profiles from '$lib/server/imports/profiles';
import * as progress from '$lib/server/imports/progress';
import * as pushes from '$lib/server/imports/push.service';
import type { RowMessage } from '$lib/server/imports/source-row';
import { groupMessages } from '$lib/server/imports/summary';
import { log } from '$lib/server/log';
import { isEncodingChoice } from '$lib/server/imports/formats/encoding';
import { importChoices, readImportChoices, viewExtras } from '$lib/server/imports/formats/web';
import { ValidationError } from '$lib/server/shared/errors';
import { invalid, refuse, routeId, versionOf, type FormFailure } from '$lib/server/shared/http';
import { formValues } from '$lib/server/shared/form';
import type { Actions, PageServerLoad } from './$types';

/** Shown in the page and in the downloadable report; the count says how many there were. */
const MAX_MESSAGES = 5000;

export const load: PageServerLoad = async ({ url }) => {
	requireCapability('costs.import');
	const waiting = await pushes.waiting(getDb());
	const chosen = Number(url.searchParams.get('pending'));
	return {
		waiting,
		/** the pushed file the clerk is finishing (`?pending=ID`), while it still waits */
		pending: waiting.find((w) => w.id === chosen) ?? null,
		profiles: await profiles.list(getDb()),
		limits: { maxFileSize: LIMITS.maxFileSize, maxRows: LIMITS.maxRows },
		fields: [...FIELDS],
		...(await importChoices(getDb()))
	};
};

function message(e: RowMessage) {
	return { line: e.line, field: e.field ?? '', message: t(e.key, { ...e.params }) };
}

function messages(list: RowMessage[]) {
	return list.slice(0, MAX_MESSAGES).map(message);
}

/** The report at a glance: every message counted by kind, with the first rows of each kind. */
function groups(list: RowMessage[]) {
	return groupMessages(list).map((g) => ({
		field: g.field,
		count: g.count,
		examples: g.examples.map(message)
	}));
}

/** What the page shows of an outcome: serialisable, translated, bounded. */
function view(outcome: ImportOutcome, fileName: string) {
	const { read, validation } = outcome;
	return {
		status: outcome.status,
		fileName,
		format: read.format,
		encoding: read.encoding,
		delimiter: read.delimiter,
		yearly: read.yearly,
		headers: read.headers,
		mapping: read.mapping,
		sample: read.sample,
		rowsRead: validation.rowsRead,
		rowsToImport: validation.resolved.length,
		skippedRevenue: validation.skippedRevenue,
		skippedFinancing: validation.skippedFinancing,
		ignored: validation.ignored,
		total: validation.total,
		errorCount: validation.errors.length,
		errors: messages(validation.errors),
		errorGroups: groups(validation.errors),
		warningCount: validation.warnings.length,
		warnings: messages(validation.warnings),
		warningGroups: groups(validation.warnings),
		unknown: validation.unknown.slice(0, 100),
		monthTotals: validation.monthTotals,
		duplicateOf: validation.duplicateOf,
		batchId: outcome.status === 'imported' ? outcome.batchId : null,
		reconciliation: outcome.status === 'imported' ? outcome.reconciliation : [],
		...viewExtras(outcome)
	};
}

async function readForm(request: Request) {
	const form = await request.formData();
	const file = form.get('file');
	const codeList = form.get('codeList');
	const kind = form.get('kind') === 'budget' ? 'budget' : 'actual';
	const encodingValue = form.get('encoding');
	const encoding = isEncodingChoice(encodingValue) ? encodingValue : 'auto';
	const mapping: ColumnMapping = {};
	for (const f of FIELDS) {
		const v = form.get(`map_${f}`);
		if (typeof v === 'string' && v !== '') mapping[f] = v;
	}
	const profileName = String(form.get('profile') ?? '').trim();
	const yearText = String(form.get('year') ?? '').trim();
	const year = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
	const yearlyValue = form.get('yearlyColumn');
	const yearlyColumn = isYearlyColumn(yearlyValue) ? yearlyValue : null;
	const choices = readImportChoices(form);
	const pendingText = String(form.get('pending') ?? '');
	return {
		choices,
		/** a pushed file waiting for the clerk, finished instead of an uploaded one */
		pending: /^\d+$/.test(pendingText) ? Number(pendingText) : null,
		file: file instanceof File && file.size > 0 ? file : null,
		/** the code list beside the export (CityVizor's events.csv), lending names to unknown codes */
		codeList: codeList instanceof File && codeList.size > 0 ? codeList : null,
		kind: kind as 'actual' | 'budget',
		encoding,
		mapping,
		profileName,
		saveProfile: String(form.get('saveProfile') ?? '').trim(),
		confirmDuplicate: form.get('confirmDuplicate') === 'on',
		/** the browser's id for this submission, to follow its progress */
		progressId: progress.progressId(form.get('progressId')),
		year,
		yearlyColumn,
		values: {
			pending: pendingText,
			kind,
			yearlyColumn: yearlyColumn ?? '',
			encoding,
			profile: profileName,
			year: yearText,
			format: choices.values.format,
			mode: choices.values.mode
		},
		// The code maps chosen so far, to fill the mapping selects again.
		codeMaps: {
			orjMap: choices.values.orjMap,
			orgMap: choices.values.orgMap,
			codeChoices: choices.values.codeChoices
		}
	};
}

async function run(request: Request, actorId: number, dryRun: boolean) {
	const input = await readForm(request);
	if (!input.file && input.pending !== null) return finishPending(input, actorId, dryRun);
	if (!input.file) {
		return invalid('import', { file: 'error_no_file' }, input.values, {
			codeMaps: input.codeMaps
		});
	}
	if (input.file.size + (input.codeList?.size ?? 0) > LIMITS.maxFileSize) {
		// Translated here because it names the limit; t() keeps text that is no key.
		const tooLarge = t('costs_err_too_large', {
			max: Math.round(LIMITS.maxFileSize / 1024 / 1024)
		});
		return invalid('import', { file: tooLarge }, input.values, { codeMaps: input.codeMaps });
	}
	const db = getDb();
	let mapping = Object.keys(input.mapping).length ? input.mapping : null;
	if (!mapping && input.profileName) {
		mapping = (await profiles.findByName(db, input.profileName))?.mapping ?? null;
	}
	const bytes = new Uint8Array(await input.file.arrayBuffer());
	const outcome = await importFile(db, actorId, bytes, {
		fileName: input.file.name,
		kind: input.kind,
		encoding: input.encoding,
		mapping,
		source: 'web',
		year: input.year,
		yearlyColumn: input.yearlyColumn,
		dryRun,
		confirmDuplicate: input.confirmDuplicate,
		profileName: input.profileName || null,
		format: input.choices.format,
		mode: input.choices.mode,
		mappings: input.choices.mappings,
		codeList: input.codeList ? new Uint8Array(await input.codeList.arrayBuffer()) : null,
		onProgress: progress.track(actorId, input.progressId)
	});
	if (input.saveProfile && outcome.read.headers.length) {
		try {
			await profiles.save(db, actorId, input.saveProfile, outcome.read.mapping);
		} catch (e) {
			if (!(e instanceof ValidationError)) throw e;
			return invalid('import', { saveProfile: 'costs_err_profile_name' }, input.values, {
				codeMaps: input.codeMaps,
				result: view(outcome, input.file.name)
			});
		}
	}
	return answer(input, outcome, input.file.name);
}

/** The page's answer to an outcome: the report, with 400 for bad rows and 409 for a duplicate. */
function answer(
	input: Awaited<ReturnType<typeof readForm>>,
	outcome: ImportOutcome,
	fileName: string
) {
	if (outcome.status === 'imported') {
		// How long each step took is for whoever runs the server, not for the clerk.
		log.info({ batchId: outcome.batchId, timings: outcome.timings }, 'costs import');
	}
	const extra = { codeMaps: input.codeMaps, result: view(outcome, fileName) };
	// The report lists what is wrong row by row; the form itself has no field error then.
	if (outcome.status === 'invalid') return invalid('import', {}, input.values, extra);
	if (outcome.status === 'duplicate') {
		const payload = { form: 'import', values: input.values, errors: {}, message: null };
		return fail(409, { ...payload, ...extra } satisfies FormFailure);
	}
	return { form: 'import', values: input.values, ...extra };
}

/** A file pushed to the API that waits for the clerk's choices: previewed or imported as pushed. */
async function finishPending(
	input: Awaited<ReturnType<typeof readForm>>,
	actorId: number,
	dryRun: boolean
) {
	let finished;
	try {
		finished = await pushes.finish(getDb(), actorId, input.pending!, {
			mappings: input.choices.mappings,
			dryRun,
			confirmDuplicate: input.confirmDuplicate
		});
	} catch (e) {
		return refuse(e, 'import', input.values, { codeMaps: input.codeMaps });
	}
	return answer(input, finished.outcome, finished.fileName);
}

export const actions: Actions = {
	preview: async ({ request }) => {
		const actor = requireCapability('costs.import');
		return run(request, actor.id, true);
	},
	import: async ({ request }) => {
		const actor = requireCapability('costs.import');
		return run(request, actor.id, false);
	},
	/** Drops a pushed file that waits (the clerk will not import it). */
	discard: async ({ request }) => {
		const actor = requireCapability('costs.import');
		const values = await formValues(request);
		try {
			await pushes.discard(
				getDb(),
				actor.id,
				routeId(values.id),
				versionOf(values, { required: true })
			);
		} catch (e) {
			return refuse(e, 'discard', values);
		}
		return { discarded: routeId(values.id) };
	}
};
