import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import * as models from '$lib/server/models/models.service';
import { parseLink, parseNote } from '$lib/server/models/models.validation';
import * as orgUnits from '$lib/server/org-units/org-units.service';
import * as processes from '$lib/server/processes/processes.service';
import { currentYear } from '$lib/server/shared/clock';

import { formValues } from '$lib/server/shared/form';
import {
	invalid,
	refuse,
	routeId,
	versionOf,
	yearParam,
	save,
	found
} from '$lib/server/shared/http';
import type { Actions, PageServerLoad } from './$types';

const EDIT = ['models.edit', 'models.edit_own'] as const;

export const load: PageServerLoad = async ({ params, url }) => {
	const user = requireUser();
	const db = getDb();
	const id = routeId(params.id);
	const year = yearParam(url, currentYear());
	const shown = Number(url.searchParams.get('v')) || null;
	const [card, model, units] = await found(
		Promise.all([processes.get(db, id, year), models.page(db, id, year, shown), orgUnits.list(db)])
	);
	return {
		card: {
			id: card.id,
			code: card.code,
			name: card.name,
			roles: card.roles,
			assets: card.assets.map((a) => ({ id: a.id, code: a.code, name: a.name }))
		},
		units: units.map((u) => ({ id: u.id, code: u.code, name: u.name })),
		// A guest (no `names.read`) sees the versions without who saved them.
		model: can(user.role, 'names.read')
			? model
			: { ...model, versions: model.versions.map((v) => ({ ...v, createdBy: null })) },
		year,
		canEdit: models.canEdit(user, card.ownerId)
	};
};

/** The version the editor started from: empty for a process without a model. */
const baseOf = (values: Record<string, string>) => versionOf(values);

export const actions: Actions = {
	upload: async ({ request, params }) => {
		const actor = requireCapability(...EDIT);
		const data = await request.formData();
		const values = await formValues(data);
		const file = data.get('file');
		if (!(file instanceof File) || file.size === 0) {
			return invalid('upload', { file: 'models_error_no_file' }, values);
		}
		const note = parseNote(values);
		if (!note.ok) return invalid('upload', note.errors, values);
		try {
			const bytes = new Uint8Array(await file.arrayBuffer());
			const version = await models.save(getDb(), actor, routeId(params.id), bytes, {
				base: baseOf(values),
				note: note.value
			});
			return { form: 'upload', saved: version };
		} catch (e) {
			return refuse(e, 'upload', values);
		}
	},
	save: async ({ request, params }) => {
		const actor = requireCapability(...EDIT);
		const values = await formValues(request);
		if (!values.xml) return invalid('save', { file: 'models_error_no_file' }, {});
		const note = parseNote(values);
		if (!note.ok) return invalid('save', note.errors, { note: values.note ?? '' });
		try {
			const version = await models.save(getDb(), actor, routeId(params.id), values.xml, {
				base: baseOf(values),
				note: note.value,
				svg: values.svg
			});
			return { form: 'save', saved: version };
		} catch (e) {
			return refuse(e, 'save', { note: values.note ?? '' });
		}
	},
	restore: async ({ request, params }) => {
		const actor = requireCapability(...EDIT);
		const values = await formValues(request);
		try {
			const version = await models.restore(
				getDb(),
				actor,
				routeId(params.id),
				routeId(values.number),
				versionOf(values, { required: true })
			);
			return { form: 'restore', saved: version };
		} catch (e) {
			return refuse(e, 'restore', values);
		}
	},
	link: async ({ request, params }) => {
		const actor = requireCapability(...EDIT);
		const values = await formValues(request);
		const parsed = parseLink(values);
		return save('link', values, parsed, (value) =>
			models.saveLink(getDb(), actor, routeId(params.id), value, versionOf(values))
		);
	}
};
