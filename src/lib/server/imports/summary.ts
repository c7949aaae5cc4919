// The import report at a glance: messages grouped by kind of problem (message key and column),
// largest group first, each with its count and its first few rows. The screen shows this before
// the full row-by-row list, which a file with thousands of bad rows would make unreadable.
import type { RowMessage } from './source-row';

export interface MessageGroup {
	key: string;
	field: string;
	/** how many messages of this kind the file has */
	count: number;
	/** the first few of them, in file order */
	examples: RowMessage[];
}

/** Examples kept per group. */
export const GROUP_EXAMPLES = 3;

export function groupMessages(
	list: readonly RowMessage[],
	examples = GROUP_EXAMPLES
): MessageGroup[] {
	const groups = new Map<string, MessageGroup>();
	for (const message of list) {
		const field = message.field ?? '';
		const id = `${message.key}\u0000${field}`;
		let group = groups.get(id);
		if (!group) {
			group = { key: message.key, field, count: 0, examples: [] };
			groups.set(id, group);
		}
		group.count++;
		if (group.examples.length < examples) group.examples.push(message);
	}
	for (const group of groups.values()) group.examples.sort((a, b) => a.line - b.line);
	// Stable: equal counts keep the order their first message had in the file.
	return [...groups.values()].sort((a, b) => b.count - a.count);
}
