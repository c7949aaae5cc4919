import { m } from '$lib/paraglide/messages';
import { formatDate } from '$lib/format';
import type { MailPayload } from '../notifications/notifications';

// Mails are written in Czech, the office's language (as the reminders are).
const cs = { locale: 'cs' as const };

function escape(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The invitation: who is invited, until when, and the one-time link. It names no other person
 * (not even the admin who sent it) and nothing of the guest's scope beyond "what you may open".
 */
export function renderInvitation(
	guestName: string,
	link: string,
	linkExpiresAt: Date,
	expiresOn: string
): MailPayload {
	const subject = m.guests_mail_subject({}, cs);
	const lines = [
		m.guests_mail_hello({ name: guestName }, cs),
		m.guests_mail_intro({ date: formatDate(expiresOn) }, cs),
		m.guests_mail_link_once({ date: formatDate(linkExpiresAt.toISOString().slice(0, 10)) }, cs)
	];
	return {
		subject,
		text: `${lines.join('\n\n')}\n\n${link}\n`,
		html:
			lines.map((l) => `<p>${escape(l)}</p>`).join('') +
			`<p><a href="${escape(link)}">${escape(m.guests_mail_open({}, cs))}</a></p>`
	};
}
