import { getLocale } from '$lib/paraglide/runtime';
import type { Halere } from './money';

/**
 * The one place that formats numbers, money and dates for people: Czech by default, English when
 * chosen. Always pass values through here rather than calling toLocaleString in components.
 */
function tag(): string {
	return getLocale() === 'en' ? 'en-GB' : 'cs-CZ';
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numberFormat(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const id = `${tag()}|n|${key}`;
	let f = cache.get(id) as Intl.NumberFormat | undefined;
	if (!f) cache.set(id, (f = new Intl.NumberFormat(tag(), options)));
	return f;
}
function dateFormat(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const id = `${tag()}|d|${key}`;
	let f = cache.get(id) as Intl.DateTimeFormat | undefined;
	if (!f) {
		cache.set(id, (f = new Intl.DateTimeFormat(tag(), { timeZone: 'Europe/Prague', ...options })));
	}
	return f;
}

/**
 * Amounts already formatted, per language and form: a page renders the same figures for every
 * user until the data changes, and formatToParts is the costliest step of rendering a table of
 * money. Emptied when full, so it never grows past a few thousand short strings.
 */
const formatted = new Map<string, string>();
const FORMATTED_KEPT = 20_000;

/** `1 234 567,89 Kč`; with `whole`, rounded to whole crowns: `1 234 568 Kč`. */
export function formatCzk(h: Halere, options: { whole?: boolean } = {}): string {
	const id = `${tag()}|${options.whole ? 0 : 2}|${h}`;
	let text = formatted.get(id);
	if (text === undefined) {
		if (formatted.size >= FORMATTED_KEPT) formatted.clear();
		formatted.set(id, (text = czk(h, options.whole ?? false)));
	}
	return text;
}

function czk(h: Halere, whole: boolean): string {
	const negative = h < 0n;
	const abs = negative ? -h : h;
	if (whole) {
		const crowns = (abs + 50n) / 100n;
		return numberFormat('czk0', {
			style: 'currency',
			currency: 'CZK',
			maximumFractionDigits: 0
		}).format(negative && crowns !== 0n ? -crowns : crowns);
	}
	// Format the crowns and the haléře apart so no float ever rounds the amount. Both locales we
	// support put the minus sign first.
	const parts = numberFormat('czk2', {
		style: 'currency',
		currency: 'CZK',
		minimumFractionDigits: 2
	}).formatToParts(abs / 100n);
	const fraction = (abs % 100n).toString().padStart(2, '0');
	const text = parts.map((p) => (p.type === 'fraction' ? fraction : p.value)).join('');
	return negative ? `${MINUS}${text}` : text;
}

/** The typographic minus sign (U+2212) people read in negative figures, not the hyphen. */
const MINUS = '\u2212';
function withMinus(text: string): string {
	return text.replace(/^-/, MINUS);
}

/** Millions for tiles: `72,4 mil. Kč`. */
export function formatCzkCompact(h: Halere): string {
	return numberFormat('compact', {
		style: 'currency',
		currency: 'CZK',
		notation: 'compact',
		maximumFractionDigits: 1
	}).format(Number(h) / 100);
}

export function formatNumber(value: number | bigint | string, fractionDigits = 2): string {
	const n = typeof value === 'string' ? Number(value) : value;
	return withMinus(
		numberFormat(`num${fractionDigits}`, { maximumFractionDigits: fractionDigits }).format(n)
	);
}

/**
 * The forms of a unit that Czech declines by count: one (1 den), few (2–4 dny), many (a
 * fraction: 1,5 dne) and other (0, 5 and more: 5 dní), with the English word for each. A unit
 * the office typed in any of its forms is recognised; any other unit is shown as typed.
 */
const UNITS: { cs: [string, string, string, string]; en: [string, string] }[] = [
	{ cs: ['den', 'dny', 'dne', 'dní'], en: ['day', 'days'] },
	{ cs: ['hodina', 'hodiny', 'hodiny', 'hodin'], en: ['hour', 'hours'] },
	{ cs: ['minuta', 'minuty', 'minuty', 'minut'], en: ['minute', 'minutes'] },
	{ cs: ['týden', 'týdny', 'týdne', 'týdnů'], en: ['week', 'weeks'] },
	{ cs: ['měsíc', 'měsíce', 'měsíce', 'měsíců'], en: ['month', 'months'] },
	{ cs: ['rok', 'roky', 'roku', 'let'], en: ['year', 'years'] },
	{ cs: ['případ', 'případy', 'případu', 'případů'], en: ['case', 'cases'] },
	{ cs: ['žádost', 'žádosti', 'žádosti', 'žádostí'], en: ['application', 'applications'] },
	{ cs: ['osoba', 'osoby', 'osoby', 'osob'], en: ['person', 'people'] },
	{ cs: ['stížnost', 'stížnosti', 'stížnosti', 'stížností'], en: ['complaint', 'complaints'] },
	{ cs: ['chyba', 'chyby', 'chyby', 'chyb'], en: ['error', 'errors'] }
];
/** Abbreviations and other forms offices type, by the unit's first form. */
const UNIT_ALIASES: Record<string, string> = {
	dnů: 'den',
	'hod.': 'hodina',
	h: 'hodina',
	min: 'minuta'
};
const UNIT_BY_FORM = new Map<string, (typeof UNITS)[number]>();
for (const unit of UNITS) for (const form of [...unit.cs, ...unit.en]) UNIT_BY_FORM.set(form, unit);
for (const [alias, first] of Object.entries(UNIT_ALIASES)) {
	UNIT_BY_FORM.set(
		alias,
		UNITS.find((u) => u.cs[0] === first)!
	);
}
const CS_CATEGORY = { one: 0, few: 1, many: 2, other: 3 } as const;

const plurals = new Map<string, Intl.PluralRules>();
function pluralRules(locale: string): Intl.PluralRules {
	let rules = plurals.get(locale);
	if (!rules) plurals.set(locale, (rules = new Intl.PluralRules(locale)));
	return rules;
}

/** The unit in the form its count asks for: `unitFor(57, 'dny')` → `dní`, `unitFor(1, 'dny')` → `den`. */
export function unitFor(value: number | bigint | string, unit: string): string {
	const known = UNIT_BY_FORM.get(unit.trim().toLowerCase());
	if (!known) return unit;
	// Only chooses a word: a float is fine here, no sum is made of it.
	const n = Number(value);
	const category = pluralRules(tag()).select(n) as keyof typeof CS_CATEGORY;
	if (getLocale() === 'en') return known.en[category === 'one' ? 0 : 1];
	return known.cs[CS_CATEGORY[category] ?? 3];
}

/**
 * A unit on its own (a column heading, a chart axis, a KPI's definition): as the office typed it in
 * Czech, the English word (plural) in English; `%`, `Kč` and other units stay as typed.
 */
export function unitLabel(unit: string): string {
	const known = UNIT_BY_FORM.get(unit.trim().toLowerCase());
	if (!known || getLocale() !== 'en') return unit;
	return known.en[1];
}

/** A count with its unit, declined: `57 dní`, `1,5 hodiny`, `35 %`, `400 hodin`. */
export function formatQuantity(
	value: number | bigint | string,
	unit: string | null | undefined,
	fractionDigits = 2
): string {
	const number = formatNumber(value, fractionDigits);
	return unit ? `${number} ${unitFor(value, unit)}` : number;
}

/**
 * A KPI period as people say it: `2026-11` → `listopad 2026`, `2026-Q3` → `3. čtvrtletí 2026`
 * (`Q3 2026`), `2026-H1` → `1. pololetí 2026` (`H1 2026`), `2026` → `2026`.
 */
export function formatPeriod(period: string): string {
	const month = /^(\d{4})-(\d{2})$/.exec(period);
	if (month) return formatMonth(period);
	const part = /^(\d{4})-([QH])([1-4])$/.exec(period);
	if (!part) return period;
	const [, year, kind, index] = part;
	if (getLocale() === 'en') return `${kind}${index} ${year}`;
	return `${index}. ${kind === 'Q' ? 'čtvrtletí' : 'pololetí'} ${year}`;
}

/** 0.123 → `12,3 %` */
export function formatPercent(ratio: number | null, fractionDigits = 1): string {
	if (ratio === null || !Number.isFinite(ratio)) return '—';
	return numberFormat(`pct${fractionDigits}`, {
		style: 'percent',
		minimumFractionDigits: fractionDigits,
		maximumFractionDigits: fractionDigits
	}).format(ratio);
}

/**
 * A change said with its sign: `+1 200,00 Kč`, `−300,00 Kč` (the formatter writes the minus),
 * `0,00 Kč` for none, `—` when there is nothing to compare.
 */
export function formatChange<T extends number | bigint>(
	change: T | null,
	format: (value: T) => string
): string {
	if (change === null) return '—';
	return (change > 0 ? '+' : '') + format(change);
}

/** A calendar date (`2026-03-05` or a Date) as `5. 3. 2026`. */
export function formatDate(value: string | Date | null | undefined): string {
	if (!value) return '—';
	const date = typeof value === 'string' ? new Date(`${value.slice(0, 10)}T12:00:00Z`) : value;
	return dateFormat('date', { day: 'numeric', month: 'numeric', year: 'numeric' }).format(date);
}

export function formatDateTime(value: Date | string | null | undefined): string {
	if (!value) return '—';
	const date = typeof value === 'string' ? new Date(value) : value;
	return dateFormat('datetime', {
		day: 'numeric',
		month: 'numeric',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit'
	}).format(date);
}

/** `2026-03` → `březen 2026` */
export function formatMonth(month: string): string {
	const date = new Date(`${month.slice(0, 7)}-15T12:00:00Z`);
	return dateFormat('month', { month: 'long', year: 'numeric' }).format(date);
}
