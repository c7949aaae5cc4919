// A file of a preview-and-confirm import: from the upload field, or (on confirm) the same bytes the
// preview carried along in the page, base64. Null when there is none or it is over `maxBytes`.
// (The staff import's route has its own copy of this; it can use this one.)
export async function uploadedFile(
	data: FormData,
	maxBytes: number
): Promise<{ bytes: Uint8Array; name: string } | null> {
	const file = data.get('file');
	if (file instanceof File && file.size > 0) {
		if (file.size > maxBytes) return null;
		return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name };
	}
	const payload = data.get('payload');
	const name = data.get('fileName');
	if (typeof payload === 'string' && payload && typeof name === 'string') {
		const bytes = Uint8Array.from(Buffer.from(payload, 'base64'));
		return bytes.length <= maxBytes ? { bytes, name } : null;
	}
	return null;
}

/** The bytes to carry from the preview to the confirmation. */
export function carried(bytes: Uint8Array): string {
	return Buffer.from(bytes).toString('base64');
}
