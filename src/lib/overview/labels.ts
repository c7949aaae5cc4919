import { m } from '$lib/paraglide/messages';

// Status words and tones live in $lib/status-labels.

export function kindLabel(kind: string): string {
	return kind === 'management'
		? m.processes_kind_management()
		: kind === 'core'
			? m.processes_kind_core()
			: m.processes_kind_support();
}

export const KIND_COLORS: Record<string, string> = {
	management: '--primary',
	core: '--investment',
	support: '--variable'
};
