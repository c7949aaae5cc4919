import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { CostNature } from '../db/schema';
import { rebuildSummary } from '../costs/aggregates';
import { INVESTMENT_TARGET_KEY } from '../settings/settings';
import { refreshProcessCosts } from '../allocation/allocation.service';
import { seedStages } from './seed-stages';
import { writeBatch } from '../imports/write';
import type { SeedContext } from './seed';

// Staff (FTE) per department; salaries and insurance follow them.
const UNITS: Record<string, { fte: number; orj: string; paragraf: string }> = {
	VED: { fte: 6, orj: '0100', paragraf: '6171' },
	OVV: { fte: 10, orj: '0110', paragraf: '6171' },
	OSV: { fte: 11, orj: '0120', paragraf: '4339' },
	OF: { fte: 8, orj: '0130', paragraf: '6171' },
	IT: { fte: 5, orj: '0140', paragraf: '6171' },
	OVÚP: { fte: 12, orj: '0150', paragraf: '3635' },
	OD: { fte: 7, orj: '0160', paragraf: '2212' },
	OŽP: { fte: 6, orj: '0170', paragraf: '3745' },
	OSM: { fte: 7, orj: '0180', paragraf: '3639' }
};

/** Monthly CZK per FTE (fixed) or per unit (others), before the yearly drift. */
/**
 * Who the demo's actual lines were paid to, by položka: companies with their IČO, and one private
 * person (travel expenses paid back to an employee: no IČO, a name only names.read may see).
 */
const COUNTERPARTIES: Record<string, { name: string; ico: string | null }> = {
	'5154': { name: 'ČEZ Prodej, a.s.', ico: '27232433' },
	'5151': { name: 'Vodovody a kanalizace Lhota, a.s.', ico: '46347534' },
	'5152': { name: 'Teplárna Lhota s.r.o.', ico: '25288792' },
	'5162': { name: 'O2 Czech Republic a.s.', ico: '60193336' },
	'5168': { name: 'Software Plus s.r.o.', ico: '26175291' },
	'6111': { name: 'Software Plus s.r.o.', ico: '26175291' },
	'5166': { name: 'Advokátní kancelář Malý a partneři', ico: '71234567' },
	'5139': { name: 'Papírnictví Kraus s.r.o.', ico: '28123456' },
	'5173': { name: 'Jana Dvořáková', ico: null }
};

/** A demo actual line's document, date and counterparty (salaries: a payroll document only). */
function provenance(polozka: string, month: string, line: number) {
	const party = COUNTERPARTIES[polozka];
	const ym = month.slice(0, 7);
	return {
		document: party ? `FP-${ym.replace('-', '')}-${String(line).padStart(4, '0')}` : `MZ-${ym}`,
		date: `${ym}-${party ? '15' : '28'}`,
		partnerName: party?.name ?? null,
		partnerIco: party?.ico ?? null
	};
}

const LINES: { polozka: string; perFte?: number; flat?: number; units?: string[]; text: string }[] =
	[
		{ polozka: '5011', perFte: 43_500, text: 'Platy zaměstnanců' },
		{ polozka: '5031', perFte: 10_800, text: 'Sociální pojištění' },
		{ polozka: '5032', perFte: 3_900, text: 'Zdravotní pojištění' },
		{ polozka: '5154', flat: 21_000, text: 'Elektrická energie' },
		{ polozka: '5151', flat: 3_200, text: 'Vodné a stočné' },
		{ polozka: '5152', flat: 17_500, text: 'Teplo' },
		{ polozka: '5162', flat: 5_400, text: 'Telefony a data' },
		{ polozka: '5169', flat: 14_000, text: 'Nákup ostatních služeb' },
		{ polozka: '5171', flat: 6_000, text: 'Opravy a udržování' },
		{ polozka: '5168', flat: 95_000, units: ['IT'], text: 'Provoz a podpora IS' },
		{ polozka: '5166', flat: 32_000, units: ['VED', 'OVÚP'], text: 'Právní služby' },
		{ polozka: '5139', perFte: 900, text: 'Kancelářský materiál' },
		{ polozka: '5161', perFte: 1_300, text: 'Poštovné' },
		{ polozka: '5173', perFte: 350, text: 'Cestovné' },
		{ polozka: '5167', perFte: 600, text: 'Školení a vzdělávání' }
	];

/** Improvement investment per year (CZK), oldest first, rising; split over initiatives and months. */
const INVESTMENT = [3_200_000, 5_400_000, 8_600_000, 12_800_000];
/** Fixed overheads fall slightly year by year. */
const FIXED_DRIFT = [1.025, 1, 0.975, 0.95];

function random(seed: number) {
	let s = seed;
	return () => {
		s = (s * 1103515245 + 12345) & 0x7fffffff;
		return s / 0x7fffffff;
	};
}

interface Row {
	kind: 'actual' | 'budget';
	month: string;
	amount: bigint;
	nature: CostNature;
	polozka: string;
	paragraf: string;
	orgUnitId: number;
	processId: number | null;
	initiativeId: number | null;
	orj: string;
	org: string | null;
	text: string;
}

/**
 * Seeds the costs area of the demo town as import batches: budgets for three full years before the
 * current one and the current one; actuals for every month up to today, the current month pro rata
 * to the day (what is booked so far), so the current year has process costs even on 2 January.
 */
export async function seedCosts(trx: Transaction<Database>, ctx: SeedContext): Promise<void> {
	const { year, today, orgUnitIds, userIds } = ctx;
	const rnd = random(5_2026);
	const years = [year - 3, year - 2, year - 1, year];
	const lastMonth = Number(today.slice(5, 7));
	const day = Number(today.slice(8, 10));
	const daysInMonth = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
	const bookedShare = (y: number, m: number, kind: 'actual' | 'budget') =>
		kind === 'actual' && y === year && m === lastMonth ? day / daysInMonth : 1;
	const categories = new Map(
		(await trx.selectFrom('cost_category').select(['polozka', 'nature']).execute()).map((c) => [
			c.polozka,
			c.nature
		])
	);
	const processes = await trx
		.selectFrom('process')
		.select(['id', 'code', 'org_unit_id'])
		.where('status', '=', 'active')
		.orderBy('code')
		.execute();
	const initiatives = await trx
		.selectFrom('initiative')
		.select(['id', 'code'])
		.orderBy('code')
		.execute();
	const units = Object.entries(UNITS).filter(([code]) => orgUnitIds[code]);
	await trx
		.insertInto('orj_mapping')
		.values(units.map(([code, u]) => ({ orj: u.orj, org_unit_id: orgUnitIds[code] })))
		.execute();

	const batches: { kind: 'actual' | 'budget'; year: number; rows: Row[] }[] = [];
	years.forEach((y, yi) => {
		for (const kind of ['budget', 'actual'] as const) {
			const rows: Row[] = [];
			const months = kind === 'actual' && y === year ? lastMonth : 12;
			for (let m = 1; m <= months; m++) {
				const month = `${y}-${String(m).padStart(2, '0')}-01`;
				for (const [code, unit] of units) {
					const own = processes.filter((p) => p.org_unit_id === orgUnitIds[code]);
					for (const line of LINES) {
						if (line.units && !line.units.includes(code)) continue;
						const nature = categories.get(line.polozka) ?? 'fixed';
						const base = line.perFte ? line.perFte * unit.fte : line.flat!;
						const drift = nature === 'fixed' ? FIXED_DRIFT[yi] : 1 + 0.03 * yi;
						// Budgets are round and steady; actuals wobble around them.
						const noise = kind === 'budget' ? 1 : 0.92 + rnd() * 0.14;
						const czk = base * drift * noise * (kind === 'budget' ? 1.02 : bookedShare(y, m, kind));
						const amount =
							kind === 'budget'
								? BigInt(Math.round(czk / 100)) * 10_000n
								: BigInt(Math.round(czk * 100));
						// Volume-driven costs are booked straight to the unit's processes.
						const process =
							nature === 'variable' && own.length
								? own[(m + line.polozka.length) % own.length]
								: null;
						rows.push({
							kind,
							month,
							amount,
							nature,
							polozka: line.polozka,
							paragraf: unit.paragraf,
							orgUnitId: orgUnitIds[code],
							processId: process?.id ?? null,
							initiativeId: null,
							orj: unit.orj,
							org: null,
							text: line.text
						});
					}
				}
				// Improvement investment, tagged with the initiatives (ORG = initiative code).
				const perMonth = INVESTMENT[yi] / 12;
				const investUnits = ['IT', 'OVV', 'OSV', 'OVÚP'].filter((c) => orgUnitIds[c]);
				for (let k = 0; k < 2; k++) {
					const initiative = initiatives.length
						? initiatives[(m * 2 + k + yi) % initiatives.length]
						: null;
					const unitCode = investUnits[(m + k) % investUnits.length];
					const polozka = k === 0 ? '6111' : m % 3 === 0 ? '6125' : '5172';
					const noise = kind === 'budget' ? 1 : 0.8 + rnd() * 0.4;
					const czk = (perMonth / 2) * noise * bookedShare(y, m, kind);
					rows.push({
						kind,
						month,
						amount:
							kind === 'budget'
								? BigInt(Math.round(czk / 1000)) * 100_000n
								: BigInt(Math.round(czk * 100)),
						nature: 'investment',
						polozka,
						paragraf: '6171',
						orgUnitId: orgUnitIds[unitCode],
						processId: null,
						initiativeId: initiative?.id ?? null,
						orj: UNITS[unitCode].orj,
						org: initiative?.code ?? null,
						text: polozka === '6111' ? 'Licence a implementace' : 'Vybavení projektu'
					});
				}
			}
			batches.push({ kind, year: y, rows });
		}
	});

	// Each batch goes in through the import's own write step, as a CSV import would.
	for (const batch of batches) {
		if (batch.rows.length === 0) continue;
		const name = batch.kind === 'actual' ? 'ucetnictvi' : 'rozpocet';
		await writeBatch(
			trx,
			userIds.ekonom ?? null,
			{
				source: 'seed',
				format: 'csv',
				fileName: `${name}-${batch.year}.csv`,
				contentHash: `demo-${batch.kind}-${batch.year}`,
				kind: batch.kind,
				profileName: null,
				rowsRead: batch.rows.length,
				rowsSkipped: 0
			},
			batch.rows.map((r, i) => ({
				row: {
					...r,
					line: i + 1,
					month: r.month.slice(0, 7),
					uz: null,
					...(batch.kind === 'actual' ? provenance(r.polozka, r.month, i + 1) : {})
				},
				orgUnitId: r.orgUnitId,
				initiativeId: r.initiativeId,
				processId: r.processId,
				nature: r.nature
			}))
		);
	}
	// The office's investment-share target: 15 %, the one setting /costs, /admin/settings and the
	// overview share.
	await sql`insert into app_setting (key, value) values (${INVESTMENT_TARGET_KEY},
		${JSON.stringify({ basisPoints: 1500 })}::jsonb) on conflict (key) do nothing`.execute(trx);

	// The unit cost of the busiest core process serves as a computed KPI.
	const busiest = await trx
		.selectFrom('process_year as y')
		.innerJoin('process as p', 'p.id', 'y.process_id')
		.select(['p.id', 'p.code', 'p.name'])
		.where('y.year', '=', year - 1)
		.where('p.kind', '=', 'core')
		.where('y.volume', 'is not', null)
		.orderBy('y.volume', 'desc')
		.limit(1)
		.executeTakeFirst();
	if (busiest) {
		await trx
			.insertInto('kpi')
			.values({
				code: `NAK-${busiest.code}`.slice(0, 40),
				name: `Náklady na jeden případ – ${busiest.name}`,
				unit: 'Kč',
				direction: 'lower',
				frequency: 'yearly',
				source: 'process_unit_cost',
				source_process_id: busiest.id,
				value_min: '0'
			})
			.execute();
	}
	await rebuildSummary(trx);
	await seedStages(trx, years, userIds.ekonom ?? null);
	await refreshProcessCosts(trx, years);
}
