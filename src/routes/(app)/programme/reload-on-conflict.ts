import { invalidateAll } from '$app/navigation';
import type { SubmitFunction } from '@sveltejs/kit';

/**
 * `use:enhance` for forms that carry a version: after a conflict (409) the page data is reloaded,
 * so the page shows the current record and the next save carries its new version, while the form
 * keeps what the user typed. After a save the form is emptied (a "new" form then stands ready for
 * the next record instead of sending the same one twice; an edit form shows the saved values).
 */
export const reloadOnConflict: SubmitFunction = () => {
	return async ({ result, update }) => {
		await update({ reset: result.type === 'success' });
		if (result.type === 'failure' && result.status === 409) await invalidateAll();
	};
};
