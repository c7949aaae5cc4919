import type { LinkValues } from './knowledge.validation';
import type { Upload } from './knowledge';
import { ids } from '../caf/caf.validation';

/** The file of a multipart form's `file` field; null when none was chosen. */
export async function uploadOf(data: FormData): Promise<Upload | null> {
	const file = data.get('file');
	if (!(file instanceof File) || !file.name) return null;
	return { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** A document's links from the form's repeated checkboxes. */
export function linksOf(data: FormData): LinkValues {
	return {
		processIds: ids(data.getAll('processId')),
		assetIds: ids(data.getAll('assetId')),
		subcriterionCodes: data.getAll('subcriterionCode').map(String)
	};
}
