/** The initiative statuses in their order, for filters and forms in the browser. */
export const INITIATIVE_STATUSES = [
	'proposed',
	'approved',
	'in_progress',
	'done',
	'cancelled'
] as const;
