/**
 * Which tasks changed between two versions of a process model, by BPMN element id: an id only in
 * the newer version was added, only in the older removed, in both under another name renamed.
 * Links (role, unit, asset, minutes) hang on the same ids, so a renamed task keeps them.
 */
export interface NamedElement {
	id: string;
	name: string;
}

export interface ModelDiff {
	added: NamedElement[];
	removed: NamedElement[];
	renamed: { id: string; from: string; to: string }[];
	unchanged: number;
}

export function compareVersions(
	older: readonly NamedElement[],
	newer: readonly NamedElement[]
): ModelDiff {
	const before = new Map(older.map((e) => [e.id, e]));
	const after = new Map(newer.map((e) => [e.id, e]));
	const diff: ModelDiff = { added: [], removed: [], renamed: [], unchanged: 0 };
	for (const e of newer) {
		const old = before.get(e.id);
		if (!old) diff.added.push(e);
		else if (old.name.trim() !== e.name.trim()) {
			diff.renamed.push({ id: e.id, from: old.name, to: e.name });
		} else diff.unchanged++;
	}
	for (const e of older) if (!after.has(e.id)) diff.removed.push(e);
	return diff;
}

export function isEmptyDiff(diff: ModelDiff): boolean {
	return !diff.added.length && !diff.removed.length && !diff.renamed.length;
}
