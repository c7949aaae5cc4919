import { describe, expect, it } from 'vitest';
import { webhookUrl } from './webhook';

describe('webhook address', () => {
	it('takes http and https URLs as typed, trimmed', () => {
		expect(webhookUrl(' https://mesto.webhook.office.com/webhookb2/abc ')).toBe(
			'https://mesto.webhook.office.com/webhookb2/abc'
		);
		expect(webhookUrl('http://127.0.0.1:8080/hook')).toBe('http://127.0.0.1:8080/hook');
		expect(webhookUrl('https://hooks.slack.com/services/T0/B0/x?y=1')).toBe(
			'https://hooks.slack.com/services/T0/B0/x?y=1'
		);
	});

	it('refuses other schemes, relative paths, credentials and overlong input', () => {
		expect(webhookUrl('ftp://example.com/x')).toBeNull();
		expect(webhookUrl('javascript:alert(1)')).toBeNull();
		expect(webhookUrl('/hook')).toBeNull();
		expect(webhookUrl('hooks.slack.com/x')).toBeNull();
		expect(webhookUrl('https://user:pw@example.com/x')).toBeNull();
		expect(webhookUrl('https://example.com/' + 'a'.repeat(500))).toBeNull();
		expect(webhookUrl('')).toBeNull();
	});
});
