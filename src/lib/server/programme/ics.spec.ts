import { describe, expect, it } from 'vitest';
import { calendar, escapeText, foldLine } from './ics';

describe('iCalendar writer', () => {
	it('escapes commas, semicolons, backslashes and new lines', () => {
		expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
	});
	it('folds long lines at 75 octets without splitting Czech characters', () => {
		const line = 'SUMMARY:' + 'ř'.repeat(60);
		const folded = foldLine(line);
		const lines = folded.split('\r\n');
		expect(lines.length).toBeGreaterThan(1);
		for (const l of lines) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
		expect(lines.slice(1).every((l) => l.startsWith(' '))).toBe(true);
		expect(lines.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(line);
	});
	it('writes all-day events ending the next day, with CRLF line ends', () => {
		const ics = calendar('Milníky', [
			{
				uid: 'milestone-7@dilna',
				date: '2026-12-31',
				summary: 'Audit, hotovo',
				stamp: new Date('2026-11-22T10:00:00.123Z')
			}
		]);
		expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
		expect(ics).toContain('DTSTART;VALUE=DATE:20261231\r\n');
		expect(ics).toContain('DTEND;VALUE=DATE:20270101\r\n');
		expect(ics).toContain('DTSTAMP:20261122T100000Z\r\n');
		expect(ics).toContain('SUMMARY:Audit\\, hotovo\r\n');
		expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
		expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
	});
});
