import nodemailer from 'nodemailer';
import type { MailPayload } from './notifications';

/** What sends a message; nodemailer over SMTP in the app, the same over a sink in tests. */
export interface Mailer {
	send(to: string, message: MailPayload): Promise<void>;
}

export interface SmtpSettings {
	url: string | null;
	host: string | null;
	port: number;
	user: string | null;
	pass: string | null;
	from: string;
}

/**
 * SMTP settings from the environment: `SMTP_URL` (e.g. `smtp://user:pass@mail.mesto.cz:587`), or
 * `SMTP_HOST`, `SMTP_PORT`, `SMTP_USER`, `SMTP_PASS`; `MAIL_FROM` is the sender. Null when none is
 * set: then nothing is sent (jobs wait in the queue) and the admin's adoption page says so.
 */
export function smtpFromEnv(
	env: Record<string, string | undefined> = process.env
): SmtpSettings | null {
	const url = env.SMTP_URL?.trim() || null;
	const host = env.SMTP_HOST?.trim() || null;
	if (!url && !host) return null;
	return {
		url,
		host,
		port: Number(env.SMTP_PORT) || 587,
		user: env.SMTP_USER || null,
		pass: env.SMTP_PASS || null,
		from: env.MAIL_FROM?.trim() || 'Dílna <dilna@localhost>'
	};
}

/** A mailer over SMTP. Timeouts stay well under the job lock, so no job is sent by two workers. */
export function smtpMailer(settings: SmtpSettings): Mailer {
	const timeouts = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };
	const transport = settings.url
		? nodemailer.createTransport({ url: settings.url, ...timeouts })
		: nodemailer.createTransport({
				host: settings.host!,
				port: settings.port,
				secure: settings.port === 465,
				auth: settings.user ? { user: settings.user, pass: settings.pass ?? '' } : undefined,
				...timeouts
			});
	return {
		async send(to, message) {
			await transport.sendMail({ from: settings.from, to, ...message });
		}
	};
}
