// Format adapters by name. The generic CSV/XLSX adapter (with a column mapping) is built into the
// pipeline; format-specific adapters (KXX, Internet Stream, VERA, CityVizor) plug in here with
// one line each: `formatAdapters.set('kxx', { detect, read })`.
import type { AdapterResult, EntryKind } from './source-row';
import type { EncodingChoice } from './text';

export interface AdapterOptions {
	fileName?: string;
	encoding?: EncodingChoice;
	kind?: EntryKind;
	year?: number;
}

export interface FormatAdapter {
	/** Recognises its files by name or content, so the user need not pick the format. */
	detect?: (bytes: Uint8Array, fileName: string) => boolean;
	read: (bytes: Uint8Array, options: AdapterOptions) => AdapterResult | Promise<AdapterResult>;
}

export const formatAdapters = new Map<string, FormatAdapter>();

export function detectFormat(bytes: Uint8Array, fileName: string): string | null {
	for (const [format, adapter] of formatAdapters) {
		if (adapter.detect?.(bytes, fileName)) return format;
	}
	return null;
}
