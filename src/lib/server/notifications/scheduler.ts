import type { Db } from '../db';
import { log } from '../log';
import type { Clock } from '../shared/clock';
import { smtpFromEnv, smtpMailer, type Mailer } from './mailer';
import { tick } from './notifications.service';

/** The public address links in mails point to (ORIGIN, as adapter-node reads it). */
export function originFromEnv(env: Record<string, string | undefined> = process.env): string {
	return (env.ORIGIN?.trim() || `http://localhost:${env.PORT ?? 3000}`).replace(/\/$/, '');
}

/** The mailer the environment configures, or null without SMTP settings. */
export function mailerFromEnv(
	env: Record<string, string | undefined> = process.env
): Mailer | null {
	const settings = smtpFromEnv(env);
	return settings ? smtpMailer(settings) : null;
}

/**
 * Runs the notification tick every `NOTIFY_INTERVAL_SECONDS` (default 300) on the app clock.
 * Every instance may run it: queueing is idempotent (dedupe keys) and sending claims with a lock.
 * Off when `DILNA_SCHEDULER=0` and in tests (unless `DILNA_SCHEDULER=1`).
 */
export function startScheduler(db: Db, clock: Clock, env = process.env): (() => void) | null {
	const flag = env.DILNA_SCHEDULER;
	if (flag === '0' || (env.VITEST && flag !== '1')) return null;
	const seconds = Number(env.NOTIFY_INTERVAL_SECONDS) || 300;
	const origin = originFromEnv(env);
	const mailer = mailerFromEnv(env);
	if (!mailer) log.warn('no SMTP settings (SMTP_URL or SMTP_HOST): notices are queued, not sent');
	let running = false;
	const run = async () => {
		if (running) return;
		running = true;
		try {
			const result = await tick(db, clock, origin, mailer);
			if (result.sent || result.retried || result.failed) log.info(result, 'notices sent');
		} catch (error) {
			log.error({ error: String(error) }, 'notification tick failed');
		} finally {
			running = false;
		}
	};
	const timer = setInterval(() => void run(), seconds * 1000);
	timer.unref();
	// The first run waits a little, so a restarting fleet does not all run at once at boot.
	const first = setTimeout(() => void run(), Math.min(seconds, 20) * 1000);
	first.unref();
	return () => {
		clearInterval(timer);
		clearTimeout(first);
	};
}
