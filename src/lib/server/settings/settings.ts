import { FormReader, type Parsed } from '../shared/form';

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

export const INVESTMENT_TARGET_KEY = 'investment_share_target';

/**
 * The target investment share in basis points (1250 = 12.5 %), from what people type in the
 * `target` field: `12,5`, `12.5 %`, `8`. Empty clears the target.
 */
export function parseShareTarget(form: Record<string, unknown>): Parsed<number | null> {
	const f = new FormReader(form);
	const s = f.raw('target').replace(/\s*%$/, '').replace(',', '.');
	if (s === '') return f.result(null);
	let basisPoints = Number.NaN;
	if (/^\d{1,3}(\.\d{1,2})?$/.test(s)) {
		const [whole, fraction = ''] = s.split('.');
		basisPoints = Number(whole) * 100 + Number((fraction + '00').slice(0, 2));
	}
	if (!(basisPoints <= 10000)) f.errors.target = 'overview_error_share';
	return f.result(basisPoints);
}

export const REMINDERS_KEY = 'reminders';

/** When owners are reminded and their manager told (see notifications/due.ts). */
export interface ReminderSettingsValue {
	daysBefore: number;
	daysAfter: number;
	escalateAfter: number;
}

export const REMINDERS_DEFAULTS: ReminderSettingsValue = {
	daysBefore: 3,
	daysAfter: 1,
	escalateAfter: 7
};

function days(value: unknown, fallback: number): number {
	return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 90
		? value
		: fallback;
}

/** Reads the stored JSON defensively: a missing or damaged value falls back to the defaults. */
export function toReminderSettings(value: unknown): ReminderSettingsValue {
	const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
	return {
		daysBefore: days(v.daysBefore, REMINDERS_DEFAULTS.daysBefore),
		daysAfter: days(v.daysAfter, REMINDERS_DEFAULTS.daysAfter),
		escalateAfter: days(v.escalateAfter, REMINDERS_DEFAULTS.escalateAfter)
	};
}

/** The reminders form: three whole numbers of days, 0–90; escalation after the reminder. */
export function parseReminderForm(form: Record<string, unknown>): Parsed<ReminderSettingsValue> {
	const f = new FormReader(form);
	const range = { required: true, min: 0, max: 90, error: 'adoption_error_days' };
	const daysBefore = f.int('daysBefore', range);
	const daysAfter = f.int('daysAfter', range);
	const escalateAfter = f.int('escalateAfter', { ...range, min: 1 });
	if (daysAfter !== null && escalateAfter !== null && escalateAfter < daysAfter) {
		f.errors.escalateAfter = 'adoption_error_escalate_order';
	}
	return f.result({
		daysBefore: daysBefore!,
		daysAfter: daysAfter!,
		escalateAfter: escalateAfter!
	});
}

export const OFFICE_KEY = 'office';

/** The office's name as the council report prints it on its cover and page header. */
export function parseOfficeForm(form: Record<string, unknown>): Parsed<string | null> {
	const f = new FormReader(form);
	return f.result(f.text('name', { max: 120 }));
}

export function toOfficeName(value: unknown): string | null {
	const name = (value as { name?: unknown } | undefined)?.name;
	return typeof name === 'string' && name.trim() ? name.trim() : null;
}
