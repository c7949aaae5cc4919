/**
 * A minimal iCalendar (RFC 5545) writer for milestone feeds: all-day events, escaped text,
 * lines folded at 75 octets, CRLF line ends.
 */
export interface CalendarEvent {
	uid: string;
	/** `YYYY-MM-DD` (all day) */
	date: string;
	summary: string;
	description?: string;
	url?: string;
	/** When the event was last changed. */
	stamp: Date;
}

export function escapeText(text: string): string {
	return text
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r?\n/g, '\\n');
}

/** Folds a content line so no line exceeds 75 octets, never splitting a UTF-8 character. */
export function foldLine(line: string): string {
	const encoder = new TextEncoder();
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	for (const ch of line) {
		const size = encoder.encode(ch).length;
		const limit = parts.length === 0 ? 75 : 74;
		if (octets + size > limit) {
			parts.push(current);
			current = '';
			octets = 0;
		}
		current += ch;
		octets += size;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

const compactDate = (date: string) => date.slice(0, 10).replace(/-/g, '');

function stamp(date: Date): string {
	return date
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
}

function nextDay(date: string): string {
	const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + 1);
	return d.toISOString().slice(0, 10);
}

export function calendar(name: string, events: readonly CalendarEvent[]): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Dilna//Programme milestones//CS',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		`X-WR-CALNAME:${escapeText(name)}`
	];
	for (const e of events) {
		lines.push(
			'BEGIN:VEVENT',
			`UID:${e.uid}`,
			`DTSTAMP:${stamp(e.stamp)}`,
			`DTSTART;VALUE=DATE:${compactDate(e.date)}`,
			`DTEND;VALUE=DATE:${compactDate(nextDay(e.date))}`,
			`SUMMARY:${escapeText(e.summary)}`
		);
		if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
		if (e.url) lines.push(`URL:${e.url}`);
		lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
	}
	lines.push('END:VCALENDAR');
	return lines.map(foldLine).join('\r\n') + '\r\n';
}
