import { describe, expect, it } from 'vitest';
import { backoffMinutes, wants } from './notifications';
import { parse } from './preferences.service';
import { parseReminderForm } from '../settings/settings';
import { smtpFromEnv } from './mailer';

describe('mail preferences', () => {
	it('sends each kind only to who wants it', () => {
		expect(wants('none', 'digest')).toBe(false);
		expect(wants('none', 'nudge')).toBe(false);
		expect(wants('digest', 'digest')).toBe(true);
		expect(wants('digest', 'reminder')).toBe(false);
		expect(wants('reminders', 'escalation')).toBe(true);
		expect(wants('reminders', 'digest')).toBe(false);
		expect(wants('all', 'digest')).toBe(true);
	});

	it('reads the account form', () => {
		expect(parse({ email: ' a@b.cz ', mode: 'digest' })).toEqual({
			ok: true,
			value: { email: 'a@b.cz', mode: 'digest' }
		});
		expect(parse({ email: '', mode: 'none' })).toEqual({
			ok: true,
			value: { email: null, mode: 'none' }
		});
		expect(parse({ email: 'ab.cz', mode: 'all' })).toMatchObject({
			ok: false,
			errors: { email: 'adoption_error_email' }
		});
		expect(parse({ email: 'a@b.cz', mode: 'loud' })).toMatchObject({ ok: false });
	});
});

describe('reminder settings', () => {
	it('takes whole days and escalates no earlier than the reminder after', () => {
		expect(parseReminderForm({ daysBefore: '3', daysAfter: '1', escalateAfter: '7' })).toEqual({
			ok: true,
			value: { daysBefore: 3, daysAfter: 1, escalateAfter: 7 }
		});
		expect(
			parseReminderForm({ daysBefore: '-1', daysAfter: '1', escalateAfter: '7' })
		).toMatchObject({ ok: false, errors: { daysBefore: 'adoption_error_days' } });
		expect(
			parseReminderForm({ daysBefore: '3', daysAfter: '5', escalateAfter: '2' })
		).toMatchObject({ ok: false, errors: { escalateAfter: 'adoption_error_escalate_order' } });
	});
});

describe('sending', () => {
	it('waits longer after each failure', () => {
		expect([1, 2, 3, 4].map(backoffMinutes)).toEqual([1, 5, 25, 125]);
	});

	it('reads SMTP settings from the environment, or none', () => {
		expect(smtpFromEnv({})).toBeNull();
		expect(smtpFromEnv({ SMTP_URL: 'smtp://127.0.0.1:2525' })).toMatchObject({
			url: 'smtp://127.0.0.1:2525'
		});
		expect(
			smtpFromEnv({ SMTP_HOST: 'mail.mesto.cz', SMTP_PORT: '465', MAIL_FROM: 'a@b' })
		).toMatchObject({ host: 'mail.mesto.cz', port: 465, from: 'a@b' });
	});
});
