// The demo town's staff: about sixty people over the org units, the RACI roles of every process
// filled by them, a competence catalogue with what roles require and what people hold. The story
// (tests/integration/people.test.ts checks it): a handful of single points of failure (the mayor's
// consulting role, the building-permit clerk whose deputy lacks the building-law level, the one
// cyber-security specialist, a registry role left to one person when a colleague left), the
// building department over-loaded and IT with slack. Dates are relative to the seeding day.
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { addDays } from '../people/coverage';
import type { SeedContext } from './seed';

type Level = 1 | 2 | 3 | 4;

// prettier-ignore
const COMPETENCES: [string, string, 'professional' | 'legal' | 'it_system' | 'soft'][] = [
	['ZOZ', 'Zvláštní odborná způsobilost pro agendu', 'professional'],
	['SPR', 'Správní řád a správní řízení', 'legal'],
	['STAV', 'Stavební zákon a územní plánování', 'legal'],
	['UCT', 'Účetnictví územních samosprávných celků', 'professional'],
	['VZ', 'Zadávání veřejných zakázek', 'legal'],
	['ESSL', 'Elektronická spisová služba a datové schránky', 'it_system'],
	['ISZR', 'Základní registry a agendové systémy', 'it_system'],
	['KB', 'Kybernetická bezpečnost', 'it_system'],
	['GIS', 'Práce s GIS a mapovými podklady', 'it_system'],
	['KOM', 'Komunikace s klienty a řešení konfliktů', 'soft']
];

function levelTexts(name: string): [string, string, string, string] {
	return [
		`${name}: zná základní pojmy a postupy, pracuje pod vedením.`,
		`${name}: samostatně řeší běžné případy.`,
		`${name}: samostatně řeší i složité a nestandardní případy.`,
		`${name}: expert, metodicky vede a školí ostatní.`
	];
}

/** Per unit: [position, FTE, competences held as code → level]; the first is the head. */
type StaffSpec = [string, number, Record<string, Level>];
const REF: Record<string, Level> = { ZOZ: 3, SPR: 2, ESSL: 2, KOM: 2 };

// prettier-ignore
const STAFF: Record<string, StaffSpec[]> = {
	VED: [['Starostka', 1, { KOM: 4 }], ['Tajemník', 1, { SPR: 4, KOM: 3 }], ['Právník', 1, { SPR: 4 }], ['Právnička', 0.8, { SPR: 4, VZ: 3 }]],
	OVV: [['Vedoucí odboru', 1, { ...REF, ZOZ: 4, SPR: 3 }], ['Referent/ka', 1, REF], ['Referent/ka', 1, REF], ['Referent/ka', 1, { ...REF, ISZR: 3 }], ['Referent/ka', 0.5, REF], ['Referent/ka', 0.5, { ...REF, ISZR: 2 }], ['Referent/ka', 0.5, REF], ['Referent/ka', 0.5, REF], ['Referent/ka', 0.5, REF], ['Referent/ka', 0.5, REF], ['Referent/ka', 0.5, REF], ['Referent/ka', 0.5, REF], ['Pracovník/ce podatelny', 1, { ESSL: 3 }], ['Pracovník/ce podatelny', 1, { ESSL: 3 }]],
	OF: [['Vedoucí odboru', 1, { ...REF, UCT: 4 }], ['Účetní', 1, { ...REF, UCT: 3 }], ['Účetní', 1, { ...REF, UCT: 3 }], ['Rozpočtář/ka', 1, { ...REF, UCT: 3 }], ['Referent/ka poplatků', 0.5, REF], ['Referent/ka poplatků', 0.5, REF], ['Pokladní', 0.5, REF], ['Referent/ka veřejných zakázek', 0.5, { ...REF, VZ: 3 }]],
	OVÚP: [['Vedoucí odboru', 1, { ...REF, STAV: 4 }], ['Referent/ka stavebního úřadu', 1, { ...REF, STAV: 4 }], ['Referent/ka stavebního úřadu', 1, { ...REF, STAV: 2 }], ['Referent/ka stavebního úřadu', 1, { ...REF, STAV: 3 }], ['Referent/ka územního plánování', 1, { ...REF, STAV: 3, GIS: 3 }], ['Referent/ka stavebního úřadu', 0.5, { ...REF, STAV: 3 }]],
	OD: [['Vedoucí odboru', 1, { ...REF, ISZR: 3 }], ['Referent/ka registru vozidel', 1, REF], ['Referent/ka registru vozidel', 1, REF], ['Referent/ka registru řidičů', 1, REF], ['Referent/ka registru řidičů', 1, REF], ['Referent/ka silničního úřadu', 1, REF], ['Referent/ka dopravy', 0.5, REF]],
	OŽP: [['Vedoucí odboru', 1, REF], ['Referent/ka odpadového hospodářství', 1, REF], ['Referent/ka ochrany ovzduší', 1, REF], ['Referent/ka zeleně', 1, { ...REF, GIS: 2 }], ['Referent/ka', 0.5, REF]],
	OSV: [['Vedoucí odboru', 1, { ...REF, KOM: 4 }], ['Sociální pracovník/ce', 1, REF], ['Sociální pracovník/ce', 1, REF], ['Sociální pracovník/ce', 1, REF], ['Kurátor/ka pro mládež', 1, REF], ['Sociální pracovník/ce', 0.5, REF], ['Sociální pracovník/ce', 1, REF], ['Sociální pracovník/ce', 1, REF]],
	OSM: [['Vedoucí odboru', 1, REF], ['Správce majetku', 1, { ...REF, UCT: 2 }], ['Referent/ka bytů', 1, REF], ['Investiční technik', 1, { ...REF, VZ: 2 }], ['Referent/ka majetku', 1, REF]],
	IT: [['Vedoucí oddělení', 1, { ESSL: 3, KB: 3, ISZR: 3 }], ['Správce sítě', 1, { ESSL: 2, KB: 3 }], ['Správce aplikací', 1, { ESSL: 3, ISZR: 3 }], ['Technik uživatelské podpory', 1, { ESSL: 2 }], ['Technik uživatelské podpory', 1, { ESSL: 2 }], ['Specialista GIS', 1, { GIS: 4, ESSL: 2 }]]
};

// prettier-ignore
const WOMEN = [['Jana', 'Nováková'], ['Eva', 'Svobodová'], ['Hana', 'Dvořáková'], ['Lenka', 'Černá'], ['Kateřina', 'Procházková'], ['Petra', 'Kučerová'], ['Lucie', 'Veselá'], ['Martina', 'Horáková'], ['Veronika', 'Němcová'], ['Alena', 'Marková'], ['Tereza', 'Pokorná'], ['Michaela', 'Pospíšilová'], ['Zuzana', 'Hájková'], ['Markéta', 'Jelínková'], ['Ivana', 'Králová'], ['Monika', 'Růžičková'], ['Barbora', 'Benešová'], ['Klára', 'Fialová'], ['Dana', 'Sedláčková'], ['Simona', 'Doležalová'], ['Renata', 'Zemanová'], ['Jitka', 'Kolářová'], ['Gabriela', 'Navrátilová'], ['Šárka', 'Čermáková'], ['Romana', 'Vaněková'], ['Kristýna', 'Urbanová'], ['Radka', 'Blažková'], ['Pavla', 'Kříženecká'], ['Helena', 'Kopecká'], ['Irena', 'Holubová'], ['Blanka', 'Šimková'], ['Olga', 'Vlčková'], ['Marie', 'Konečná']];
// prettier-ignore
const MEN = [['Petr', 'Svoboda'], ['Jan', 'Novotný'], ['Tomáš', 'Dvořák'], ['Martin', 'Černý'], ['Jiří', 'Procházka'], ['Pavel', 'Kučera'], ['Josef', 'Veselý'], ['Lukáš', 'Horák'], ['Jakub', 'Němec'], ['Michal', 'Marek'], ['David', 'Pokorný'], ['Ondřej', 'Pospíšil'], ['Karel', 'Hájek'], ['Filip', 'Jelínek'], ['Roman', 'Král'], ['Vojtěch', 'Růžička'], ['Zdeněk', 'Beneš'], ['Miroslav', 'Fiala'], ['Aleš', 'Sedláček'], ['Radek', 'Doležal'], ['Daniel', 'Zeman'], ['Marek', 'Kolář'], ['Libor', 'Navrátil'], ['Vladimír', 'Čermák'], ['Stanislav', 'Vaněk'], ['Adam', 'Urban'], ['Milan', 'Blažek'], ['Dušan', 'Kopecký'], ['Václav', 'Holub'], ['Robert', 'Šimek'], ['Igor', 'Vlček']];

const ABSENCE: Record<string, string> = { OVÚP: '0.15' };

/** Seeds the people area; `process_role` rows must exist (seedProcessMap runs first). */
export async function seedPeople(trx: Transaction<Database>, ctx: SeedContext): Promise<void> {
	const { today, orgUnitIds } = ctx;
	const compRows = await trx
		.insertInto('competence')
		.values(
			COMPETENCES.map(([code, name, kind]) => {
				const [level_1, level_2, level_3, level_4] = levelTexts(name);
				return { code, name, kind, level_1, level_2, level_3, level_4 };
			})
		)
		.returning(['id', 'code'])
		.execute();
	const comp = Object.fromEntries(compRows.map((c) => [c.code, c.id]));

	// People, by unit in order; names alternate women and men.
	const byUnit: Record<string, number[]> = {};
	const heldRows: {
		person_id: number;
		competence_id: number;
		level: number;
		acquired_on: string;
		evidence_kind: 'training' | 'exam' | 'practice';
		evidence: string;
		expires_on: string | null;
	}[] = [];
	let w = 0;
	let m = 0;
	let n = 0;
	for (const [unit, specs] of Object.entries(STAFF)) {
		byUnit[unit] = [];
		for (const [position, fte, held] of specs) {
			n++;
			const woman = /ka$|ce$|nice$|Starostka|Asistentka|Pokladní|Právnička|Účetní/.test(position)
				? n % 5 !== 0
				: n % 3 === 0;
			const [first, last] = woman ? WOMEN[w++ % WOMEN.length] : MEN[m++ % MEN.length];
			const row = await trx
				.insertInto('person')
				.values({
					personal_number: String(1000 + n),
					name: `${first} ${last}`,
					position,
					org_unit_id: orgUnitIds[unit],
					fte: String(fte),
					valid_from: addDays(today, -365 * (1 + (n % 12)) - n),
					valid_to: null
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			byUnit[unit].push(row.id);
			for (const [code, level] of Object.entries(held)) {
				const exam = code === 'ZOZ';
				heldRows.push({
					person_id: row.id,
					competence_id: comp[code],
					level,
					acquired_on: addDays(today, -400 - ((n * 37) % 1500)),
					evidence_kind: exam ? 'exam' : code === 'KB' ? 'training' : 'practice',
					evidence: exam
						? 'Zkouška zvláštní odborné způsobilosti (osvědčení)'
						: code === 'KB'
							? 'Certifikovaný kurz kybernetické bezpečnosti'
							: 'Praxe v agendě',
					expires_on: code === 'KB' ? addDays(today, 30 + n) : null
				});
			}
		}
	}
	// One registry clerk left the office last month; one driver-registry clerk's exam lapsed.
	const leaver = byUnit.OVV[11];
	await trx
		.updateTable('person')
		.set({ valid_to: addDays(today, -30) })
		.where('id', '=', leaver)
		.execute();
	const lapsed = byUnit.OD[4];
	const lapsedZoz = heldRows.find((h) => h.person_id === lapsed && h.competence_id === comp.ZOZ)!;
	lapsedZoz.expires_on = addDays(today, -20);
	// A network admin's cyber-security certificate expires soon (it is in the managers' worklist).
	heldRows.find((h) => h.person_id === byUnit.IT[1] && h.competence_id === comp.KB)!.expires_on =
		addDays(today, 21);
	await trx.insertInto('person_competence').values(heldRows).execute();
	// Deputies: each head is deputised by the unit's second person.
	for (const ids of Object.values(byUnit)) {
		await trx
			.updateTable('person')
			.set({ deputy_person_id: ids[1] })
			.where('id', '=', ids[0])
			.execute();
	}

	await trx
		.insertInto('org_unit_capacity')
		.values(
			Object.entries(orgUnitIds).map(([code, id]) => ({
				org_unit_id: id,
				absence_rate: ABSENCE[code] ?? '0.12'
			}))
		)
		.execute();

	const roles = await trx
		.selectFrom('process_role as r')
		.innerJoin('process as p', 'p.id', 'r.process_id')
		.innerJoin('org_unit as o', 'o.id', 'p.org_unit_id')
		.select(['r.id', 'r.job_role', 'r.raci', 'p.code', 'p.kind', 'o.code as unit'])
		.orderBy('p.code')
		.orderBy('r.id')
		.execute();
	const holders: { process_role_id: number; person_id: number; kind: 'holder' | 'deputy' }[] = [];
	const requirements: { process_role_id: number; competence_id: number; min_level: number }[] = [];
	const put = (roleId: number, personId: number, kind: 'holder' | 'deputy') => {
		if (!holders.some((h) => h.process_role_id === roleId && h.person_id === personId)) {
			holders.push({ process_role_id: roleId, person_id: personId, kind });
		}
	};
	const rotation: Record<string, number> = {};
	const [starostka, tajemnik, pravnik, pravnicka] = byUnit.VED;
	for (const r of roles) {
		const staff = byUnit[r.unit];
		const clerks = staff.slice(1).filter((id) => id !== leaver);
		switch (r.job_role) {
			case 'Vedoucí odboru':
				put(r.id, staff[0], 'holder');
				put(r.id, staff[1], 'deputy');
				break;
			case 'Referent/ka agendy':
			case 'Odborný referent': {
				if (r.code === 'P-SR') {
					// the deputy holds the building law only at level 2: a single point of failure
					put(r.id, byUnit.OVÚP[1], 'holder');
					put(r.id, byUnit.OVÚP[2], 'deputy');
				} else if (r.code === 'P-KB') {
					put(r.id, byUnit.IT[1], 'holder');
					put(r.id, byUnit.IT[3], 'deputy');
				} else if (r.code === 'P-ROZ') {
					put(r.id, byUnit.OF[1], 'holder');
					put(r.id, byUnit.OF[2], 'holder');
					put(r.id, byUnit.OF[3], 'deputy');
				} else if (r.code === 'P-MAT') {
					put(r.id, byUnit.OVV[3], 'holder');
					put(r.id, leaver, 'holder');
				} else {
					const i = rotation[r.unit] ?? 0;
					rotation[r.unit] = i + 2;
					put(r.id, clerks[i % clerks.length], 'holder');
					put(r.id, clerks[(i + 1) % clerks.length], 'holder');
					put(r.id, clerks[(i + 2) % clerks.length], 'deputy');
				}
				const need: [string, number][] =
					r.kind === 'core'
						? [
								['ZOZ', 3],
								['SPR', 2]
							]
						: r.code === 'P-KB'
							? [['KB', 3]]
							: [['ESSL', 2]];
				if (r.code === 'P-SR' || r.code === 'P-UR') need.push(['STAV', 3]);
				if (r.code === 'P-ROZ') need.push(['UCT', 3]);
				for (const [code, min] of need) {
					requirements.push({ process_role_id: r.id, competence_id: comp[code], min_level: min });
				}
				break;
			}
			case 'Právník úřadu':
				put(r.id, pravnik, 'holder');
				put(r.id, pravnicka, 'deputy');
				requirements.push({ process_role_id: r.id, competence_id: comp.SPR, min_level: 3 });
				break;
			case 'Podatelna':
				put(r.id, byUnit.OVV[12], 'holder');
				put(r.id, byUnit.OVV[13], 'deputy');
				break;
			case 'Tajemník':
				put(r.id, tajemnik, 'holder');
				put(r.id, pravnik, 'deputy');
				break;
			case 'Vedoucí odborů':
				put(r.id, byUnit.OVV[0], 'holder');
				put(r.id, byUnit.OF[0], 'holder');
				break;
			case 'Starostka':
				put(r.id, starostka, 'holder');
				break;
		}
	}
	await trx.insertInto('process_role_holder').values(holders).execute();
	await trx.insertInto('process_role_competence').values(requirements).execute();
}
