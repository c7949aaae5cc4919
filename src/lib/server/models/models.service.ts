// Process models: saving a BPMN file as a new version (validated by bpmn-moddle, refused whole
// when bad), restoring an old one as a new version, the office links of lanes and tasks, and the
// time-driven costing the model page and the people stream read. A save names the version it was
// based on; when another save came first it is refused with what that save changed.
import { sql } from 'kysely';
import * as audit from '../audit/audit';
import type { Executor } from '../audit/audit';
import { can } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db';
import { normalise } from '../../decimal';
import { compareVersions, type ModelDiff } from '../../models/compare';
import {
	compareWithFull,
	costModel,
	type CostingLane,
	type CostingTask,
	type ModelCosting
} from '../../models/costing';
import { systemClock, type Clock } from '../shared/clock';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import { expectVersionOrNone, lockByKeys, saveByKeys, updateVersioned } from '../shared/versioned';
import { readBpmn, type ModelPerformer, type ModelStep, type ReadModel } from './bpmn';
import type {
	LinkInput,
	ModelCounts,
	ModelCoverage,
	ModelLink,
	ModelledHours,
	ModelPage,
	ModelVersion,
	ReportDiagrams,
	SaveConflict
} from './models';
import { MAX_SVG_BYTES } from './limits';
import * as repo from './models.repository';

export { MAX_BYTES, readBpmn } from './bpmn';

interface Elements {
	performers: ModelPerformer[];
	steps: ModelStep[];
	hasDiagram: boolean;
}

// jsonb arrives parsed on both engines; a text fallback keeps a driver change harmless.
const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

/**
 * May this user edit this process's model: managers and the admin any, owners their own. `null`
 * is the command line (`npm run model:import`), run by whoever operates the database itself.
 */
export function canEdit(actor: SessionUser | null, ownerId: number | null): boolean {
	if (actor === null) return true;
	return (
		can(actor.role, 'models.edit') ||
		(can(actor.role, 'models.edit_own') && ownerId !== null && ownerId === actor.id)
	);
}

async function processOf(db: Executor, processId: number) {
	const row = await repo.processOf(db, processId);
	if (!row) throw new NotFoundError('process');
	return row;
}

/** The process id of a code (the command line names processes by code). */
export async function processIdByCode(db: Executor, code: string): Promise<number | null> {
	return (await repo.processByCode(db, code.toUpperCase()))?.id ?? null;
}

function linkRowToLink(r: Awaited<ReturnType<typeof repo.links>>[number]): ModelLink {
	return {
		id: r.id,
		elementId: r.element_id,
		kind: r.kind,
		roleId: r.process_role_id,
		orgUnitId: r.org_unit_id,
		assetId: r.asset_id,
		minutes: r.minutes === null ? null : normalise(r.minutes),
		waitMinutes: r.wait_minutes === null ? null : normalise(r.wait_minutes),
		sharePercent: normalise(r.share_percent),
		version: r.version
	};
}

async function conflictView(
	db: Executor,
	modelId: number,
	base: number | null,
	latest: number
): Promise<SaveConflict> {
	const now = await repo.version(db, modelId, latest);
	const was = base ? await repo.version(db, modelId, base) : undefined;
	const stepsOf = (v: typeof now) => (v ? json<Elements>(v.elements).steps : []);
	return {
		latest,
		savedBy: now?.created_by_name ?? null,
		savedAt: now!.created_at,
		note: now?.note ?? null,
		diff: compareVersions(stepsOf(was), stepsOf(now))
	};
}

interface SaveInput {
	/** the version the editor started from; null for a process without a model */
	base: number | null;
	note: string | null;
	restoredFrom?: number | null;
	/** the modeler's picture of the saved diagram (checked by `svgOrNull`) */
	svg?: string | null;
}

/**
 * The SVG the modeler sent, when it is one and small enough; otherwise nothing is kept. The report
 * shows it only as an image (`<img>`), where scripts never run.
 */
export function svgOrNull(svg: string | null | undefined): string | null {
	if (!svg || svg.length > MAX_SVG_BYTES) return null;
	const head = svg.trimStart().slice(0, 200);
	return /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/.test(head)
		? svg
		: null;
}

async function writeVersion(
	db: Db,
	actor: SessionUser | null,
	processId: number,
	read: ReadModel,
	input: SaveInput,
	clock: Clock
): Promise<number> {
	return db.transaction().execute(async (trx) => {
		const process = await processOf(trx, processId);
		if (!canEdit(actor, process.owner_user_id)) throw new ForbiddenError();
		const model =
			(await lockByKeys(trx, 'process_model', { process_id: processId })) ??
			(await repo.insertModel(trx, processId));
		const latest = model.version;
		if ((input.base ?? 0) !== latest) {
			throw new ConflictError(await conflictView(trx, model.id, input.base, latest));
		}
		const now = clock();
		const { version: number } = await updateVersioned(trx, 'process_model', model.id, {
			updated_at: now
		});
		const elements: Elements = {
			performers: read.performers,
			steps: read.steps,
			hasDiagram: read.hasDiagram
		};
		await repo.insertVersion(trx, {
			model_id: model.id,
			number,
			xml: read.xml,
			note: input.note,
			counts: JSON.stringify(read.counts),
			elements: JSON.stringify(elements),
			laid_out: read.laidOut,
			restored_from: input.restoredFrom ?? null,
			created_by: actor?.id ?? null,
			created_at: now,
			svg: svgOrNull(input.svg)
		});
		await audit.record(trx, {
			userId: actor?.id ?? null,
			action: input.restoredFrom ? 'model.restore' : 'model.save',
			entity: 'process_model',
			entityId: processId,
			before: latest ? { version: latest } : null,
			after: {
				version: number,
				note: input.note,
				counts: read.counts,
				restoredFrom: input.restoredFrom ?? null
			}
		});
		return number;
	});
}

/**
 * Saves a BPMN file (an upload or the modeler's XML) as the process's next version. A file that
 * is not valid BPMN is refused (ValidationError on `file`) and nothing is stored; a save based on
 * an outdated version is refused with what the newer save changed (ConflictError).
 */
export async function save(
	db: Db,
	actor: SessionUser | null,
	processId: number,
	file: Uint8Array | string,
	input: SaveInput,
	clock: Clock = systemClock
): Promise<number> {
	// Refuse a stranger before reading their file.
	const process = await processOf(db, processId);
	if (!canEdit(actor, process.owner_user_id)) throw new ForbiddenError();
	const read = await readBpmn(file);
	return writeVersion(db, actor, processId, read, input, clock);
}

/** Restores an earlier version by saving its XML as a new version; nothing is overwritten. */
export async function restore(
	db: Db,
	actor: SessionUser,
	processId: number,
	number: number,
	base: number,
	clock: Clock = systemClock
): Promise<number> {
	const model = await repo.modelOf(db, processId);
	const old = model ? await repo.version(db, model.id, number) : undefined;
	if (!model || !old) throw new NotFoundError('process_model_version');
	const read = await readBpmn(old.xml);
	return writeVersion(
		db,
		actor,
		processId,
		read,
		{ base, note: null, restoredFrom: number, svg: old.svg },
		clock
	);
}

/** Number of the process's latest model version; null without a model. */
export async function latest(db: Executor, processId: number): Promise<number | null> {
	const model = await repo.modelOf(db, processId);
	return model && model.version > 0 ? model.version : null;
}

/** The XML of a version (download, viewer). */
export async function xmlOf(db: Executor, processId: number, number: number) {
	const model = await repo.modelOf(db, processId);
	const v = model ? await repo.version(db, model.id, number) : undefined;
	if (!v) throw new NotFoundError('process_model_version');
	return v.xml;
}

/**
 * Sets the links of one lane or task of the latest version. `version` is the link's version the
 * form was loaded with (null when the element had no links yet).
 */
export async function saveLink(
	db: Db,
	actor: SessionUser,
	processId: number,
	input: LinkInput,
	version: number | null
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const process = await processOf(trx, processId);
		if (!canEdit(actor, process.owner_user_id)) throw new ForbiddenError();
		const model = await lockByKeys(trx, 'process_model', { process_id: processId });
		const latest = model ? await repo.version(trx, model.id, model.version) : undefined;
		if (!model || !latest) throw new NotFoundError('process_model');
		const elements = json<Elements>(latest.elements);
		const known =
			input.kind === 'lane'
				? elements.performers.some((p) => p.id === input.elementId)
				: elements.steps.some((s) => s.id === input.elementId);
		if (!known) throw new ValidationError({ elementId: 'models_error_element' });
		const options = await repo.linkOptions(trx, processId);
		const errors: Record<string, string> = {};
		if (input.roleId !== null && !options.roles.has(input.roleId)) errors.roleId = 'error_choice';
		if (input.orgUnitId !== null && !options.units.has(input.orgUnitId)) {
			errors.orgUnitId = 'error_choice';
		}
		if (input.assetId !== null && !options.assets.has(input.assetId)) {
			errors.assetId = 'error_choice';
		}
		if (Object.keys(errors).length) throw new ValidationError(errors);

		const keys = { model_id: model.id, element_id: input.elementId };
		const before = await lockByKeys(trx, 'process_model_link', keys);
		expectVersionOrNone(before, version, linkRowToLink);
		await saveByKeys(trx, 'process_model_link', keys, !!before, {
			kind: input.kind,
			process_role_id: input.roleId,
			org_unit_id: input.orgUnitId,
			asset_id: input.assetId,
			minutes: input.minutes,
			wait_minutes: input.waitMinutes,
			share_percent: input.sharePercent,
			updated_by: actor.id,
			updated_at: sql<Date>`now()`
		});
		await audit.record(trx, {
			userId: actor.id,
			action: 'model.link',
			entity: 'process_model',
			entityId: processId,
			before: before ? linkRowToLink(before) : null,
			after: input
		});
	});
}

function costingInputs(
	elements: Elements,
	links: ModelLink[],
	hourly: Map<number, bigint | null>
): { tasks: CostingTask[]; lanes: CostingLane[] } {
	const byElement = new Map(links.map((l) => [l.elementId, l]));
	return {
		lanes: elements.performers.map((p) => {
			const l = byElement.get(p.id);
			const unit = l?.orgUnitId ?? null;
			return {
				id: p.id,
				name: p.name,
				roleId: l?.roleId ?? null,
				orgUnitId: unit,
				hourlyCost: unit === null ? null : (hourly.get(unit) ?? null)
			};
		}),
		tasks: elements.steps.map((s) => {
			const l = byElement.get(s.id);
			return {
				id: s.id,
				name: s.name,
				laneId: s.laneId,
				minutes: l?.minutes ?? null,
				sharePercent: l?.sharePercent ?? '100'
			};
		})
	};
}

/** Everything the model page shows: versions, the chosen one (default the latest), links, cost. */
export async function page(
	db: Executor,
	processId: number,
	year: number,
	shownNumber: number | null = null
): Promise<ModelPage> {
	await processOf(db, processId);
	const model = await repo.modelOf(db, processId);
	const empty: ModelPage = {
		modelId: model?.id ?? null,
		latest: null,
		versions: [],
		shown: null,
		links: [],
		volume: null,
		inputs: null,
		costing: null,
		comparison: null,
		diff: null
	};
	if (!model || model.version === 0) return empty;
	const number = shownNumber ?? model.version;
	const [rows, shown, linkRows, figures] = await Promise.all([
		repo.versions(db, model.id),
		repo.version(db, model.id, number),
		repo.links(db, model.id),
		repo.yearFigures(db, processId, year)
	]);
	if (!shown) throw new NotFoundError('process_model_version');
	const versions = rows.map((r): ModelVersion => ({
		number: r.number,
		note: r.note,
		counts: json<ModelCounts>(r.counts),
		laidOut: r.laid_out,
		restoredFrom: r.restored_from,
		createdBy: r.created_by_name,
		createdAt: r.created_at
	}));
	const elements = json<Elements>(shown.elements);
	const links = linkRows.map(linkRowToLink);
	const { tasks, lanes } = costingInputs(elements, links, figures.hourly);
	const costing = costModel(tasks, lanes, figures.volume);
	const previous = number > 1 ? await repo.version(db, model.id, number - 1) : undefined;
	return {
		modelId: model.id,
		latest: model.version,
		versions,
		shown: { number, xml: shown.xml, ...elements },
		links,
		volume: figures.volume,
		inputs: { tasks, lanes },
		costing,
		comparison: compareWithFull(costing.cost, figures.fullCost),
		diff: previous ? compareVersions(json<Elements>(previous.elements).steps, elements.steps) : null
	};
}

/** Which tasks changed between two versions. */
export async function compare(
	db: Executor,
	processId: number,
	from: number,
	to: number
): Promise<ModelDiff> {
	const model = await repo.modelOf(db, processId);
	const [a, b] = model
		? await Promise.all([repo.version(db, model.id, from), repo.version(db, model.id, to)])
		: [];
	if (!a || !b) throw new NotFoundError('process_model_version');
	return compareVersions(json<Elements>(a.elements).steps, json<Elements>(b.elements).steps);
}

/** The catalogue's view: each modelled process's latest version date and link completeness. */
export async function coverage(db: Executor): Promise<Map<number, ModelCoverage>> {
	const [models, latest, links] = await Promise.all([
		repo.coverage(db),
		repo.latestElements(db),
		repo.allLinks(db)
	]);
	const elementsOf = new Map(latest.map((l) => [l.id, json<Elements>(l.elements)]));
	const linked = new Map<string, (typeof links)[number]>(
		links.map((l) => [`${l.model_id}:${l.element_id}`, l])
	);
	const out = new Map<number, ModelCoverage>();
	for (const m of models) {
		const e = elementsOf.get(m.id);
		if (!e) continue;
		const link = (id: string) => linked.get(`${m.id}:${id}`);
		out.set(m.process_id, {
			processId: m.process_id,
			latest: m.version,
			savedAt: m.updated_at,
			rolesFilled:
				e.performers.length > 0 && e.performers.every((p) => link(p.id)?.process_role_id),
			timesFilled: e.steps.length > 0 && e.steps.every((s) => link(s.id)?.minutes != null)
		});
	}
	return out;
}

/** The modelled hours of one costed model: in total and summed per lane role and lane unit. */
function hoursOf(
	processId: number,
	year: number,
	version: number,
	costing: ModelCosting
): ModelledHours {
	const byRole = new Map<number | null, bigint>();
	const byUnit = new Map<number | null, bigint>();
	const add = (m: Map<number | null, bigint>, key: number | null, h: bigint) =>
		m.set(key, (m.get(key) ?? 0n) + h);
	for (const lane of costing.lanes) {
		add(byRole, lane.roleId, lane.hours);
		add(byUnit, lane.orgUnitId, lane.hours);
	}
	const laneIds = new Set(costing.lanes.map((l) => l.id));
	const outside = costing.tasks
		.filter((t) => !t.laneId || !laneIds.has(t.laneId))
		.reduce((s, t) => s + (t.hours ?? 0n), 0n);
	if (outside) {
		add(byRole, null, outside);
		add(byUnit, null, outside);
	}
	return {
		processId,
		year,
		version,
		hours: costing.hours,
		cost: costing.cost,
		timed: costing.tasks.some((t) => t.hours !== null),
		byRole: [...byRole].map(([roleId, hours]) => ({ roleId, hours })),
		byUnit: [...byUnit].map(([orgUnitId, hours]) => ({ orgUnitId, hours }))
	};
}

/**
 * Modelled working time of a process in a year (hundredths of an hour), in total and per RACI
 * role and per org unit of its lanes; null when the process has no model. For the process card
 * and the people stream's capacity.
 */
export async function modelledHours(
	db: Executor,
	processId: number,
	year: number
): Promise<ModelledHours | null> {
	const p = await page(db, processId, year);
	return p.costing && p.latest ? hoursOf(processId, year, p.latest, p.costing) : null;
}

/**
 * The same for every modelled process at once (the opportunity matrix, capacity): process id →
 * its modelled hours of the year, from four queries whatever the number of models.
 */
export async function modelledHoursByProcess(
	db: Executor,
	year: number
): Promise<Map<number, ModelledHours>> {
	const [latest, linkRows, hourly, volumes] = await Promise.all([
		repo.latestElements(db),
		repo.everyLink(db),
		repo.hourlyCosts(db, year),
		repo.volumes(db, year)
	]);
	const linksOf = new Map<number, ModelLink[]>();
	for (const r of linkRows) {
		linksOf.set(r.model_id, [...(linksOf.get(r.model_id) ?? []), linkRowToLink(r)]);
	}
	const out = new Map<number, ModelledHours>();
	for (const m of latest) {
		const { tasks, lanes } = costingInputs(
			json<Elements>(m.elements),
			linksOf.get(m.id) ?? [],
			hourly
		);
		const costing = costModel(tasks, lanes, volumes.get(m.process_id) ?? null);
		out.set(m.process_id, hoursOf(m.process_id, year, m.version, costing));
	}
	return out;
}

/**
 * The council report's diagrams: for each chosen process with a model, its latest version's SVG
 * as the modeler drew it, or (imported from the command line, never saved in the browser) its
 * tasks by lane, so the report shows the process either way. `choices` lists every modelled
 * process for the report's picker.
 */
export async function reportDiagrams(db: Executor, processIds: number[]): Promise<ReportDiagrams> {
	const [choices, rows] = await Promise.all([
		repo.modelledProcesses(db),
		processIds.length ? repo.latestDiagrams(db, processIds) : Promise.resolve([])
	]);
	return {
		choices,
		diagrams: rows.map((r) => {
			const e = json<Elements>(r.elements);
			const lane = new Map(e.performers.map((p) => [p.id, p.name]));
			return {
				processId: r.id,
				code: r.code,
				name: r.name,
				version: r.number,
				savedAt: r.created_at,
				// an image, never inline markup: scripts in an SVG shown by <img> do not run
				image: r.svg ? `data:image/svg+xml;base64,${Buffer.from(r.svg).toString('base64')}` : null,
				tasks: e.steps.map((s) => ({
					name: s.name,
					lane: s.laneId ? (lane.get(s.laneId) ?? null) : null
				}))
			};
		})
	};
}
