import { m } from '$lib/paraglide/messages';
import { formatMonth } from '$lib/format';
import { monthRuns } from './import-formats';

const NAMES: Record<string, () => string> = {
	kxx: m.imports_format_kxx,
	'internet-stream': m.imports_format_internet_stream,
	zip: m.imports_format_zip,
	vera: m.imports_format_vera,
	cityvizor: m.imports_format_cityvizor,
	csv: m.imports_format_csv,
	xlsx: m.imports_format_xlsx,
	ods: m.imports_format_ods
};

export function formatName(format: string): string {
	return NAMES[format]?.() ?? format;
}

const SOURCES: Record<string, () => string> = {
	web: m.imports_source_web,
	cli: m.imports_source_cli,
	seed: m.imports_source_seed,
	api: m.imports_source_api
};

/** How a batch came in, in words (uploaded in the app, from the command line, …). */
export function sourceName(source: string): string {
	return SOURCES[source]?.() ?? source;
}

/** `březen 2026 – květen 2026, červenec 2026` */
export function monthsText(months: string[]): string {
	return monthRuns(months)
		.map(([a, b]) => (a === b ? formatMonth(a) : `${formatMonth(a)} – ${formatMonth(b)}`))
		.join(', ');
}
