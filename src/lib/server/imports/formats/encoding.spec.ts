import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding, looksBinary } from './encoding';
import { cp1250, utf8 } from './spec-helpers';

const czech = 'Příliš žluťoučký kůň úpěl ďábelské ódy; čřž ČŘŽ';

describe('encoding', () => {
	it('detects UTF-8 with and without a BOM, and Windows-1250', () => {
		expect(detectEncoding(utf8(czech))).toBe('utf-8');
		expect(detectEncoding(utf8('\ufeff' + czech))).toBe('utf-8');
		expect(detectEncoding(cp1250(czech))).toBe('windows-1250');
		expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toBe('utf-16le');
	});

	it('decodes either to the same text and strips the BOM', () => {
		expect(decodeText(cp1250(czech))).toEqual({
			text: czech,
			encoding: 'windows-1250',
			bom: false
		});
		expect(decodeText(utf8('\ufeff' + czech))).toEqual({
			text: czech,
			encoding: 'utf-8',
			bom: true
		});
		const utf16 = new Uint8Array([0xff, 0xfe, 0x0d, 0x01, 0x41, 0x00]);
		expect(decodeText(utf16).text).toBe('čA');
	});

	it('follows an override even when the guess would differ', () => {
		expect(decodeText(utf8(czech), 'windows-1250').text).not.toBe(czech);
		expect(decodeText(cp1250('č'), 'utf-8').text).toBe('\ufffd');
		expect(decodeText(utf8('\ufeffa'), 'windows-1250')).toMatchObject({ text: 'a', bom: true });
	});

	it('tells binary data from text', () => {
		expect(looksBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toBe(true);
		expect(looksBinary(cp1250(czech))).toBe(false);
		expect(looksBinary(new Uint8Array())).toBe(false);
	});
});
