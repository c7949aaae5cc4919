import { fail } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { t } from '$lib/server/i18n';
import * as people from '$lib/server/people/people.service';
import type { StaffCheck } from '$lib/server/people/staff-import';
import type { Actions, PageServerLoad } from './$types';

const MAX_BYTES = 2 * 1024 * 1024;

export const load: PageServerLoad = async () => {
	requireCapability('people.edit');
	return {};
};

/** The file from the upload field, or (on confirm) the same bytes the preview carried along. */
async function fileFrom(request: Request) {
	const data = await request.formData();
	const file = data.get('file');
	if (file instanceof File && file.size > 0) {
		if (file.size > MAX_BYTES) return null;
		return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name };
	}
	const payload = data.get('payload');
	const name = data.get('fileName');
	if (typeof payload === 'string' && payload && typeof name === 'string') {
		const bytes = Uint8Array.from(Buffer.from(payload, 'base64'));
		return bytes.length <= MAX_BYTES ? { bytes, name } : null;
	}
	return null;
}

function report(check: StaffCheck) {
	return {
		errors: check.errors.map((e) => ({ line: e.line, text: t(e.key, e.params) })),
		rows: check.rows.map((r) => ({
			line: r.line,
			personalNumber: r.personalNumber,
			name: r.name,
			position: r.position,
			orgUnitCode: r.orgUnitCode,
			fte: r.fte,
			validFrom: r.validFrom,
			validTo: r.validTo
		}))
	};
}

export const actions: Actions = {
	preview: async ({ request }) => {
		requireCapability('people.edit');
		const file = await fileFrom(request);
		if (!file) return fail(400, { form: 'preview', message: t('error_no_file') });
		const check = await people.checkImport(getDb(), file.bytes, file.name);
		return {
			form: 'preview',
			...report(check),
			fileName: file.name,
			payload: check.errors.length ? null : Buffer.from(file.bytes).toString('base64')
		};
	},
	confirm: async ({ request }) => {
		const user = requireCapability('people.edit');
		const file = await fileFrom(request);
		if (!file) return fail(400, { form: 'confirm', message: t('error_no_file') });
		const check = await people.importStaff(getDb(), user, file.bytes, file.name);
		if (check.errors.length) {
			return fail(400, { form: 'preview', ...report(check), fileName: file.name, payload: null });
		}
		return { form: 'confirm', imported: check.rows.length };
	}
};
