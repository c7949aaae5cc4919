// The goal and KPI words live in $lib/goal-labels.ts, shared with the audit log.
export * from '$lib/goal-labels';
