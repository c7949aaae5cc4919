import { describe, expect, it } from 'vitest';
import { potentialIndex } from './potential';

describe('improvement potential index', () => {
	it('maps all-1 to 0 and all-5 to 100', () => {
		expect(potentialIndex({ volume: 1, manual: 1, errors: 1, impact: 1, cost: 1 })).toBe(0);
		expect(potentialIndex({ volume: 5, manual: 5, errors: 5, impact: 5, cost: 5 })).toBe(100);
	});
	it('weights the criteria', () => {
		// 5·25 + 5·25 + 1·20 + 1·15 + 1·15 = 300 → (300 − 100) / 4 = 50
		expect(potentialIndex({ volume: 5, manual: 5, errors: 1, impact: 1, cost: 1 })).toBe(50);
		// 1·25 + 1·25 + 5·20 + 5·15 + 5·15 = 300 → 50 too: both halves weigh the same
		expect(potentialIndex({ volume: 1, manual: 1, errors: 5, impact: 5, cost: 5 })).toBe(50);
		// 4·25 + 3·25 + 2·20 + 5·15 + 3·15 = 335 → 58.75 → 59
		expect(potentialIndex({ volume: 4, manual: 3, errors: 2, impact: 5, cost: 3 })).toBe(59);
	});
	it('has no index until every criterion is scored', () => {
		expect(potentialIndex({ volume: 5, manual: null, errors: 1, impact: 1, cost: 1 })).toBeNull();
		expect(potentialIndex({ volume: 6, manual: 1, errors: 1, impact: 1, cost: 1 })).toBeNull();
	});
});
