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

/** `1 234 567,89 Kč`; with `whole`, rounded to whole crowns: `1 234 568 Kč`. */
export function formatCzk(h: Halere, options: { whole?: boolean } = {}): string {
	const negative = h < 0n;
	const abs = negative ? -h : h;
	if (options.whole) {
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
	return negative ? `-${text}` : text;
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
	return numberFormat(`num${fractionDigits}`, { maximumFractionDigits: fractionDigits }).format(n);
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
