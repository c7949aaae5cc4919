/**
 * A `Content-Disposition: attachment` that is safe for any file name: an ASCII fallback
 * (`filename`, quotes, backslashes, control and non-ASCII characters replaced) and the real name
 * in UTF-8 as RFC 5987 `filename*`. Always an attachment, so a browser never renders the upload.
 */
export function contentDisposition(fileName: string): string {
	// Only the last path segment, no control characters.
	const last = fileName.split(/[\\/]/).pop() ?? '';
	const name =
		Array.from(last)
			.filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f)
			.join('') || 'soubor';
	const ascii = name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
	const encoded = encodeURIComponent(name).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
