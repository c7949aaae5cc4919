import { describe, expect, it } from 'vitest';
import { encode } from 'uqr';
import { totpQrOptions, totpQrSvg } from './totp-qr';
import { generateKey, keyUri } from './totp';

/** The dark modules an SVG draws, as "row,col", read from its path's squares. */
function darkModules(svg: string): Set<string> {
	const size = totpQrOptions.pixelSize;
	const path = /<path[^>]* d="([^"]+)"/.exec(svg)?.[1] ?? '';
	const cells = new Set<string>();
	for (const [, x, y] of path.matchAll(/M(\d+),(\d+)/g)) {
		cells.add(`${Number(y) / size},${Number(x) / size}`);
	}
	return cells;
}

describe('totpQrSvg', () => {
	it('draws exactly the modules of the otpauth URI it is given', () => {
		const uri = keyUri(generateKey(), 'personalni');
		const svg = totpQrSvg(uri)!;
		const { data } = encode(uri, totpQrOptions);
		const expected = new Set<string>();
		data.forEach((row, y) => row.forEach((dark, x) => dark && expected.add(`${y},${x}`)));
		expect(expected.size).toBeGreaterThan(100);
		expect(darkModules(svg)).toEqual(expected);
		// Another key gives another image.
		expect(darkModules(totpQrSvg(keyUri(generateKey(), 'personalni'))!)).not.toEqual(expected);
	});

	it('is an SVG of shapes only: no script, text or reference the CSP would have to allow', () => {
		const svg = totpQrSvg(keyUri(generateKey(), 'admin'))!;
		expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
		expect(svg).not.toMatch(/<script|<text|<image|href=|<style|on\w+=/i);
	});

	it('draws nothing for anything but an otpauth TOTP URI', () => {
		expect(totpQrSvg('https://example.com/')).toBeNull();
		expect(totpQrSvg('javascript:alert(1)')).toBeNull();
	});
});
