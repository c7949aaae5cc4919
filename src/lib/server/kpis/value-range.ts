// The values a KPI allows: every KPI stores a range (value_min, value_max; null = no bound), set
// with the KPI. A new KPI without one gets the range its unit implies: a share (%) 0–100, any
// other unit (days, hours, counts, crowns) not below 0. A value outside is refused at the field,
// in the form and in the KPI import alike.
import { compare } from '../../decimal';

export interface ValueRange {
	/** numeric strings; null: no bound */
	min: string | null;
	max: string | null;
}

/** The range a unit implies when the KPI does not say otherwise. */
export function defaultRange(unit: string): ValueRange {
	return unit.trim() === '%' ? { min: '0', max: '100' } : { min: '0', max: null };
}

/** The message key for a value outside the range, or null when it is inside. */
export function rangeError(value: string, range: ValueRange): string | null {
	if (range.min !== null && compare(value, range.min) < 0) {
		return range.min === '0' ? 'processes_error_negative' : 'goals_error_value_range';
	}
	if (range.max !== null && compare(value, range.max) > 0) return 'goals_error_value_range';
	return null;
}
