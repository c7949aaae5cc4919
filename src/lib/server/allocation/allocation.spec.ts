import { describe, expect, it } from 'vitest';
import { allocate } from '../../money';
import { fromScaledPadded, parseNonNegative } from '../../decimal';

describe('allocation arithmetic', () => {
	it('reads percentages with a decimal comma or point, to four places', () => {
		expect(parseNonNegative('33,3333')).toBe(333333n);
		expect(parseNonNegative('12.5')).toBe(125000n);
		expect(parseNonNegative('100')).toBe(1000000n);
		expect(parseNonNegative('1,23456')).toBeNull();
		expect(parseNonNegative('-5')).toBeNull();
		expect(fromScaledPadded(333334n)).toBe('33.3334');
	});

	it('keeps every sum to the haléř whatever the weights', () => {
		let seed = 42;
		const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
		for (let i = 0; i < 500; i++) {
			const total = BigInt(next() % 100_000_000) - 20_000_000n;
			const weights = Array.from({ length: 1 + (next() % 9) }, () => BigInt(next() % 50_000));
			const shares = allocate(total, weights);
			const sum = shares.reduce((a, s) => a + s, 0n);
			if (weights.some((w) => w > 0n)) expect(sum).toBe(total);
			else expect(sum).toBe(0n);
			weights.forEach((w, k) => {
				if (w === 0n) expect(shares[k]).toBe(0n);
			});
		}
	});

	it('splits one haléř over three equal keys without losing it', () => {
		expect(allocate(1n, [333333n, 333333n, 333334n])).toEqual([0n, 0n, 1n]);
		expect(allocate(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
	});
});
