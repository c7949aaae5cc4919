import { describe, expect, it } from 'vitest';
import { safeRedirect } from './redirect';

describe('safeRedirect', () => {
	it.each([
		'/',
		'/costs',
		'/costs?year=2025',
		'/goals/3#kpi',
		'/processes/%2F%2Fhost' // an encoded slash inside a path is a path
	])('keeps the same-site path %s', (target) => {
		expect(safeRedirect(target)).toBe(target);
	});

	it.each([
		['//evil.example', 'protocol-relative'],
		['/\\evil.example', 'backslash'],
		['/\\\\evil.example', 'two backslashes'],
		['\\/evil.example', 'backslash first'],
		['/\t/evil.example', 'tab (from /%09/)'],
		['/\n/evil.example', 'newline (from /%0a/)'],
		['/\r/evil.example', 'carriage return'],
		['/.//evil.example', 'dot segment collapsing to //'],
		['https://evil.example', 'absolute'],
		['https:evil.example', 'scheme without slashes'],
		['javascript:alert(1)', 'script'],
		['http:/\\evil.example', 'scheme and backslash'],
		['evil.example', 'relative'],
		['', 'empty']
	])('refuses %j (%s)', (target) => {
		expect(safeRedirect(target)).toBeNull();
	});

	it('refuses the decoded forms of the known encoded bypasses', () => {
		for (const encoded of [
			'/%09/evil.example',
			'/%5Cevil.example',
			'%2F%2Fevil.example',
			'/%0A/evil.example'
		]) {
			const decoded = new URLSearchParams(`redirectTo=${encoded}`).get('redirectTo');
			expect(safeRedirect(decoded)).toBeNull();
		}
	});

	it('returns the path as parsed, so the browser follows what was checked', () => {
		expect(safeRedirect('/ /evil.example')).toBe('/%20/evil.example');
		expect(safeRedirect('/a/../costs')).toBe('/costs');
	});

	it('keeps a doubly encoded target a path on this site', () => {
		const decoded = new URLSearchParams('redirectTo=/%252F%252Fevil.example').get('redirectTo');
		expect(safeRedirect(decoded)).toBe('/%2F%2Fevil.example');
	});
});
