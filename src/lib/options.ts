// Select options (for SelectField) from the two shapes pages hold: a map of labels by value and
// rows with an id.

/** A map of value → message as options, in the map's order. */
export function fromLabels(
	labels: Record<string, () => string>
): { value: string; label: string }[] {
	return Object.entries(labels).map(([value, label]) => ({ value, label: label() }));
}

/** Rows with an id as options; a select's values are strings, so the id is one too. */
export function fromRows<T extends { id: number }>(
	rows: readonly T[],
	label: (row: T) => string
): { value: string; label: string }[] {
	return rows.map((row) => ({ value: String(row.id), label: label(row) }));
}
