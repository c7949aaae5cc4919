import { m } from '$lib/paraglide/messages';
import { formatNumber } from '$lib/format';
import type { InitiativeStatus } from '$lib/server/initiatives/initiatives';

export const statusLabel: Record<InitiativeStatus, () => string> = {
	proposed: m.programme_ini_proposed,
	approved: m.programme_ini_approved,
	in_progress: m.programme_ini_in_progress,
	done: m.programme_ini_done,
	cancelled: m.programme_ini_cancelled
};

/** A payback period for people: months below two years, years (one decimal) above. */
export function paybackText(months: bigint | null): string {
	if (months === null) return m.programme_payback_never();
	const n = Number(months);
	if (n < 24) return m.programme_months({ count: n });
	return m.programme_years({ years: formatNumber(n / 12, 1) });
}
