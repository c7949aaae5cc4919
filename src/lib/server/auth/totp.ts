import { generateHOTP, createTOTPKeyURI } from '@oslojs/otp';
import { sha256 } from '@oslojs/crypto/sha2';
import {
	decodeBase32IgnorePadding,
	encodeBase32NoPadding,
	encodeBase32LowerCaseNoPadding,
	encodeHexLowerCase
} from '@oslojs/encoding';

/**
 * TOTP (RFC 6238) as authenticator apps know it: SHA-1, 6 digits, 30-second steps. A code is
 * accepted for the current step and one step either side (clocks drift), and never for a step at
 * or before the last one accepted, so a code seen over a shoulder or replayed is refused.
 */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted either side of the current one. */
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 8;

/** A new random key (160 bits, as RFC 4226 recommends), base32 for the authenticator app. */
export function generateKey(): string {
	return encodeBase32NoPadding(crypto.getRandomValues(new Uint8Array(20)));
}

export function stepAt(now: Date): bigint {
	return BigInt(Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS));
}

/** The code for a key at an instant (what the user's app shows). */
export function codeAt(key: string, now: Date): string {
	return generateHOTP(decodeBase32IgnorePadding(key), stepAt(now), TOTP_DIGITS);
}

/** Spaces and dashes as users type them are ignored. */
export function normaliseCode(code: string): string {
	return code.replace(/[\s-]/g, '');
}

/**
 * The step a code matches, within the window and after `lastStep`, or null. Every step of the
 * window is compared in constant time, so the answer's timing says nothing about the match.
 */
export function matchingStep(
	key: string,
	code: string,
	now: Date,
	lastStep: bigint | null
): bigint | null {
	const typed = normaliseCode(code);
	if (!/^\d{6}$/.test(typed)) return null;
	const bytes = decodeBase32IgnorePadding(key);
	const current = stepAt(now);
	let found: bigint | null = null;
	for (let offset = -TOTP_WINDOW; offset <= TOTP_WINDOW; offset++) {
		const step = current + BigInt(offset);
		if (constantTimeEqual(generateHOTP(bytes, step, TOTP_DIGITS), typed) && found === null) {
			found = step;
		}
	}
	if (found === null || (lastStep !== null && found <= lastStep)) return null;
	return found;
}

function constantTimeEqual(a: string, b: string): boolean {
	if (a.length !== b.length) return false;
	let diff = 0;
	for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
	return diff === 0;
}

/** The otpauth:// URI an authenticator app reads (as a QR code or typed in). */
export function keyUri(key: string, accountName: string, issuer = 'Dílna'): string {
	return createTOTPKeyURI(
		issuer,
		accountName,
		decodeBase32IgnorePadding(key),
		TOTP_PERIOD_SECONDS,
		TOTP_DIGITS
	);
}

/** Recovery codes: 10 random base32 characters shown as two groups of five. */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
	return Array.from({ length: count }, () => {
		const raw = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(7))).slice(
			0,
			10
		);
		return `${raw.slice(0, 5)}-${raw.slice(5)}`;
	});
}

/** Recovery codes are random (50 bits), so a SHA-256 of the normalised code suffices to store them. */
export function hashRecoveryCode(code: string): string {
	const normal = normaliseCode(code).toLowerCase();
	return encodeHexLowerCase(sha256(new TextEncoder().encode(normal)));
}
