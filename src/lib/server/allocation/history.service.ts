// A process's full and unit cost year by year, each year's change from the year before explained
// by its parts (see unit-cost-change.ts): direct costs, the overhead of each unit and each stage of
// staged allocation it received, allocation outside the steps, and the volume.
import type { Executor } from '../audit/audit';
import * as repo from './history.repository';
import { explainYears, type CostYear } from './unit-cost-change';

export type PartKind = 'direct' | 'unit' | 'stage' | 'other' | 'volume';

export interface HistoryRow {
	key: string;
	kind: PartKind;
	/** the unit or the support process (code – name); null for direct, other and volume */
	label: string | null;
	/** the stage of staged allocation (null: not a stage) */
	stage: number | null;
	/** year → the part's change of the full cost and its effect on the unit cost */
	cells: Record<number, { full: bigint; unit: bigint | null }>;
}

export interface UnitCostHistory {
	years: {
		year: number;
		direct: bigint;
		allocated: bigint;
		fullCost: bigint;
		volume: number | null;
		unitCost: bigint | null;
		/** the change from the year before (null: no data that year) */
		change: { full: bigint; unit: bigint | null } | null;
	}[];
	/** the parts of the changes, one row per part, in the order shown */
	parts: HistoryRow[];
}

type Step = Awaited<ReturnType<typeof repo.receivedSteps>>[number];

const sourceOf = (s: Step) =>
	s.source_process_id != null
		? { key: `stage:${s.stage ?? 0}:${s.source_process_id}`, kind: 'stage' as const }
		: { key: `unit:${s.org_unit_id}`, kind: 'unit' as const };

const RANK: Record<PartKind, number> = { direct: 0, unit: 1, stage: 2, other: 3, volume: 4 };

export async function unitCostHistory(db: Executor, processId: number): Promise<UnitCostHistory> {
	const [results, steps] = await Promise.all([
		repo.costYears(db, processId),
		repo.receivedSteps(db, processId) as Promise<Step[]>
	]);
	// A year with data: some cost or a volume (every active process has a row once a year is computed).
	const withData = results.filter((r) => r.full_cost !== 0n || r.volume !== null);
	const sources = new Map<number, Map<string, bigint>>();
	const unitIds = new Set<number>();
	const processIds = new Set<number>();
	for (const s of steps) {
		const { key } = sourceOf(s);
		if (s.source_process_id != null) processIds.add(s.source_process_id);
		else if (s.org_unit_id != null) unitIds.add(s.org_unit_id);
		const m = sources.get(s.year) ?? new Map<string, bigint>();
		m.set(key, (m.get(key) ?? 0n) + BigInt(s.amount));
		sources.set(s.year, m);
	}
	const [units, processes] = await Promise.all([
		repo.unitsById(db, [...unitIds]),
		repo.processesById(db, [...processIds])
	]);
	const unitName = new Map(units.map((u) => [u.id, `${u.code} – ${u.name}`]));
	const processName = new Map(processes.map((p) => [p.id, `${p.code} – ${p.name}`]));
	const costYears: CostYear[] = withData.map((r) => ({
		year: r.year,
		direct: BigInt(r.direct),
		sources: sources.get(r.year) ?? new Map(),
		fullCost: BigInt(r.full_cost),
		volume: r.volume
	}));
	const explained = explainYears(costYears);
	const rows = new Map<string, HistoryRow>();
	const rowFor = (key: string): HistoryRow => {
		let row = rows.get(key);
		if (!row) {
			const [kind, a, b] = key.split(':');
			const part = (kind === 'unit' || kind === 'stage' ? kind : key) as PartKind;
			row = {
				key,
				kind: part,
				label:
					part === 'unit'
						? (unitName.get(Number(a)) ?? a)
						: part === 'stage'
							? (processName.get(Number(b)) ?? b)
							: null,
				stage: part === 'stage' ? Number(a) : null,
				cells: {}
			};
			rows.set(key, row);
		}
		return row;
	};
	for (const y of explained) {
		for (const p of y.change?.parts ?? []) {
			rowFor(p.key).cells[y.year] = { full: p.full, unit: p.unit };
		}
	}
	const parts = [...rows.values()].sort(
		(x, y) =>
			RANK[x.kind] - RANK[y.kind] ||
			(x.stage ?? 0) - (y.stage ?? 0) ||
			(x.label ?? '').localeCompare(y.label ?? '', 'cs')
	);
	return {
		years: explained.map((y, i) => ({
			year: y.year,
			direct: costYears[i].direct,
			allocated: costYears[i].fullCost - costYears[i].direct,
			fullCost: y.fullCost,
			volume: y.volume,
			unitCost: y.unitCost,
			change: y.change ? { full: y.change.full, unit: y.change.unit } : null
		})),
		parts
	};
}
