import { Unzip, UnzipInflate, UnzipPassThrough, unzipSync } from 'fflate';

/** What a ZIP really unpacks to: its entries, or the finding that it is larger than allowed. */
export type Unzipped =
	| { ok: true; entries: Record<string, Uint8Array>; bytes: number }
	| { ok: false; tooLarge: true; bytes: number };

const CHUNK = 64 * 1024;

/**
 * Unpacks a ZIP counting the bytes the entries really inflate to, and stops at `maxUnpacked`
 * whatever sizes the archive declares: a 5 MB file claiming small entries but holding 5 GiB
 * of zeros is refused after `maxUnpacked` bytes, not unpacked whole. Entries `accept` turns
 * down are skipped; with `keep: false` nothing is kept (only counted), so a workbook can be
 * checked before it is read. Throws on a broken archive.
 */
export function unzipBounded(
	bytes: Uint8Array,
	maxUnpacked: number,
	options: { accept?: (name: string) => boolean; keep?: boolean } = {}
): Unzipped {
	// The archive's directory must be readable (this inflates nothing): garbage throws here.
	unzipSync(bytes, { filter: () => false });
	const keep = options.keep ?? true;
	const chunks: Record<string, Uint8Array[]> = {};
	let total = 0;
	let tooLarge = false;
	let failure: Error | null = null;
	const unzip = new Unzip((file) => {
		if (options.accept && !options.accept(file.name)) return;
		if (keep) chunks[file.name] = [];
		file.ondata = (error, data) => {
			if (error) {
				failure = error;
				return;
			}
			if (tooLarge) return;
			total += data.length;
			if (total > maxUnpacked) {
				tooLarge = true;
				file.terminate();
				return;
			}
			if (keep) chunks[file.name].push(data);
		};
		file.start();
	});
	unzip.register(UnzipInflate);
	unzip.register(UnzipPassThrough);
	for (let at = 0; at < bytes.length && !tooLarge && !failure; at += CHUNK) {
		const end = Math.min(at + CHUNK, bytes.length);
		unzip.push(bytes.subarray(at, end), end === bytes.length);
	}
	if (failure) throw failure;
	if (tooLarge) return { ok: false, tooLarge: true, bytes: total };
	const entries: Record<string, Uint8Array> = {};
	for (const [name, parts] of Object.entries(chunks)) {
		const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
		let offset = 0;
		for (const p of parts) {
			out.set(p, offset);
			offset += p.length;
		}
		entries[name] = out;
	}
	return { ok: true, entries, bytes: total };
}
