/**
 * Where a sign-in or a language switch may send the browser back to: a path on this site, never
 * another host. The target is read the way a browser reads a Location header (the WHATWG URL
 * parser drops tabs and newlines and takes `\` for `/`), so `/\host`, `/%09/host` once decoded,
 * `//host` and `https:host` all resolve elsewhere and are refused. What is returned is the parsed
 * path, query and fragment, so what the browser follows is exactly what was checked.
 */
const BASE = 'http://dilna.invalid';

export function safeRedirect(target: string | null | undefined): string | null {
	if (!target || !target.startsWith('/')) return null;
	let url: URL;
	try {
		url = new URL(target, BASE);
	} catch {
		return null;
	}
	if (url.origin !== BASE) return null;
	const path = url.pathname + url.search + url.hash;
	// `/.//host` normalises to `//host`, which a browser would again take for a host.
	if (path.startsWith('//') || path.startsWith('/\\')) return null;
	return path;
}
