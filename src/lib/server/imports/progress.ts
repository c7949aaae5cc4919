// How far an import on the web screen has got (rows read, rows checked, writing), for the screen
// to follow while its request runs: kept in this process's memory per user and the id the
// browser chose for the submission, and forgotten a minute after the import ends.
import type { ImportProgress, OnProgress } from './off-loop';

const KEEP_MS = 60_000;
const entries = new Map<string, { progress: ImportProgress; at: number }>();

/** The id a browser sends with a submission: letters, digits and dashes, 8 to 64 of them. */
export function progressId(value: unknown): string | null {
	return typeof value === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(value) ? value : null;
}

function forget(now: number) {
	for (const [key, e] of entries) if (now - e.at > KEEP_MS) entries.delete(key);
}

/** The callback an import reports to, under the user's id and the submission's. */
export function track(userId: number, id: string | null): OnProgress | undefined {
	if (!id) return undefined;
	const key = `${userId}:${id}`;
	return (progress) => {
		const now = Date.now();
		forget(now);
		entries.set(key, { progress, at: now });
	};
}

/** What the user's submission has got to, or null (not started, another user's, or long done). */
export function progressOf(userId: number, id: string | null): ImportProgress | null {
	if (!id) return null;
	return entries.get(`${userId}:${id}`)?.progress ?? null;
}
