import { insertCoded } from './insert';
import { sql, type Insertable, type Transaction } from 'kysely';
import { OFFICE_KEY } from '../settings/settings';
import type { Database, InitiativeStatusChangeTable } from '../db/schema';
import { addDays } from '../programme/milestone-status';
import type { SeedContext } from './seed';

type Trx = Transaction<Database>;

/**
 * The demo town's smart-administration programme (DOMAIN.md): four activities, 25 milestones over
 * two years — some done, some slipped, a few late or at risk — a risk register, and 12 improvement
 * initiatives in every state with budgets, expected savings and realized savings. Spending comes
 * from the cost ledger (the costs seed tags investment entries with these initiatives).
 */
export async function seedProgramme(trx: Trx, ctx: SeedContext): Promise<void> {
	const y = ctx.year;
	// Milestones near today are placed relative to it so the demo always shows late, at-risk and
	// upcoming ones, whatever day it is seeded on.
	const today = ctx.today;
	const rel = (days: number) => addDays(today, days);
	const u = ctx.userIds;

	const programme = await trx
		.insertInto('programme')
		.values({
			code: 'SMART',
			name: `Chytrá správa úřadu ${y - 1}–${y + 1}`,
			description:
				'Transformační program úřadu: procesní řízení, efektivní využití zdrojů a ICT, přesun váhy od fixních provozních nákladů k investicím do zlepšování.',
			start_date: `${y - 1}-01-01`,
			end_date: `${y + 1}-12-31`,
			manager_user_id: u.projekt ?? null
		})
		.returning('id')
		.executeTakeFirstOrThrow();

	const activityDefs = [
		[
			'A1',
			'Audit systému, znalostní báze a sebehodnocení CAF',
			`${y - 1}-01-01`,
			`${y}-12-31`,
			'tajemnik'
		],
		['A2', 'Projektové řízení transformace', `${y - 1}-01-01`, `${y + 1}-12-31`, 'projekt'],
		[
			'A3',
			'Procesní řízení: digitální model procesů (BPMN) propojený s úřadem',
			`${y - 1}-03-01`,
			`${y + 1}-06-30`,
			'garant'
		],
		[
			'A4',
			'Transformační strategie podle potenciálu procesů, optimalizace ekonomických procesů',
			`${y - 1}-07-01`,
			`${y + 1}-12-31`,
			'tajemnik'
		]
	] as const;
	const activityId = await insertCoded(
		trx,
		'programme_activity',
		activityDefs.map(([code, name, start, end, owner]) => ({
			programme_id: programme.id,
			code,
			name,
			start_date: start,
			end_date: end,
			owner_user_id: u[owner] ?? null
		}))
	);

	// [key, activity, name, owner, deliverable, baseline, current, done]
	const p = (n: number) => `${y - 1}-${String(n).padStart(2, '0')}`;
	const milestoneDefs: [string, string, string, string, string, string, string, string | null][] = [
		[
			'm1',
			'A1',
			'Zahájení auditu a sestavení týmu',
			'tajemnik',
			'Jmenovací dekret týmu',
			`${p(2)}-28`,
			`${p(2)}-28`,
			`${p(2)}-25`
		],
		[
			'm2',
			'A1',
			'Inventura informačních aktiv',
			'projekt',
			'Registr informačních aktiv',
			`${p(5)}-31`,
			`${p(6)}-30`,
			`${p(6)}-26`
		],
		[
			'm3',
			'A1',
			'Znalostní báze úřadu – první verze',
			'projekt',
			'Znalostní báze v intranetu',
			`${p(9)}-30`,
			`${p(10)}-31`,
			`${p(10)}-30`
		],
		[
			'm4',
			'A1',
			'Proškolení hodnoticího týmu CAF',
			'tajemnik',
			'Prezenční listina, certifikáty',
			`${p(11)}-30`,
			`${p(11)}-30`,
			`${p(11)}-20`
		],
		[
			'm5',
			'A1',
			'Zpráva ze sebehodnocení CAF',
			'tajemnik',
			'Sebehodnotící zpráva CAF',
			rel(-40),
			rel(-10),
			null
		],
		[
			'm6',
			'A1',
			'Akční plán zlepšování podle CAF',
			'tajemnik',
			'Akční plán schválený vedením',
			rel(20),
			rel(35),
			null
		],
		[
			'm7',
			'A2',
			'Ustavení projektové kanceláře a řídicího výboru',
			'starosta',
			'Usnesení rady',
			`${p(1)}-31`,
			`${p(1)}-31`,
			`${p(1)}-29`
		],
		[
			'm8',
			'A2',
			'Schválení metodiky projektového řízení',
			'projekt',
			'Směrnice o projektovém řízení',
			`${p(4)}-30`,
			`${p(5)}-15`,
			`${p(5)}-14`
		],
		[
			'm9',
			'A2',
			'Průběžná zpráva pro zastupitelstvo',
			'projekt',
			'Zpráva o stavu programu',
			`${p(12)}-10`,
			`${p(12)}-10`,
			`${p(12)}-08`
		],
		[
			'm10',
			'A2',
			'Výběr dodavatele elektronického oběhu dokumentů',
			'projekt',
			'Smlouva s dodavatelem',
			rel(-60),
			rel(10),
			null
		],
		[
			'm11',
			'A2',
			'Druhá průběžná zpráva pro zastupitelstvo',
			'projekt',
			'Zpráva o stavu programu',
			rel(45),
			rel(45),
			null
		],
		[
			'm12',
			'A2',
			'Závěrečná zpráva programu',
			'projekt',
			'Závěrečná zpráva a vyhodnocení',
			`${y + 1}-12-15`,
			`${y + 1}-12-15`,
			null
		],
		[
			'm13',
			'A3',
			'Katalog procesů úřadu',
			'garant',
			'Katalog procesů',
			`${p(6)}-30`,
			`${p(7)}-15`,
			`${p(7)}-14`
		],
		[
			'm14',
			'A3',
			'Pilotní modely BPMN: podatelna a evidence obyvatel',
			'garant',
			'Modely BPMN 2.0',
			`${p(10)}-31`,
			`${p(10)}-31`,
			`${p(10)}-29`
		],
		[
			'm15',
			'A3',
			'Modely BPMN všech klíčových procesů',
			'garant',
			'Procesní model úřadu',
			rel(-30),
			rel(5),
			null
		],
		[
			'm16',
			'A3',
			'Propojení modelu s organizační strukturou a rolemi',
			'garant',
			'Matice RACI',
			rel(60),
			rel(90),
			null
		],
		[
			'm17',
			'A3',
			'Procesní karty všech klíčových procesů',
			'garant',
			'Procesní karty',
			`${y + 1}-03-31`,
			`${y + 1}-03-31`,
			null
		],
		[
			'm18',
			'A3',
			'Pravidelné vyhodnocování KPI procesů',
			'garant',
			'Čtvrtletní přehled KPI',
			`${y + 1}-06-30`,
			`${y + 1}-06-30`,
			null
		],
		[
			'm19',
			'A4',
			'Analýza potenciálu zlepšení procesů',
			'projekt',
			'Analytická zpráva',
			rel(-90),
			rel(-90),
			rel(-95)
		],
		[
			'm20',
			'A4',
			'Návrh transformační strategie',
			'tajemnik',
			'Návrh strategie',
			rel(-20),
			rel(-20),
			null
		],
		[
			'm21',
			'A4',
			'Schválení transformační strategie radou',
			'starosta',
			'Usnesení rady',
			rel(25),
			rel(25),
			null
		],
		[
			'm22',
			'A4',
			'Optimalizace procesů rozpočtu a účetnictví',
			'ekonom',
			'Nový postup schvalování výdajů',
			`${y + 1}-04-30`,
			`${y + 1}-04-30`,
			null
		],
		[
			'm23',
			'A4',
			'Sdílené kontaktní místo pro občany',
			'projekt',
			'Otevřené kontaktní místo',
			`${y + 1}-09-30`,
			`${y + 1}-09-30`,
			null
		],
		[
			'm24',
			'A4',
			'Vyhodnocení úspor a podílu investic do zlepšování',
			'ekonom',
			'Vyhodnocení pro radu',
			`${y + 1}-11-30`,
			`${y + 1}-11-30`,
			null
		],
		[
			'm25',
			'A4',
			'Aktualizace transformační strategie',
			'tajemnik',
			'Aktualizovaná strategie',
			`${y + 1}-12-31`,
			`${y + 1}-12-31`,
			null
		]
	];
	const milestones = await trx
		.insertInto('milestone')
		.values(
			milestoneDefs.map(([, activity, name, owner, deliverable, baseline, current, done]) => ({
				activity_id: activityId[activity],
				name,
				owner_user_id: u[owner] ?? null,
				deliverable,
				baseline_due: baseline,
				current_due: current,
				done_date: done
			}))
		)
		.returning('id')
		.execute();
	const milestoneId = Object.fromEntries(milestoneDefs.map(([key], i) => [key, milestones[i].id]));
	const deps: [string, string][] = [
		['m1', 'm2'],
		['m2', 'm3'],
		['m4', 'm5'],
		['m5', 'm6'],
		['m7', 'm8'],
		['m13', 'm14'],
		['m14', 'm15'],
		['m15', 'm16'],
		['m16', 'm17'],
		['m19', 'm20'],
		['m20', 'm21'],
		['m21', 'm23']
	];
	await trx
		.insertInto('milestone_dependency')
		.values(
			deps.map(([pre, post]) => ({
				predecessor_id: milestoneId[pre],
				successor_id: milestoneId[post]
			}))
		)
		.execute();

	const risk = (
		description: string,
		probability: number,
		impact: number,
		owner: string,
		mitigation: string,
		status: 'open' | 'mitigating' | 'closed'
	) => ({
		programme_id: programme.id,
		description,
		probability,
		impact,
		owner_user_id: u[owner] ?? null,
		mitigation,
		status
	});
	await trx
		.insertInto('programme_risk')
		.values([
			risk(
				'Zpoždění dodavatele elektronického oběhu dokumentů',
				4,
				4,
				'projekt',
				'Harmonogram se smluvními pokutami, týdenní kontrolní dny s dodavatelem.',
				'mitigating'
			),
			risk(
				'Nedostatek kapacit zaměstnanců při souběhu s běžnou agendou',
				4,
				3,
				'tajemnik',
				'Uvolnění klíčových lidí na 20 % úvazku, posílení podatelny brigádníky.',
				'open'
			),
			risk(
				'Nedostatečná kvalita dat pro výpočet nákladů procesů',
				3,
				4,
				'ekonom',
				'Sjednocení ORJ a ORG v účetnictví, kontrola importů.',
				'open'
			),
			risk(
				'Odpor zaměstnanců ke změně způsobu práce',
				3,
				3,
				'tajemnik',
				'Zapojení zaměstnanců do modelování procesů, školení, průběžná komunikace.',
				'mitigating'
			),
			risk(
				'Změna pravidel dotační výzvy nebo krácení dotace',
				2,
				5,
				'starosta',
				'Rezerva v rozpočtu města, průběžná konzultace s poskytovatelem.',
				'open'
			),
			risk(
				'Bezpečnostní incident při zavádění nových elektronických služeb',
				2,
				4,
				'projekt',
				'Penetrační test před spuštěním, školení kybernetické bezpečnosti.',
				'open'
			),
			risk(
				'Neschválení rozpočtu programu zastupitelstvem',
				2,
				5,
				'starosta',
				'Rozpočet schválen v prosinci.',
				'closed'
			)
		])
		.execute();

	await seedInitiatives(trx, ctx, today, activityId);

	// The office's name, printed on the council report's cover and page header.
	await sql`insert into app_setting (key, value) values (${OFFICE_KEY},
		${JSON.stringify({ name: 'Město Dolní Lhota' })}::jsonb) on conflict (key) do nothing`.execute(trx);
}

type Status = 'proposed' | 'approved' | 'in_progress' | 'done' | 'cancelled';

interface InitiativeDef {
	code: string;
	name: string;
	description: string;
	status: Status;
	owner: string;
	activity: string;
	unit: string;
	/** expected savings per year: CZK, hours */
	czk: number;
	hours: number;
	/** budget per year offset from ctx.year, in CZK */
	budget: [number, number][];
	/** months before today when it went into progress (in_progress/done) */
	startedMonthsAgo?: number;
	/** realized share of the expected savings per quarter, in % */
	realizedPct?: number;
	/** words in the names of the processes it improves */
	processWords: string[];
}

async function seedInitiatives(
	trx: Trx,
	ctx: SeedContext,
	today: string,
	activityId: Record<string, number>
) {
	const u = ctx.userIds;
	const y = ctx.year;
	const defs: InitiativeDef[] = [
		{
			processWords: ['spis', 'podateln'],
			code: 'INI-01',
			name: 'Elektronický oběh dokumentů a spisová služba',
			description:
				'Elektronický oběh a schvalování dokumentů napojený na spisovou službu; konec papírových oběžníků mezi odbory.',
			status: 'in_progress',
			owner: 'projekt',
			activity: 'A2',
			unit: 'OVV',
			czk: 900_000,
			hours: 3_000,
			budget: [
				[-1, 2_400_000],
				[0, 3_200_000]
			],
			startedMonthsAgo: 11,
			realizedPct: 80
		},
		{
			processWords: ['poplat'],
			code: 'INI-02',
			name: 'Online formuláře pro místní poplatky',
			description:
				'Přiznání a platby místních poplatků (odpady, psi) přes portál občana s napojením na účetnictví.',
			status: 'done',
			owner: 'ekonom',
			activity: 'A4',
			unit: 'OF',
			czk: 600_000,
			hours: 2_000,
			budget: [
				[-2, 1_800_000],
				[-1, 1_200_000]
			],
			startedMonthsAgo: 26,
			realizedPct: 105
		},
		{
			processWords: ['podateln', 'spis'],
			code: 'INI-03',
			name: 'Digitalizace dokumentů na podatelně',
			description:
				'Skenování a vytěžování doručených listin na podatelně, elektronické předání zpracovatelům.',
			status: 'in_progress',
			owner: 'projekt',
			activity: 'A3',
			unit: 'OVV',
			czk: 350_000,
			hours: 2_500,
			budget: [[0, 2_600_000]],
			startedMonthsAgo: 5,
			realizedPct: 60
		},
		{
			processWords: ['občansk', 'evidence obyvatel'],
			code: 'INI-04',
			name: 'Samoobslužný terminál pro občany',
			description:
				'Terminál ve vstupní hale: výpisy z registrů, platby poplatků, rezervace termínů.',
			status: 'approved',
			owner: 'projekt',
			activity: 'A4',
			unit: 'OVV',
			czk: 150_000,
			hours: 1_200,
			budget: [
				[0, 900_000],
				[1, 1_600_000]
			]
		},
		{
			processWords: ['kvalit'],
			code: 'INI-05',
			name: 'Školení CAF a procesního řízení',
			description: 'Školení hodnoticího týmu CAF a vedoucích odborů v procesním řízení.',
			status: 'done',
			owner: 'tajemnik',
			activity: 'A1',
			unit: 'VED',
			czk: 0,
			hours: 1_500,
			budget: [
				[-2, 600_000],
				[-1, 900_000]
			],
			startedMonthsAgo: 24,
			realizedPct: 90
		},
		{
			processWords: ['občansk', 'řidičsk', 'vozid'],
			code: 'INI-06',
			name: 'Sdílené kontaktní místo (front office)',
			description:
				'Jedno kontaktní místo pro podání ve všech agendách místo přepážek jednotlivých odborů.',
			status: 'proposed',
			owner: 'tajemnik',
			activity: 'A4',
			unit: 'OVV',
			czk: 1_200_000,
			hours: 5_000,
			budget: [[1, 4_500_000]]
		},
		{
			processWords: ['účetn', 'rozpočet'],
			code: 'INI-07',
			name: 'Elektronické schvalování faktur',
			description:
				'Oběh a schvalování přijatých faktur s elektronickým podpisem příkazce a správce rozpočtu.',
			status: 'in_progress',
			owner: 'ekonom',
			activity: 'A4',
			unit: 'OF',
			czk: 450_000,
			hours: 1_600,
			budget: [
				[-1, 1_000_000],
				[0, 1_800_000]
			],
			startedMonthsAgo: 13,
			realizedPct: 70
		},
		{
			processWords: ['občansk', 'cestovn'],
			code: 'INI-08',
			name: 'Rezervační systém pro přepážky',
			description:
				'Objednávání občanů na termín u přepážek občanských průkazů, pasů a registru vozidel.',
			status: 'done',
			owner: 'projekt',
			activity: 'A2',
			unit: 'OVV',
			czk: 200_000,
			hours: 1_800,
			budget: [
				[-2, 1_400_000],
				[-1, 800_000]
			],
			startedMonthsAgo: 28,
			realizedPct: 110
		},
		{
			processWords: ['IT provoz', 'informační'],
			code: 'INI-09',
			name: 'Konsolidace tiskáren a tiskových služeb',
			description:
				'Sdílené multifunkční tiskárny místo osobních, tisk na kartu, méně spotřebního materiálu.',
			status: 'in_progress',
			owner: 'projekt',
			activity: 'A4',
			unit: 'IT',
			czk: 900_000,
			hours: 0,
			budget: [
				[-1, 1_300_000],
				[0, 1_700_000]
			],
			startedMonthsAgo: 12,
			realizedPct: 95
		},
		{
			processWords: ['kvalit'],
			code: 'INI-10',
			name: 'Nástroj pro modelování procesů v BPMN',
			description:
				'Licence a zavedení nástroje pro modelování procesů a publikaci procesních karet.',
			status: 'approved',
			owner: 'garant',
			activity: 'A3',
			unit: 'VED',
			czk: 0,
			hours: 900,
			budget: [
				[0, 1_400_000],
				[1, 600_000]
			]
		},
		{
			processWords: ['rozpočet', 'účetn'],
			code: 'INI-11',
			name: 'Automatizace rozpočtových výkazů',
			description: 'Napojení výkaznictví na účetní systém, konec ručního přepisování do tabulek.',
			status: 'proposed',
			owner: 'ekonom',
			activity: 'A4',
			unit: 'OF',
			czk: 250_000,
			hours: 1_400,
			budget: [[1, 1_500_000]]
		},
		{
			processWords: ['sociáln'],
			code: 'INI-12',
			name: 'Tablety pro terénní sociální šetření',
			description:
				'Záznam ze šetření přímo v terénu; zrušeno pro nízkou připravenost agendového systému.',
			status: 'cancelled',
			owner: 'projekt',
			activity: 'A4',
			unit: 'OSV',
			czk: 100_000,
			hours: 600,
			budget: [[0, 300_000]]
		}
	];

	const idOf = await insertCoded(
		trx,
		'initiative',
		defs.map((d) => ({
			code: d.code,
			name: d.name,
			description: d.description,
			status: d.status,
			owner_user_id: u[d.owner] ?? null,
			expected_savings_czk: BigInt(d.czk) * 100n,
			expected_savings_hours: String(d.hours),
			valuation_org_unit_id: ctx.orgUnitIds[d.unit] ?? null,
			activity_id: activityId[d.activity] ?? null
		}))
	);

	await trx
		.insertInto('initiative_budget')
		.values(
			defs.flatMap((d) =>
				d.budget.map(([offset, czk]) => ({
					initiative_id: idOf[d.code],
					year: y + offset,
					amount: BigInt(czk) * 100n
				}))
			)
		)
		.execute();

	// Status history: proposed a while ago, approved by a manager, then in progress / done.
	const monthsAgo = (n: number) => {
		const d = new Date(`${today}T09:00:00Z`);
		d.setUTCMonth(d.getUTCMonth() - n);
		return d;
	};
	const history: Insertable<InitiativeStatusChangeTable>[] = [];
	const change = (code: string, from: Status | null, to: Status, who: string, at: Date) =>
		history.push({
			initiative_id: idOf[code],
			from_status: from,
			to_status: to,
			user_id: u[who] ?? null,
			note: null,
			changed_at: at
		});
	for (const d of defs) {
		const started = d.startedMonthsAgo ?? 2;
		change(d.code, null, 'proposed', d.owner, monthsAgo(started + 3));
		if (d.status === 'cancelled') {
			change(d.code, 'proposed', 'cancelled', 'tajemnik', monthsAgo(started + 1));
			continue;
		}
		if (d.status === 'proposed') continue;
		change(d.code, 'proposed', 'approved', 'starosta', monthsAgo(started + 1));
		if (d.status === 'approved') continue;
		change(d.code, 'approved', 'in_progress', 'projekt', monthsAgo(started));
		if (d.status === 'done') change(d.code, 'in_progress', 'done', 'projekt', monthsAgo(3));
	}
	await trx.insertInto('initiative_status_change').values(history).execute();

	// Realized savings per completed quarter since the initiative went into progress.
	const savings: {
		initiative_id: number;
		period_start: string;
		period_end: string;
		amount: bigint;
		hours: string;
		evidence: string;
		recorded_by: number | null;
	}[] = [];
	const todayMonth = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1;
	for (const d of defs) {
		if (d.startedMonthsAgo === undefined || !d.realizedPct) continue;
		// First full quarter after the start.
		let q = Math.ceil((todayMonth - d.startedMonthsAgo) / 3) * 3;
		let n = 0;
		while (q + 2 < todayMonth) {
			const qy = Math.floor(q / 12);
			const qm = (q % 12) + 1;
			const lastDay = new Date(Date.UTC(qy, qm + 2, 0)).getUTCDate();
			// Vary around the realized share so the quarters do not look copied.
			const pct = BigInt(d.realizedPct + ((n * 7) % 11) - 5);
			savings.push({
				initiative_id: idOf[d.code],
				period_start: `${qy}-${String(qm).padStart(2, '0')}-01`,
				period_end: `${qy}-${String(qm + 2).padStart(2, '0')}-${lastDay}`,
				amount: (BigInt(d.czk) * 100n * pct) / 400n,
				hours: ((d.hours * Number(pct)) / 400).toFixed(2),
				evidence: `Čtvrtletní vyhodnocení ${Math.floor(qm / 3) + 1}/${qy}: porovnání počtu případů a vykázané práce před zavedením a po něm.`,
				recorded_by: u.projekt ?? null
			});
			q += 3;
			n += 1;
		}
	}
	if (savings.length) await trx.insertInto('initiative_saving').values(savings).execute();

	// Links to goals, processes and KPIs, when the process-map seed has created any.
	const [goals, processes, kpis] = await Promise.all([
		trx.selectFrom('goal').select(['id', 'code']).orderBy('code').execute(),
		trx.selectFrom('process').select(['id', 'code', 'name']).orderBy('code').execute(),
		trx.selectFrom('kpi').select(['id', 'code']).orderBy('code').execute()
	]);
	const pick = <T>(list: T[], i: number, n: number) =>
		list.length
			? [...new Set([0, 1, 2].slice(0, n).map((k) => list[(i * 3 + k) % list.length]))]
			: [];
	const goalLinks = defs.flatMap((d, i) =>
		pick(goals, i, 1).map((g) => ({ initiative_id: idOf[d.code], goal_id: g.id }))
	);
	const processLinks = defs.flatMap((d, i) => {
		const named = processes.filter((p) =>
			d.processWords.some((w) => p.name.toLowerCase().includes(w.toLowerCase()))
		);
		return (named.length ? named.slice(0, 3) : pick(processes, i, 2)).map((p) => ({
			initiative_id: idOf[d.code],
			process_id: p.id
		}));
	});
	const kpiLinks = defs.flatMap((d, i) =>
		pick(kpis, i, 1).map((k) => ({ initiative_id: idOf[d.code], kpi_id: k.id }))
	);
	if (goalLinks.length) await trx.insertInto('initiative_goal').values(goalLinks).execute();
	if (processLinks.length) {
		await trx.insertInto('initiative_process').values(processLinks).execute();
	}
	if (kpiLinks.length) await trx.insertInto('initiative_kpi').values(kpiLinks).execute();
}
