import { describe, expect, it } from 'vitest';
import { codeKey } from './codes';

describe('codeKey', () => {
	it('ignores the zero padding of numeric codes', () => {
		expect(codeKey('0000000110')).toBe(codeKey('0110'));
		expect(codeKey('0110')).toBe('110');
		expect(codeKey('0000')).toBe('0');
	});
	it('compares letters case-insensitively and keeps their zeros', () => {
		expect(codeKey(' ovv ')).toBe('OVV');
		expect(codeKey('A010')).toBe('A010');
		expect(codeKey('A010')).not.toBe(codeKey('A10'));
	});
});
