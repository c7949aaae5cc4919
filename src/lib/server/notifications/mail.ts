import { m } from '$lib/paraglide/messages';
import { formatDate } from '$lib/format';
import type { DueItem, MailLocale, Stage } from './due';
import type { MailPayload } from './notifications';

// Each mail is written in its recipient's language (the one they chose in the app, stored with
// their mail preference); a webhook's channel gets Czech, the office's language.

function escape(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface EscalatedItem {
	item: DueItem;
	ownerName: string;
}

function lines(items: readonly DueItem[], origin: string, locale: MailLocale) {
	const cs = { locale };
	const text = items
		.map(
			(i) =>
				`- ${i.title(locale)} (${m.adoption_mail_due_on({ date: formatDate(i.dueDate) }, cs)})\n  ${origin}${i.path}`
		)
		.join('\n');
	const html = items
		.map(
			(i) =>
				`<li><a href="${escape(origin + i.path)}">${escape(i.title(locale))}</a> (${escape(m.adoption_mail_due_on({ date: formatDate(i.dueDate) }, cs))})</li>`
		)
		.join('');
	return { text, html: `<ul>${html}</ul>` };
}

function footer(origin: string, locale: MailLocale) {
	const cs = { locale };
	const text = m.adoption_mail_footer({ url: `${origin}/account` }, cs);
	return { text: `\n--\n${text}`, html: `<hr><p><small>${escape(text)}</small></p>` };
}

/**
 * The weekly digest: the recipient's own open items (overdue first), and, for a manager, the
 * items escalated to them with whose they are. Nothing else: no other person's items or names.
 */
export function renderDigest(
	name: string,
	own: readonly DueItem[],
	escalated: readonly EscalatedItem[],
	today: string,
	origin: string,
	locale: MailLocale = 'cs'
): MailPayload {
	const cs = { locale };
	const overdue = own.filter((i) => i.dueDate < today);
	const coming = own.filter((i) => i.dueDate >= today);
	const text: string[] = [m.adoption_mail_hello({ name }, cs), ''];
	const html: string[] = [`<p>${escape(m.adoption_mail_hello({ name }, cs))}</p>`];
	const section = (title: string, items: readonly DueItem[]) => {
		if (!items.length) return;
		const l = lines(items, origin, locale);
		text.push(`${title}:`, l.text, '');
		html.push(`<h2>${escape(title)}</h2>`, l.html);
	};
	section(m.adoption_mail_overdue_h({}, cs), overdue);
	section(m.adoption_mail_coming_h({}, cs), coming);
	if (escalated.length) {
		const title = m.adoption_mail_escalated_h({}, cs);
		text.push(`${title}:`);
		html.push(`<h2>${escape(title)}</h2><ul>`);
		for (const e of escalated) {
			const due = m.adoption_mail_due_on({ date: formatDate(e.item.dueDate) }, cs);
			text.push(`- ${e.ownerName}: ${e.item.title(locale)} (${due})\n  ${origin}${e.item.path}`);
			html.push(
				`<li>${escape(e.ownerName)}: <a href="${escape(origin + e.item.path)}">${escape(e.item.title(locale))}</a> (${escape(due)})</li>`
			);
		}
		text.push('');
		html.push('</ul>');
	}
	const f = footer(origin, locale);
	return {
		subject: m.adoption_mail_digest_subject({ count: own.length + escalated.length }, cs),
		text: text.join('\n') + f.text,
		html: html.join('') + f.html
	};
}

/** A reminder before or after the due date, or an escalation to the owner's manager. */
export function renderNotice(
	stage: Stage,
	item: DueItem,
	ownerName: string,
	origin: string,
	locale: MailLocale = 'cs'
): MailPayload {
	const cs = { locale };
	const title = item.title(locale);
	const date = formatDate(item.dueDate);
	const subject =
		stage === 'before'
			? m.adoption_mail_before_subject({ title, date }, cs)
			: stage === 'after'
				? m.adoption_mail_after_subject({ title, date }, cs)
				: m.adoption_mail_escalation_subject({ title, name: ownerName }, cs);
	const link = origin + item.path;
	const f = footer(origin, locale);
	return {
		subject,
		text: `${subject}\n\n${m.adoption_mail_open({}, cs)}: ${link}` + f.text,
		html:
			`<p>${escape(subject)}</p><p><a href="${escape(link)}">${escape(m.adoption_mail_open({}, cs))}</a></p>` +
			f.html
	};
}

/** An ambassador's reminder to a colleague, with the colleague's own open items. */
export function renderNudge(
	fromName: string,
	items: readonly DueItem[],
	origin: string,
	locale: MailLocale = 'cs'
): MailPayload {
	const cs = { locale };
	const l = lines(items, origin, locale);
	const intro = m.adoption_mail_nudge_intro({ name: fromName }, cs);
	const f = footer(origin, locale);
	return {
		subject: m.adoption_mail_nudge_subject({ name: fromName }, cs),
		text: `${intro}\n\n${l.text}` + f.text,
		html: `<p>${escape(intro)}</p>${l.html}` + f.html
	};
}

/**
 * The same notice for an org unit's webhook channel (plain text, `{"text": …}`): who owes what by
 * when and the link to the form. In Czech, the office's language.
 */
export function renderWebhook(
	stage: Stage,
	item: DueItem,
	ownerName: string,
	origin: string
): string {
	const cs = { locale: 'cs' as const };
	const title = item.title('cs');
	const date = formatDate(item.dueDate);
	const line =
		stage === 'before'
			? m.adoption_webhook_before({ name: ownerName, title, date }, cs)
			: stage === 'after'
				? m.adoption_webhook_after({ name: ownerName, title, date }, cs)
				: m.adoption_webhook_escalation({ name: ownerName, title, date }, cs);
	return `${line}\n${origin}${item.path}`;
}
