import { describe, expect, it } from 'vitest';
import { contentDisposition } from './disposition';

describe('content disposition', () => {
	it('gives an ASCII fallback and the UTF-8 name (RFC 5987)', () => {
		expect(contentDisposition('Směrnice č. 3.pdf')).toBe(
			`attachment; filename="Smernice c. 3.pdf"; filename*=UTF-8''Sm%C4%9Brnice%20%C4%8D.%203.pdf`
		);
	});
	it('cannot break out of the header or name a path', () => {
		const header = contentDisposition('..\\..\\a"; filename=evil.html\r\nX-Bad: 1.pdf');
		expect(header).not.toMatch(/[\r\n]/);
		expect(header.startsWith('attachment; filename="a_')).toBe(true);
		expect(header.match(/"/g)).toHaveLength(2);
		expect(contentDisposition('')).toContain('filename="soubor"');
	});
});
