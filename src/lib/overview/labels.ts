import { m } from '$lib/paraglide/messages';

/** Status words and badge classes shared by the overview, the report and the public page. */
export function statusLabel(status: string): string {
	switch (status) {
		case 'on_target':
			return m.overview_status_on_target();
		case 'within_tolerance':
			return m.overview_status_within();
		case 'off_target':
			return m.overview_status_off();
		default:
			return m.overview_status_no_data();
	}
}

export function statusClass(status: string): string {
	return status === 'on_target'
		? 'ok'
		: status === 'within_tolerance'
			? 'warn'
			: status === 'off_target'
				? 'bad'
				: 'none';
}

export function kindLabel(kind: string): string {
	return kind === 'management'
		? m.overview_kind_management()
		: kind === 'core'
			? m.overview_kind_core()
			: m.overview_kind_support();
}

export const KIND_COLORS: Record<string, string> = {
	management: '--primary',
	core: '--investment',
	support: '--variable'
};

export const STATUS_COLORS: Record<string, string> = {
	on_target: '--ok',
	within_tolerance: '--warn',
	off_target: '--bad',
	no_data: '--none'
};
