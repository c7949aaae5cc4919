/**
 * The app's one clock. Everything that asks "what day is it" or "what time is it" for a rule the
 * app applies goes through here, so a test (or the demo seed) can pass another clock and get the
 * same answers as on that date. The helpers are pure (Intl only) and hold no server secret.
 */
export type Clock = () => Date;

/** The real time of the process (under `faketime`, the faked one). */
export const systemClock: Clock = () => new Date();

// Made once: building a time-zone formatter costs more than serving a whole cached page.
const pragueDate = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/Prague',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});

const pragueHour = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/Prague',
	hour: '2-digit',
	hourCycle: 'h23'
});

/** The instant a calendar day (`YYYY-MM-DD`) begins in the office's time zone. */
export function startOfPragueDay(date: string): Date {
	const midnightUtc = new Date(`${date}T00:00:00Z`);
	// Prague is one or two hours ahead of UTC, and never changes its clocks at midnight.
	return new Date(midnightUtc.getTime() - Number(pragueHour.format(midnightUtc)) * 3_600_000);
}

/** The calendar day of `now` in the office's time zone, as `YYYY-MM-DD`. */
export function todayInPrague(now: Date): string {
	return pragueDate.format(now);
}

/** Today in the office's time zone by `clock`, as `YYYY-MM-DD`. */
export function currentDate(clock: Clock = systemClock): string {
	return todayInPrague(clock());
}

/** The current calendar year in the office's time zone by `clock`. */
export function currentYear(clock: Clock = systemClock): number {
	return Number(currentDate(clock).slice(0, 4));
}

/** The current month in the office's time zone by `clock`, as `YYYY-MM`. */
export function currentMonth(clock: Clock = systemClock): string {
	return currentDate(clock).slice(0, 7);
}

/** A clock stopped at `date` (`YYYY-MM-DD`, noon in Prague, so no zone shift moves the day). */
export function fixedClock(date: string): Clock {
	const at = new Date(`${date}T10:00:00Z`);
	return () => new Date(at);
}
