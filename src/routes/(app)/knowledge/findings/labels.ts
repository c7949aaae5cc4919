import { m } from '$lib/paraglide/messages';

/** The words of a finding's source, severity and status. */
export const findingLabels = {
	source: {
		system_audit: m.knowledge_source_system_audit,
		external_audit: m.knowledge_source_external_audit,
		caf: m.knowledge_source_caf
	},
	severity: {
		low: m.knowledge_severity_low,
		medium: m.knowledge_severity_medium,
		high: m.knowledge_severity_high
	},
	status: {
		open: m.programme_risk_open,
		in_progress: m.knowledge_status_in_progress,
		closed: m.knowledge_status_closed
	}
} as const;
