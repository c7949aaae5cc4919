import { m } from '$lib/paraglide/messages';
import { formatNumber } from '$lib/format';

/** A payback period for people: months below two years, years (one decimal) above. */
export function paybackText(months: bigint | null): string {
	if (months === null) return m.programme_payback_never();
	const n = Number(months);
	if (n < 24) return m.months({ count: n });
	return m.programme_years({ years: formatNumber(n / 12, 1) });
}
