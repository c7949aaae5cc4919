import { fail } from '@sveltejs/kit';
import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import { t } from '$lib/server/i18n';
import { parseFile } from '$lib/server/kpis/import-file';
import * as kpis from '$lib/server/kpis/kpis.service';
import { refuse } from '$lib/server/processes/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const user = requireUser();
	return {
		canImport: can(user.role, 'kpi_actuals.record') || can(user.role, 'kpi_actuals.record_own')
	};
};

export const actions: Actions = {
	import: async ({ request }) => {
		const actor = requireCapability('kpi_actuals.record', 'kpi_actuals.record_own');
		const data = await request.formData();
		const file = data.get('file');
		if (!(file instanceof File) || file.size === 0) {
			return fail(400, { form: 'import', errors: { file: t('goals_import_no_file') } });
		}
		const parsed = await parseFile(file.name, await file.arrayBuffer());
		if (!parsed.ok) return fail(400, { form: 'import', errors: { file: t(parsed.key) } });
		try {
			const result = await kpis.importActuals(getDb(), actor, parsed.rows);
			if (!result.ok) {
				return fail(400, {
					form: 'import',
					errors: { file: t('goals_import_refused', { count: result.problems.length }) },
					problems: result.problems.map((p) => ({
						line: p.line,
						field: p.field,
						message: t(p.key, p.params)
					}))
				});
			}
			return { form: 'import', imported: result.imported, fileName: file.name };
		} catch (e) {
			return refuse(e, 'import');
		}
	}
};
