import type { WriteAction } from './types';

// Process 4 is P-EO, owned by `garant` (see process-map.ts). Every form is invalid (no file, no
// XML, no element, version 0), so allowed roles change nothing; all other roles get 403.
export const modelActions: WriteAction[] = (['upload', 'save', 'restore', 'link'] as const).map(
	(action): WriteAction => ({
		route: '/(app)/processes/[id]/model',
		action,
		path: '/processes/4/model',
		capabilities: ['models.edit', 'models.edit_own'],
		form: { number: '0', version: '1', elementId: '' }
	})
);
