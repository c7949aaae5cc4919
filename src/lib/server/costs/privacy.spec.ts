import { describe, expect, it } from 'vitest';
import { counterparty, isPrivatePerson, normalizeIco } from './privacy';

describe('counterparty privacy', () => {
	it('reads an IČO with spaces or lost leading zeros, refuses anything else', () => {
		expect(normalizeIco('012 34 567')).toBe('01234567');
		expect(normalizeIco('1234567')).toBe('01234567');
		expect(normalizeIco('00000000')).toBeNull();
		expect(normalizeIco('CZ1234')).toBeNull();
		expect(normalizeIco('')).toBeNull();
		expect(normalizeIco(null)).toBeNull();
	});

	it('takes a named counterparty without an IČO for a private person', () => {
		expect(isPrivatePerson('Jan Novák', null)).toBe(true);
		expect(isPrivatePerson('Jan Novák', '')).toBe(true);
		expect(isPrivatePerson('ACME s.r.o.', '27074358')).toBe(false);
		expect(isPrivatePerson(null, '27074358')).toBe(false);
		expect(isPrivatePerson('  ', null)).toBe(false);
		expect(isPrivatePerson(null, null)).toBe(false);
	});

	it("withholds a person's name from a viewer without names.read, never a company's", () => {
		const person = { partner_name: 'Jan Novák', partner_ico: null, partner_person: true };
		const company = { partner_name: 'ACME s.r.o.', partner_ico: '27074358', partner_person: false };
		expect(counterparty(person, false)).toMatchObject({ name: null, hidden: true });
		expect(counterparty(person, true)).toMatchObject({ name: 'Jan Novák', hidden: false });
		expect(counterparty(company, false)).toMatchObject({ name: 'ACME s.r.o.', hidden: false });
	});
});
