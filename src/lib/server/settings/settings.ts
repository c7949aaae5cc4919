/** What the public page (`/public`) shows; off until an admin turns it on. */
export interface PublicPageSettings {
	enabled: boolean;
	/** KPIs shown on the public page. */
	kpiIds: number[];
	/** Services whose cost per case the public page shows. */
	processIds: number[];
}

export const PUBLIC_PAGE_KEY = 'public_page';

export const PUBLIC_PAGE_DEFAULTS: PublicPageSettings = {
	enabled: false,
	kpiIds: [],
	processIds: []
};

function ids(value: unknown): number[] {
	if (!Array.isArray(value)) return [];
	return [...new Set(value.map(Number).filter((n) => Number.isInteger(n) && n > 0))];
}

/** Reads the stored JSON defensively: a missing or damaged setting means "off". */
export function toPublicPageSettings(value: unknown): PublicPageSettings {
	if (!value || typeof value !== 'object') return { ...PUBLIC_PAGE_DEFAULTS };
	const v = value as Record<string, unknown>;
	return { enabled: v.enabled === true, kpiIds: ids(v.kpiIds), processIds: ids(v.processIds) };
}

/** The settings form: a checkbox and two lists of checked ids. */
export function parsePublicPageForm(form: FormData): PublicPageSettings {
	return {
		enabled: form.get('enabled') === 'on',
		kpiIds: ids(form.getAll('kpiIds')),
		processIds: ids(form.getAll('processIds'))
	};
}
