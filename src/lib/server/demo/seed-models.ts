// The demo town's process models: eight key processes drawn as BPMN (a pool, lanes for the
// responsible, approving and informed roles of the card, tasks in order), each lane linked to its
// RACI role and org unit, each task to an information asset of the card, with minutes per case.
// The minutes are scaled so the modelled cost is about three quarters of the process's full cost
// in the latest costed year — the rest being overheads, material and time no model describes.
import type { Executor } from '../audit/audit';
import type { Raci } from '../db/schema';
import { readBpmn } from '../models/bpmn';
import { outlineToXml } from '../models/generate';
import * as repo from '../models/models.repository';
import type { SeedContext } from './seed';
import { updateVersioned } from '../shared/versioned';

/** task name, lane (RACI letter of the role doing it), relative effort, share of cases (%) */
type Step = [string, 'R' | 'A' | 'I', number, number];

// prettier-ignore
const MODELS: [string, Step[]][] = [
	['P-SR', [['Přijmout žádost o stavební povolení', 'I', 1, 100], ['Posoudit úplnost žádosti', 'R', 3, 100], ['Vyzvat k doplnění', 'R', 2, 40], ['Oznámit zahájení řízení', 'R', 2, 100], ['Místní šetření', 'R', 8, 60], ['Posoudit stanoviska dotčených orgánů', 'R', 10, 100], ['Vypracovat rozhodnutí', 'R', 12, 100], ['Schválit a podepsat rozhodnutí', 'A', 2, 100], ['Doručit a vyznačit právní moc', 'I', 1, 100]]],
	['P-SOC', [['Přijmout podnět', 'I', 1, 100], ['Naplánovat šetření', 'R', 2, 100], ['Sociální šetření v domácnosti', 'R', 10, 100], ['Zapsat záznam ze šetření', 'R', 5, 100], ['Projednat případ', 'A', 2, 30], ['Založit do spisu', 'I', 1, 100]]],
	['P-SPS', [['Převzít a otevřít zásilku', 'R', 2, 100], ['Zaevidovat dokument', 'R', 3, 100], ['Digitalizovat listinný dokument', 'R', 3, 55], ['Přidělit zpracovateli', 'R', 1, 100], ['Vypravit odpověď', 'R', 2, 70], ['Kontrola spisové služby', 'A', 1, 5]]],
	['P-ROZ', [['Přijmout doklad', 'I', 1, 100], ['Zkontrolovat a zaúčtovat', 'R', 4, 100], ['Schválit výdaj', 'A', 1, 100], ['Uhradit', 'R', 1, 90], ['Měsíční uzávěrka a výkazy', 'R', 2, 100]]],
	['P-POP', [['Evidovat poplatníka', 'R', 2, 30], ['Vyměřit poplatek', 'R', 2, 100], ['Spárovat platbu', 'R', 1, 100], ['Upomenout dlužníka', 'R', 3, 15], ['Vydat platební výměr', 'A', 2, 5]]],
	['P-OP', [['Přijmout žádost a ověřit totožnost', 'R', 5, 100], ['Pořídit fotografii a podpis', 'R', 3, 100], ['Zpracovat žádost v informačním systému', 'R', 4, 100], ['Předat doklad', 'R', 3, 100], ['Vyřešit reklamaci', 'A', 5, 3]]],
	['P-RV', [['Přijmout žádost o zápis', 'R', 3, 100], ['Ověřit doklady a technický průkaz', 'R', 4, 100], ['Zapsat do registru vozidel', 'R', 4, 100], ['Vydat tabulky a osvědčení', 'R', 2, 70], ['Schválit výjimku', 'A', 3, 2]]],
	['P-PRE', [['Přijmout oznámení přestupku', 'I', 1, 100], ['Prověřit a odložit', 'R', 4, 35], ['Zahájit řízení', 'R', 5, 65], ['Ústní jednání', 'R', 10, 40], ['Vydat rozhodnutí', 'R', 8, 65], ['Schválit rozhodnutí', 'A', 2, 65], ['Doručit a vymáhat pokutu', 'I', 2, 50]]]
];

const LANE_NAMES: Record<'R' | 'A' | 'I', string> = {
	R: 'Zpracovatel',
	A: 'Schvalovatel',
	I: 'Podatelna'
};

export async function seedModels(trx: Executor, ctx: SeedContext): Promise<void> {
	const seededAt = new Date(`${ctx.today}T09:00:00Z`);
	for (const [code, steps] of MODELS) {
		const process = await trx
			.selectFrom('process')
			.select(['id', 'org_unit_id', 'owner_user_id'])
			.where('code', '=', code)
			.executeTakeFirst();
		if (!process) continue;
		const [roles, assets, cost] = await Promise.all([
			trx
				.selectFrom('process_role')
				.select(['id', 'raci'])
				.where('process_id', '=', process.id)
				.execute(),
			trx
				.selectFrom('process_asset')
				.select('asset_id')
				.where('process_id', '=', process.id)
				.execute(),
			trx
				.selectFrom('process_cost_year as c')
				.innerJoin('process_year as y', (j) =>
					j.onRef('y.process_id', '=', 'c.process_id').onRef('y.year', '=', 'c.year')
				)
				.select(['c.year', 'c.full_cost', 'y.volume'])
				.where('c.process_id', '=', process.id)
				.where('c.kind', '=', 'actual')
				.where('c.year', '<', ctx.year)
				.orderBy('c.year', 'desc')
				.executeTakeFirst()
		]);
		const roleOf = (raci: Raci) => roles.find((r) => r.raci === raci)?.id ?? null;
		const unitOf = (lane: 'R' | 'A' | 'I') =>
			lane === 'I' ? (ctx.orgUnitIds['OVV'] ?? process.org_unit_id) : process.org_unit_id;
		const lanes = (['I', 'R', 'A'] as const).filter((l) => steps.some((s) => s[1] === l));
		const prefix = code.replace(/[^A-Za-z0-9]/g, '_');
		const laneId = (l: string) => `${prefix}_lane_${l}`;
		const taskId = (i: number) => `${prefix}_task_${i + 1}`;
		const xml = outlineToXml({
			processId: `${prefix}_process`,
			name: code,
			lanes: lanes.map((l) => ({ id: laneId(l), name: LANE_NAMES[l] })),
			tasks: steps.map(([name, lane], i) => ({ id: taskId(i), name, lane: laneId(lane) }))
		});
		const read = await readBpmn(xml);

		// Calibrate: minutes = effort × scale, so that the modelled cost ≈ 75 % of the full cost.
		const rates = new Map<number | null, number>();
		if (cost) {
			const units = await trx
				.selectFrom('org_unit_year')
				.select(['org_unit_id', 'hourly_cost'])
				.where('year', '=', cost.year)
				.execute();
			for (const u of units) rates.set(u.org_unit_id, Number(u.hourly_cost ?? 0n));
		}
		const volume = cost?.volume ?? 0;
		const raw = steps.reduce(
			(s, [, lane, effort, share]) =>
				s + ((effort * share) / 100) * volume * ((rates.get(unitOf(lane)) ?? 0) / 60),
			0
		);
		const scale = raw > 0 ? (0.75 * Number(cost!.full_cost)) / raw : 5;

		const model = await repo.insertModel(trx, process.id);
		await repo.insertVersion(trx, {
			model_id: model.id,
			number: 1,
			xml: read.xml,
			note: 'Model převzatý z workshopu s garantem procesu',
			counts: JSON.stringify(read.counts),
			elements: JSON.stringify({
				performers: read.performers,
				steps: read.steps,
				hasDiagram: read.hasDiagram
			}),
			laid_out: false,
			restored_from: null,
			created_by: process.owner_user_id,
			created_at: seededAt,
			svg: null
		});
		await updateVersioned(trx, 'process_model', model.id, { updated_at: seededAt });
		await trx
			.insertInto('process_model_link')
			.values([
				...lanes.map((l) => ({
					model_id: model.id,
					element_id: laneId(l),
					kind: 'lane' as const,
					process_role_id: roleOf(l),
					org_unit_id: unitOf(l)
				})),
				...steps.map(([, lane, effort, share], i) => ({
					model_id: model.id,
					element_id: taskId(i),
					kind: 'task' as const,
					asset_id:
						lane === 'R' ? (assets[i % Math.max(assets.length, 1)]?.asset_id ?? null) : null,
					minutes: String(Math.max(0.5, Math.round(effort * scale * 2) / 2)),
					share_percent: String(share)
				}))
			])
			.execute();
	}
}
