import { describe, expect, it } from 'vitest';
import {
	codeAt,
	generateKey,
	generateRecoveryCodes,
	hashRecoveryCode,
	keyUri,
	matchingStep,
	stepAt,
	TOTP_PERIOD_SECONDS
} from './totp';

// RFC 6238 appendix B's SHA-1 key ("12345678901234567890") in base32.
const RFC_KEY = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const at = (seconds: number) => new Date(seconds * 1000);

describe('TOTP', () => {
	it('gives the RFC 6238 test vectors (last six digits)', () => {
		expect(codeAt(RFC_KEY, at(59))).toBe('287082');
		expect(codeAt(RFC_KEY, at(1111111109))).toBe('081804');
		expect(codeAt(RFC_KEY, at(1234567890))).toBe('005924');
		expect(codeAt(RFC_KEY, at(2000000000))).toBe('279037');
	});

	it('accepts a code one step either side of now and refuses it further out', () => {
		const key = generateKey();
		const now = at(1_800_000_000);
		const code = codeAt(key, now);
		expect(matchingStep(key, code, now, null)).toBe(stepAt(now));
		expect(matchingStep(key, code, at(1_800_000_000 + TOTP_PERIOD_SECONDS), null)).toBe(
			stepAt(now)
		);
		expect(matchingStep(key, code, at(1_800_000_000 - TOTP_PERIOD_SECONDS), null)).toBe(
			stepAt(now)
		);
		expect(matchingStep(key, code, at(1_800_000_000 + 2 * TOTP_PERIOD_SECONDS), null)).toBeNull();
		expect(matchingStep(key, code, at(1_800_000_000 - 2 * TOTP_PERIOD_SECONDS), null)).toBeNull();
	});

	it('refuses the same code again, and any code of an earlier step', () => {
		const key = generateKey();
		const now = at(1_800_000_000);
		const step = matchingStep(key, codeAt(key, now), now, null);
		expect(step).not.toBeNull();
		// Replayed within its window: refused.
		expect(matchingStep(key, codeAt(key, now), now, step)).toBeNull();
		const earlier = at(1_800_000_000 - TOTP_PERIOD_SECONDS);
		expect(matchingStep(key, codeAt(key, earlier), now, step)).toBeNull();
		// The next step's code is fine.
		const later = at(1_800_000_000 + TOTP_PERIOD_SECONDS);
		expect(matchingStep(key, codeAt(key, later), later, step)).toBe(step! + 1n);
	});

	it('reads codes typed with spaces, refuses anything not six digits', () => {
		const key = generateKey();
		const now = at(1_800_000_000);
		const code = codeAt(key, now);
		expect(matchingStep(key, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).not.toBeNull();
		expect(matchingStep(key, '12345', now, null)).toBeNull();
		expect(matchingStep(key, 'abcdef', now, null)).toBeNull();
		expect(matchingStep(key, '', now, null)).toBeNull();
	});

	it('makes an otpauth URI an authenticator app reads', () => {
		const key = generateKey();
		const uri = new URL(keyUri(key, 'admin'));
		expect(uri.protocol).toBe('otpauth:');
		expect(uri.searchParams.get('secret')).toBe(key);
		expect(uri.searchParams.get('digits')).toBe('6');
		expect(uri.searchParams.get('period')).toBe('30');
	});

	it('makes distinct recovery codes whose hash ignores case, spaces and dashes', () => {
		const codes = generateRecoveryCodes();
		expect(new Set(codes).size).toBe(codes.length);
		for (const code of codes) expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
		expect(hashRecoveryCode(codes[0].toUpperCase().replace('-', ' '))).toBe(
			hashRecoveryCode(codes[0])
		);
		expect(hashRecoveryCode(codes[0])).not.toBe(hashRecoveryCode(codes[1]));
	});
});
