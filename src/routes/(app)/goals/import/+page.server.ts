import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import { t } from '$lib/server/i18n';
import { parseFile } from '$lib/server/kpis/import-file';
import * as kpis from '$lib/server/kpis/kpis.service';
import { invalid, refuse } from '$lib/server/shared/http';
import { formValues } from '$lib/server/shared/form';
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
		const values = await formValues(data);
		const file = data.get('file');
		if (!(file instanceof File) || file.size === 0) {
			return invalid('import', { file: 'error_no_file' }, values);
		}
		const parsed = await parseFile(file.name, await file.arrayBuffer());
		if (!parsed.ok) return invalid('import', { file: parsed.key }, values);
		try {
			const result = await kpis.importActuals(getDb(), actor, parsed.rows);
			if (!result.ok) {
				// Translated here because it counts the problems; t() keeps text that is no key.
				const refused = t('goals_import_refused', { count: result.problems.length });
				return invalid('import', { file: refused }, values, {
					problems: result.problems.map((p) => ({
						line: p.line,
						field: p.field,
						message: t(p.key, p.params)
					}))
				});
			}
			return { form: 'import', imported: result.imported, fileName: file.name };
		} catch (e) {
			return refuse(e, 'import', values);
		}
	}
};
