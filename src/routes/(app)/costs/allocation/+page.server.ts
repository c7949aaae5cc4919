import { error, redirect } from '@sveltejs/kit';
import { requireCapability, requireUser } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import * as allocation from '$lib/server/allocation/allocation.service';
import * as drivers from '$lib/server/allocation/drivers.service';
import * as stages from '$lib/server/allocation/stages.service';
import { ValidationError } from '$lib/server/shared/errors';
import type { FormValues } from '$lib/server/shared/form';
import * as lookups from '$lib/server/costs/lookups';
import { FormReader, formValues } from '$lib/server/shared/form';
import {
	queryId,
	refuse,
	routeId,
	save as saveForm,
	versionOf,
	yearParam
} from '$lib/server/shared/http';
import { currentYear } from '$lib/server/shared/clock';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireUser();
	const db = getDb();
	const year = yearParam(url, currentYear());
	const { units } = await lookups.options(db);
	const unitId = queryId(url, 'unit') ?? units[0]?.id ?? null;
	const key = unitId ? await allocation.keyFor(db, unitId, year) : null;
	const driverList = await drivers.listDrivers(db);
	const canScenario = can(user.role, 'allocation.scenario');
	// A saved scenario reopened: its inputs computed again over today's ledger, beside the actuals.
	const scenarioId = canScenario ? queryId(url, 'scenario') : null;
	const opened = scenarioId ? await stages.scenarioById(db, scenarioId) : null;
	return {
		year,
		units,
		unitId,
		key,
		drivers: driverList,
		coverage: await allocation.coverage(db, year),
		stages: await stages.stagesFor(db, year),
		canEdit: can(user.role, 'allocation.edit'),
		canStages: can(user.role, 'allocation.stages'),
		canScenario,
		scenarioDriverId: queryId(url, 'sdriver') ?? driverList[0]?.id ?? null,
		driverValues: canScenario ? await stages.driverValueTexts(db, year) : [],
		scenarios: canScenario ? await stages.listScenarios(db) : [],
		opened: opened
			? {
					id: opened.id,
					name: opened.name,
					year: opened.year,
					rows: await stages.runScenario(db, opened.year, opened.inputs)
				}
			: null
	};
};

/** The stage rows as sent (source{i}, driver{i}, position{i}), in the clerk's order; empty rows dropped. */
function stageRows(values: FormValues) {
	const rows: { index: number; position: number; sourceId: number; driverId: number | null }[] = [];
	for (let i = 0; values[`source${i}`] !== undefined; i++) {
		const source = Number(values[`source${i}`]);
		if (!values[`source${i}`] || !Number.isInteger(source) || source <= 0) continue;
		const driver = Number(values[`driver${i}`]);
		const position = Number(values[`position${i}`]);
		rows.push({
			index: i,
			position: Number.isFinite(position) && values[`position${i}`] !== '' ? position : 1e9 + i,
			sourceId: source,
			driverId: values[`driver${i}`] && Number.isInteger(driver) && driver > 0 ? driver : null
		});
	}
	rows.sort((a, b) => a.position - b.position || a.index - b.index);
	return rows;
}

/** Runs `call` on the ordered stages, the refusals moved back to the row the clerk typed them in. */
async function withStages<T>(
	values: FormValues,
	form: string,
	call: (list: { sourceId: number; driverId: number | null }[]) => Promise<T>
) {
	const rows = stageRows(values);
	try {
		return await call(rows.map((r) => ({ sourceId: r.sourceId, driverId: r.driverId })));
	} catch (e) {
		if (e instanceof ValidationError) {
			const moved = Object.fromEntries(
				Object.entries(e.errors).map(([k, v]) => {
					const at = /^stage(\d+)$/.exec(k);
					return [at ? `stage${rows[Number(at[1])]?.index ?? 0}` : k, v];
				})
			);
			return refuse(new ValidationError(moved), form, values);
		}
		return refuse(e, form, values);
	}
}

/** The scenario's inputs as sent: its stages and the values of the driver shown. */
function scenarioValues(values: FormValues) {
	return Object.entries(values)
		.map(([k, v]) => [/^v(\d+)_(\d+)$/.exec(k), v] as const)
		.filter(([m]) => m !== null)
		.map(([m, v]) => ({ driverId: Number(m![1]), processId: Number(m![2]), value: v }));
}

async function save(request: Request, reset: boolean) {
	const actor = requireCapability('allocation.edit');
	const values = await formValues(request);
	const unitId = routeId(values.unit);
	const year = Number(values.year);
	if (!Number.isInteger(year)) error(400, { message: 'bad request' });
	// A unit's key never saved has no version yet.
	const version = versionOf(values) ?? 0;
	const entries = reset
		? []
		: Object.entries(values)
				.filter(([k]) => /^p\d+$/.test(k))
				.map(([k, v]) => ({ processId: Number(k.slice(1)), percent: v }));
	try {
		await allocation.saveKey(getDb(), actor.id, unitId, year, version, entries);
	} catch (e) {
		return refuse(e, 'key', values);
	}
	return { form: 'key', saved: true };
}

function yearOf(values: FormValues): number {
	const year = Number(values.year);
	if (!Number.isInteger(year)) error(400, { message: 'bad request' });
	return year;
}

export const actions: Actions = {
	stages: async ({ request }) => {
		const actor = requireCapability('allocation.stages');
		const values = await formValues(request);
		const year = yearOf(values);
		return withStages(values, 'stages', async (list) => {
			await stages.saveStages(getDb(), actor.id, year, versionOf(values) ?? 0, list);
			return { form: 'stages', saved: true };
		});
	},
	preview: async ({ request }) => {
		requireCapability('allocation.scenario');
		const values = await formValues(request);
		const year = yearOf(values);
		return withStages(values, 'scenario', async (list) => ({
			form: 'scenario',
			values,
			rows: await stages.runScenario(getDb(), year, {
				stages: list,
				values: scenarioValues(values)
			})
		}));
	},
	scenario: async ({ request }) => {
		const actor = requireCapability('allocation.scenario');
		const values = await formValues(request);
		const year = yearOf(values);
		return withStages(values, 'scenario', async (list) => {
			const id = await stages.saveScenario(getDb(), actor, values.name ?? '', year, {
				stages: list,
				values: scenarioValues(values)
			});
			redirect(303, `/costs/allocation?year=${year}&scenario=${id}#scenario-result`);
		});
	},
	save: async ({ request }) => save(request, false),
	reset: async ({ request }) => save(request, true),
	driver: async ({ request }) => {
		const actor = requireCapability('allocation.edit');
		const values = await formValues(request);
		const unitId = routeId(values.unit);
		const year = Number(values.year);
		if (!Number.isInteger(year)) error(400, { message: 'bad request' });
		const reader = new FormReader(values);
		const driverId = reader.id('driver');
		const parsed = reader.result(driverId);
		return saveForm('driver', values, parsed, (id) =>
			allocation.chooseDriver(getDb(), actor.id, unitId, year, versionOf(values) ?? 0, id)
		);
	}
};
