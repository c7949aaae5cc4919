// Counterparties of ledger lines and personal data. The rule, one place: a counterparty without an
// IČO is a private person (a company, an authority or a sole trader in business has one; the
// accounting exports leave it empty for a citizen paid back a fee or a member of a committee). A
// private person's name is personal data: shown only to roles with `names.read`, never on the
// public page or in a public export, where "soukromá osoba" stands in its place.

/** An IČO as written in a file (`012 34 567`, `1234567`): 8 digits, leading zeros restored; null if not one. */
export function normalizeIco(text: string | null | undefined): string | null {
	const digits = (text ?? '').replace(/[\s.]/g, '');
	if (!/^\d{1,8}$/.test(digits) || /^0+$/.test(digits)) return null;
	return digits.padStart(8, '0');
}

/** Whether a counterparty (its name, its IČO) is a private person: one is named and has no IČO. */
export function isPrivatePerson(
	name: string | null | undefined,
	ico: string | null | undefined
): boolean {
	return !!name?.trim() && !normalizeIco(ico);
}

export interface Counterparty {
	/** the name to show; null when there is none or it may not be shown */
	name: string | null;
	ico: string | null;
	/** a private person (the name is hidden unless the viewer may see personal data) */
	person: boolean;
	/** the name was withheld: show "soukromá osoba" */
	hidden: boolean;
}

/** What a viewer may see of a line's counterparty (`names` false: public, a guest, a public export). */
export function counterparty(
	line: { partner_name: string | null; partner_ico: string | null; partner_person: boolean },
	names: boolean
): Counterparty {
	const hidden = line.partner_person && !names;
	return {
		name: hidden ? null : line.partner_name,
		ico: line.partner_ico,
		person: line.partner_person,
		hidden
	};
}
