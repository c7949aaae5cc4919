import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
	it.each([
		['aaaaaaaaaaaa', 'one character repeated'],
		['abababababab', 'two characters repeated'],
		['123412341234', 'four digits repeated'],
		['password1234', 'a list password with digits'],
		['Password2024!', 'a list password with a year and a sign'],
		['iloveyou1234', 'a list password with digits'],
		['1qaz2wsx3edc', 'a keyboard walk'],
		['qwertyuiopasdfgh', 'a keyboard run on the list'],
		['123456789012', 'digits in a row'],
		['dilna-demo-1', 'not the app'],
		['Dílna2026!!!', 'the app and a year'],
		['novak2026!!!', 'the username and a year']
	])('refuses %j (%s)', (password) => {
		expect(passwordProblem(password, 'novak')).toBe('error_password_common');
	});

	it('refuses a short or an overlong password by length', () => {
		expect(passwordProblem('Kr4tk3!x')).toBe('error_password_too_short');
		expect(passwordProblem('x'.repeat(257))).toBe('error_too_long');
	});

	it.each([
		'kůň-běží-přes-louku',
		'spravce-heslo-123',
		'Tr0ubador&3-kone',
		'correct horse battery',
		'8237-1945-6620'
	])('accepts %j', (password) => {
		expect(passwordProblem(password, 'novak')).toBeNull();
	});
});
