import { m } from '$lib/paraglide/messages';

// Status words and tones live in $lib/status-labels.

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
