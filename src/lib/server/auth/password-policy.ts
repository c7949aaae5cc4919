import { dictionary } from '@zxcvbn-ts/language-common';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password';

/**
 * What a new password must be (ASVS 2.1): at least MIN_PASSWORD_LENGTH characters, any characters
 * at all, and not one that attackers try first: not on the list of the 49,233 most common
 * passwords from breaches that zxcvbn-ts ships (`@zxcvbn-ts/language-common`), not such a password
 * with digits or signs around it (`password2024!`), not a few characters repeated
 * (`aaaaaaaaaaaa`, `abcabcabcabc`), and not the username or the app's name with a suffix.
 */
export type PasswordProblem =
	'error_password_too_short' | 'error_too_long' | 'error_password_common';

let common: Set<string> | null = null;

function commonPasswords(): Set<string> {
	common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
	return common;
}

/** Words of this place that a password must not just be: the app, the town office's words. */
const LOCAL_WORDS = [
	'dilna',
	'dílna',
	'heslo',
	'mesto',
	'město',
	'urad',
	'úřad',
	'starosta',
	'admin'
];

export function passwordProblem(password: string, username = ''): PasswordProblem | null {
	if (password.length < MIN_PASSWORD_LENGTH) return 'error_password_too_short';
	if (password.length > MAX_PASSWORD_LENGTH) return 'error_too_long';
	const lower = password.toLowerCase();
	if (new Set(lower).size < 5) return 'error_password_common';
	const list = commonPasswords();
	// The password itself, and what is left once digits and signs around it are taken off.
	const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/gu, '');
	if (list.has(lower) || (core.length >= 4 && list.has(core))) return 'error_password_common';
	// The app's words or the username with a little around them (`dilna-demo-1`, `novak2026!`).
	const letters = lower.replace(/[^\p{L}]/gu, '');
	let left = letters;
	for (const word of [...LOCAL_WORDS, username.trim().toLowerCase()]) {
		if (word.length >= 4) left = left.split(word).join('');
	}
	if (left !== letters && left.length <= 4) return 'error_password_common';
	// Two list entries in a row, or one and a run of digits or signs (`qwertyuiopasdfgh`,
	// `123456789012`): split at every place, each half looked up once.
	for (let i = 4; i <= lower.length - 1; i++) {
		const head = lower.slice(0, i);
		const rest = lower.slice(i);
		if (list.has(head) && (list.has(rest) || /^[\d\W_]*$/u.test(rest))) {
			return 'error_password_common';
		}
	}
	return null;
}
