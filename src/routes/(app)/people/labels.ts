import { m } from '$lib/paraglide/messages';

export const holderLabels = { holder: m.people_kind_holder, deputy: m.people_kind_deputy };

export const evidenceLabels = {
	training: m.people_evidence_training,
	exam: m.people_evidence_exam,
	practice: m.people_evidence_practice,
	other: m.people_evidence_other
};

export const competenceKindLabels = {
	professional: m.people_kind_professional,
	legal: m.people_kind_legal,
	it_system: m.people_kind_it_system,
	soft: m.people_kind_soft
};

export const flagLabels = {
	over: m.people_flag_over,
	under: m.people_flag_under,
	ok: m.people_flag_ok
};

export const trainingStatusLabels = {
	planned: m.people_training_planned,
	in_progress: m.people_training_in_progress,
	done: m.programme_status_done,
	cancelled: m.programme_ini_cancelled
};

export const sourceLabels = {
	model: m.people_source_model,
	card: m.people_source_card,
	tasks: m.people_source_tasks,
	unknown: m.people_source_unknown
};

/** A coverage shortfall as the service writes it (`low:ZOZ`, `left`) in words. */
export function shortfallText(s: string): string {
	const [kind, code = ''] = s.split(':');
	switch (kind) {
		case 'left':
			return m.people_short_left();
		case 'not_started':
			return m.people_short_not_started();
		case 'low':
			return m.people_short_low({ code });
		case 'missing':
			return m.people_short_missing({ code });
		default:
			return m.people_short_expired({ code });
	}
}
