import { defaultRange } from '../kpis/value-range';
import { insertCoded } from './insert';
import type { Insertable, Transaction } from 'kysely';
import type { Database, KpiActualTable, KpiTargetTable, ProcessKind } from '../db/schema';
import { fromScaled, toScaled } from '../../decimal';
import { kpiStatus, type Direction } from '../../kpi-status';
import { periodEnd, periodsOfYear, type Frequency } from '../kpis/period';
import type { SeedContext } from './seed';
import { refreshYearStatus } from '../kpis/kpis.service';

/** code, name, kind, unit, owner, [volume, lead time days, FTE] this year, potential scores */
// prettier-ignore
const PROCESSES: [string, string, ProcessKind, string, string, [number, number, number], number[]][] = [
	['P-RIZ', 'Strategické řízení a plánování', 'management', 'VED', 'tajemnik', [12, 30, 1.2], [1, 2, 2, 3, 2]],
	['P-KVA', 'Řízení kvality a CAF', 'management', 'VED', 'tajemnik', [4, 60, 0.5], [1, 3, 2, 2, 2]],
	['P-ZAS', 'Příprava jednání rady a zastupitelstva', 'management', 'VED', 'starosta', [48, 10, 1.5], [2, 4, 3, 2, 3]],
	['P-EO', 'Evidence obyvatel', 'core', 'OVV', 'garant', [2600, 2, 1.6], [5, 3, 3, 4, 3]],
	['P-OP', 'Vydávání občanských průkazů a cestovních dokladů', 'core', 'OVV', 'garant', [1900, 21, 2.2], [5, 3, 2, 5, 3]],
	['P-MAT', 'Matrika', 'core', 'OVV', 'garant', [420, 5, 1.1], [3, 4, 2, 4, 2]],
	['P-PRE', 'Přestupkové řízení', 'core', 'OVV', 'garant', [380, 45, 2.0], [3, 4, 4, 3, 4]],
	['P-SPS', 'Spisová služba a podatelna', 'support', 'OVV', 'garant', [24000, 1, 2.5], [5, 4, 3, 3, 4]],
	['P-CZP', 'Czech POINT a ověřování', 'core', 'OVV', 'garant', [3100, 1, 1.0], [4, 4, 2, 4, 2]],
	['P-PER', 'Personalistika a mzdy', 'support', 'OVV', 'tajemnik', [720, 3, 1.2], [2, 4, 3, 1, 3]],
	['P-ROZ', 'Rozpočet a účetnictví', 'support', 'OF', 'tajemnik', [9800, 2, 3.0], [4, 5, 3, 1, 4]],
	['P-POP', 'Správa místních poplatků', 'core', 'OF', 'garant', [5200, 3, 1.8], [5, 5, 4, 3, 3]],
	['P-VZ', 'Veřejné zakázky', 'support', 'OF', 'tajemnik', [35, 60, 0.8], [1, 4, 3, 2, 4]],
	['P-POK', 'Pokladna a platby', 'support', 'OF', 'garant', [6400, 1, 1.0], [4, 4, 2, 3, 2]],
	['P-SR', 'Stavební řízení', 'core', 'OVÚP', 'garant', [310, 62, 3.2], [3, 4, 5, 5, 5]],
	['P-UR', 'Územní rozhodování', 'core', 'OVÚP', 'garant', [140, 55, 1.8], [2, 4, 4, 4, 4]],
	['P-UPD', 'Územní plánování', 'core', 'OVÚP', 'tajemnik', [6, 240, 1.5], [1, 3, 2, 3, 3]],
	['P-RV', 'Registr vozidel', 'core', 'OD', 'garant', [4300, 1, 2.4], [5, 3, 2, 4, 3]],
	['P-RP', 'Řidičské průkazy', 'core', 'OD', 'garant', [1500, 15, 1.6], [4, 3, 2, 4, 2]],
	['P-SSU', 'Silniční správní úřad a zvláštní užívání komunikací', 'core', 'OD', 'garant', [260, 25, 1.2], [2, 4, 3, 3, 3]],
	['P-ODP', 'Odpadové hospodářství', 'core', 'OŽP', 'garant', [180, 20, 1.4], [2, 3, 3, 5, 5]],
	['P-ZEL', 'Údržba veřejné zeleně', 'core', 'OŽP', 'tajemnik', [90, 14, 1.5], [2, 2, 2, 4, 4]],
	['P-OOV', 'Ochrana ovzduší a vod', 'core', 'OŽP', 'garant', [120, 30, 1.0], [1, 3, 2, 3, 2]],
	['P-SOC', 'Sociální šetření', 'core', 'OSV', 'garant', [640, 12, 2.2], [3, 4, 3, 5, 3]],
	['P-SPOD', 'Sociálně-právní ochrana dětí', 'core', 'OSV', 'tajemnik', [210, 30, 2.4], [2, 4, 3, 5, 4]],
	['P-MAJ', 'Správa majetku', 'support', 'OSM', 'tajemnik', [850, 10, 1.6], [3, 4, 3, 2, 4]],
	['P-BYT', 'Správa obecních bytů', 'core', 'OSM', 'garant', [160, 20, 1.2], [2, 3, 3, 3, 3]],
	['P-INV', 'Příprava a realizace investičních akcí', 'support', 'OSM', 'tajemnik', [14, 180, 1.4], [1, 3, 4, 4, 5]],
	['P-IT', 'IT provoz a uživatelská podpora', 'support', 'IT', 'garant', [2100, 1, 2.0], [4, 3, 3, 2, 3]],
	['P-KB', 'Kybernetická bezpečnost', 'support', 'IT', 'tajemnik', [40, 5, 0.6], [1, 3, 2, 3, 3]],
	['P-DAT', 'Správa dat a GIS', 'support', 'IT', 'garant', [300, 7, 0.8], [2, 4, 3, 3, 3]]
];

/** FTE and hourly cost (CZK) this year */
const UNIT_FIGURES: Record<string, [number, number]> = {
	VED: [6, 640],
	OVV: [14, 520],
	OF: [7, 560],
	OVÚP: [8, 600],
	OD: [7, 500],
	OŽP: [5, 540],
	OSV: [6, 510],
	OSM: [5, 530],
	IT: [4, 620]
};

// prettier-ignore
const ASSETS: [string, string, 'system' | 'register' | 'spreadsheet' | 'paper', string, string[]][] = [
	['SPIS', 'Spisová služba (eSSL)', 'system', 'Elektronický systém spisové služby, evidence dokumentů a datové schránky.', ['P-SPS', 'P-PRE', 'P-SR', 'P-UR', 'P-SOC', 'P-SPOD', 'P-ZAS', 'P-SSU']],
	['UCTO', 'Ekonomický a účetní systém', 'system', 'Rozpočet, účetnictví, fakturace a majetek.', ['P-ROZ', 'P-POK', 'P-MAJ', 'P-VZ', 'P-INV']],
	['ISZR', 'Agendové systémy základních registrů (ROB, ROS, RÚIAN, RPP)', 'register', 'Přístup k referenčním údajům přes informační systém základních registrů.', ['P-EO', 'P-OP', 'P-MAT', 'P-CZP', 'P-POP', 'P-SR', 'P-DAT']],
	['ISEO', 'Informační systém evidence obyvatel', 'register', 'Agendový informační systém evidence obyvatel.', ['P-EO', 'P-MAT']],
	['EOP', 'Evidence občanských průkazů a cestovních dokladů', 'register', 'Státní agendové systémy pro doklady.', ['P-OP']],
	['CRV', 'Centrální registr vozidel', 'register', 'Registrace vozidel a změny v registru.', ['P-RV']],
	['CRR', 'Centrální registr řidičů', 'register', 'Řidičská oprávnění, body, řidičské průkazy.', ['P-RP']],
	['GIS', 'Geografický informační systém města', 'system', 'Mapové podklady, pasport zeleně a komunikací, územní plán.', ['P-UPD', 'P-UR', 'P-ZEL', 'P-SSU', 'P-DAT', 'P-MAJ']],
	['DS', 'Datové schránky', 'system', 'Elektronické doručování (ISDS).', ['P-SPS']],
	['MZDY', 'Personální a mzdový systém', 'system', 'Personalistika, docházka a mzdy.', ['P-PER']],
	['POPL', 'Evidence místních poplatků', 'system', 'Předpisy a platby poplatků za odpad a psy.', ['P-POP', 'P-ODP']],
	['CZP', 'Czech POINT', 'system', 'Kontaktní místo veřejné správy.', ['P-CZP', 'P-EO']],
	['BYTY', 'Tabulka nájemních bytů', 'spreadsheet', 'Evidence bytů, nájemníků a plateb vedená v tabulkovém procesoru.', ['P-BYT']],
	['ARCH', 'Archiv stavebních spisů', 'paper', 'Papírová spisovna stavebního úřadu.', ['P-SR', 'P-UR']],
	['HELP', 'Helpdesk IT', 'system', 'Evidence požadavků uživatelů a incidentů.', ['P-IT', 'P-KB']]
];

const ROLE_TEMPLATES: Record<ProcessKind, [string, 'R' | 'A' | 'C' | 'I', string][]> = {
	core: [
		['Vedoucí odboru', 'A', 'Řízení agendy, správní řád, kontrola kvality rozhodnutí'],
		['Referent/ka agendy', 'R', 'Zvláštní odborná způsobilost, znalost agendového systému'],
		['Právník úřadu', 'C', 'Správní právo, odvolací řízení'],
		['Podatelna', 'I', 'Spisová služba, datové schránky']
	],
	support: [
		['Vedoucí odboru', 'A', 'Řízení týmu, plánování kapacit'],
		['Odborný referent', 'R', 'Odborné znalosti oblasti, práce s informačním systémem'],
		['Tajemník', 'I', '']
	],
	management: [
		['Tajemník', 'A', 'Řízení úřadu, strategické plánování'],
		['Vedoucí odborů', 'R', 'Plánování, sledování KPI'],
		['Starostka', 'C', '']
	]
};

/** code, name, level, parent, owner */
// prettier-ignore
const GOALS: [string, string, 'vision' | 'strategic' | 'objective', string | null, string, string][] = [
	['V', 'Moderní úřad řízený cíli, procesy a daty', 'vision', null, 'starosta', 'Úřad, který ví, co dělá, kolik to stojí a jak to zlepšit.'],
	['C1', 'Dobře a efektivně řízené vnitřní procesy', 'strategic', 'V', 'tajemnik', 'Úřad sleduje a řídí své procesy a jejich výkonnost.'],
	['C1.1', 'Zkrátit dobu vyřízení klíčových agend', 'objective', 'C1', 'tajemnik', ''],
	['C1.2', 'Zavést procesní model klíčových procesů', 'objective', 'C1', 'tajemnik', 'Digitální model procesů (BPMN) propojený s útvary.'],
	['C1.3', 'Snížit chybovost a opakovanou práci', 'objective', 'C1', 'tajemnik', ''],
	['C2', 'Hospodárné využití vlastních zdrojů', 'strategic', 'V', 'starosta', 'Přesun váhy z fixních provozních nákladů do investic do zlepšování.'],
	['C2.1', 'Snížit fixní provozní náklady', 'objective', 'C2', 'tajemnik', ''],
	['C2.2', 'Zvýšit podíl investic do zlepšování', 'objective', 'C2', 'starosta', ''],
	['C2.3', 'Lépe využít pracovní dobu zaměstnanců', 'objective', 'C2', 'tajemnik', ''],
	['C3', 'Efektivní využití informačních a komunikačních technologií', 'strategic', 'V', 'tajemnik', ''],
	['C3.1', 'Elektronizovat podání a služby občanům', 'objective', 'C3', 'tajemnik', ''],
	['C3.2', 'Sdílet data a propojit agendové systémy', 'objective', 'C3', 'tajemnik', ''],
	['C3.3', 'Zajistit bezpečný a spolehlivý provoz ICT', 'objective', 'C3', 'tajemnik', ''],
	['C4', 'Procesně řízená organizace s jasnými rolemi a odpovědnostmi', 'strategic', 'V', 'tajemnik', ''],
	['C4.1', 'Definovat služby a procesy úřadu', 'objective', 'C4', 'tajemnik', ''],
	['C4.2', 'Popsat role, odpovědnosti a kompetence', 'objective', 'C4', 'tajemnik', ''],
	['C4.3', 'Řídit cíle a jejich náklady otevřeně', 'objective', 'C4', 'starosta', '']
];

/** goal → [process, weight] */
// prettier-ignore
const GOAL_PROCESSES: Record<string, [string, number][]> = {
	'C1.1': [['P-SR', 40], ['P-OP', 25], ['P-RP', 20], ['P-PRE', 15]],
	'C1.2': [['P-RIZ', 50], ['P-KVA', 50]],
	'C1.3': [['P-SPS', 40], ['P-EO', 30], ['P-POP', 30]],
	'C2.1': [['P-MAJ', 50], ['P-ROZ', 30], ['P-VZ', 20]],
	'C2.3': [['P-PER', 40], ['P-SPS', 30], ['P-POK', 30]],
	'C3.1': [['P-SPS', 30], ['P-CZP', 25], ['P-POP', 25], ['P-SOC', 20]],
	'C3.2': [['P-DAT', 50], ['P-EO', 25], ['P-RV', 25]],
	'C3.3': [['P-IT', 60], ['P-KB', 40]],
	'C4.1': [['P-KVA', 60], ['P-ODP', 20], ['P-SSU', 20]],
	'C4.2': [['P-PER', 70], ['P-RIZ', 30]],
	'C4.3': [['P-RIZ', 50], ['P-ZAS', 30], ['P-INV', 20]]
};

/**
 * How a KPI has been doing. The last two ended periods always come out the same way (see ENDINGS),
 * whatever the date, so the goals' roll-up tells the same story on any day.
 */
type Profile = 'good' | 'mixed' | 'within' | 'bad';
type Outcome = 'on' | 'within' | 'off';
/** The outcomes of the last two ended periods, older first. */
const ENDINGS: Record<Profile, [Outcome, Outcome]> = {
	good: ['on', 'on'],
	within: ['within', 'within'],
	mixed: ['on', 'within'],
	bad: ['off', 'off']
};
/** KPIs computed from the ledger (the costs seed fills them), never typed. */
const COMPUTED: Record<string, { source: string; definition: string }> = {
	'KPI-14': {
		source: 'investment_share',
		definition:
			'Investice do zlepšování ÷ (fixní a variabilní provozní náklady + investice do zlepšování) za rok, z knihy nákladů; kapitálové výdaje se nepočítají.'
	}
};

/**
 * code, name, unit, direction, frequency, goal, responsible, baseline, targets (the two years
 * before the current one and the current one; range: [min, max]), tolerance, profile, decimals.
 * C2.3 is the goal off target: of its three KPIs, KPI-17 and KPI-18 are 'bad'.
 */
// prettier-ignore
const KPIS: [string, string, string, Direction, Frequency, string, string, number, (number | [number, number])[], number, Profile, number][] = [
	['KPI-01', 'Průměrná doba vyřízení stavebního řízení', 'dny', 'lower', 'quarterly', 'C1.1', 'garant', 75, [70, 65, 60], 5, 'mixed', 0],
	['KPI-02', 'Doba vyřízení žádosti o řidičský průkaz', 'dny', 'lower', 'monthly', 'C1.1', 'garant', 18, [16, 15, 14], 2, 'good', 1],
	['KPI-03', 'Podíl přestupků vyřízených do 60 dnů', '%', 'higher', 'quarterly', 'C1.1', 'tajemnik', 78, [80, 84, 88], 4, 'good', 1],
	['KPI-04', 'Doba zpracování podání v podatelně', 'dny', 'lower', 'monthly', 'C1.3', 'garant', 4.5, [4, 3.5, 3], 0.5, 'bad', 1],
	['KPI-05', 'Podíl klíčových procesů popsaných v BPMN', '%', 'higher', 'quarterly', 'C1.2', 'tajemnik', 10, [30, 60, 85], 10, 'mixed', 0],
	['KPI-06', 'Podíl procesů s určeným garantem', '%', 'higher', 'yearly', 'C1.2', 'tajemnik', 40, [60, 85, 100], 5, 'good', 0],
	['KPI-07', 'Počet procesů s měřenými ukazateli', '', 'higher', 'yearly', 'C1.2', 'tajemnik', 5, [8, 14, 20], 2, 'good', 0],
	['KPI-08', 'Podíl vrácených a opravovaných podání', '%', 'lower', 'monthly', 'C1.3', 'garant', 9, [8, 7, 6], 1, 'mixed', 1],
	['KPI-09', 'Počet stížností na vyřízení agend', '', 'lower', 'quarterly', 'C1.3', 'starosta', 14, [12, 10, 8], 2, 'good', 0],
	['KPI-10', 'Chybovost záznamů v evidenci obyvatel', '%', 'lower', 'quarterly', 'C1.3', 'garant', 2.5, [2.2, 1.8, 1.5], 0.3, 'good', 2],
	['KPI-11', 'Fixní provozní náklady na obyvatele', 'Kč', 'lower', 'yearly', 'C2.1', 'tajemnik', 12800, [12600, 12400, 12200], 200, 'mixed', 0],
	['KPI-12', 'Spotřeba energie budovy úřadu', 'MWh', 'lower', 'quarterly', 'C2.1', 'tajemnik', 95, [92, 88, 85], 4, 'within', 1],
	['KPI-13', 'Náklady na tisk a poštovné', 'tis. Kč', 'lower', 'quarterly', 'C2.1', 'garant', 180, [170, 160, 150], 10, 'good', 0],
	['KPI-14', 'Podíl investic do zlepšování', '%', 'higher', 'yearly', 'C2.2', 'starosta', 5, [8, 11, 14], 1, 'mixed', 2],
	['KPI-15', 'Realizované úspory z opatření', 'tis. Kč', 'higher', 'yearly', 'C2.2', 'tajemnik', 0, [200, 500, 900], 100, 'good', 0],
	['KPI-16', 'Podíl přesčasových hodin', '%', 'lower', 'monthly', 'C2.3', 'tajemnik', 4, [3.5, 3, 2.5], 0.5, 'good', 1],
	['KPI-17', 'Ušetřené hodiny díky automatizaci', 'hodiny', 'higher', 'quarterly', 'C2.3', 'garant', 0, [100, 250, 400], 50, 'bad', 0],
	['KPI-18', 'Vytížení pracovníků podatelny', '%', 'range', 'monthly', 'C2.3', 'garant', 95, [[75, 90], [75, 90], [75, 90]], 5, 'bad', 0],
	['KPI-19', 'Podíl elektronických podání', '%', 'higher', 'monthly', 'C3.1', 'garant', 35, [40, 48, 55], 3, 'good', 1],
	['KPI-20', 'Počet služeb dostupných online', '', 'higher', 'yearly', 'C3.1', 'tajemnik', 6, [8, 12, 16], 2, 'good', 0],
	['KPI-21', 'Podíl poplatků zaplacených online', '%', 'higher', 'quarterly', 'C3.1', 'garant', 30, [35, 45, 55], 5, 'mixed', 1],
	['KPI-22', 'Odchozí pošta přes datové schránky', '%', 'higher', 'monthly', 'C3.1', 'garant', 60, [65, 72, 80], 4, 'good', 1],
	['KPI-23', 'Podíl agend napojených na základní registry', '%', 'higher', 'yearly', 'C3.2', 'tajemnik', 50, [60, 75, 90], 5, 'within', 0],
	['KPI-24', 'Ruční přepisy dat mezi systémy', '', 'lower', 'monthly', 'C3.2', 'garant', 400, [350, 250, 150], 30, 'bad', 0],
	['KPI-25', 'Stáří dat v GIS', 'dny', 'lower', 'quarterly', 'C3.2', 'tajemnik', 60, [45, 30, 20], 5, 'good', 0],
	['KPI-26', 'Dostupnost klíčových systémů', '%', 'higher', 'monthly', 'C3.3', 'tajemnik', 99, [99.2, 99.5, 99.7], 0.3, 'good', 2],
	['KPI-27', 'Počet bezpečnostních incidentů', '', 'lower', 'quarterly', 'C3.3', 'tajemnik', 6, [5, 4, 3], 1, 'good', 0],
	['KPI-28', 'Zaměstnanci proškolení v kybernetické bezpečnosti', '%', 'higher', 'yearly', 'C3.3', 'tajemnik', 40, [60, 80, 95], 5, 'good', 0],
	['KPI-29', 'Počet služeb v katalogu služeb', '', 'higher', 'yearly', 'C4.1', 'tajemnik', 20, [40, 70, 100], 10, 'good', 0],
	['KPI-30', 'Podíl služeb s popsaným standardem', '%', 'higher', 'quarterly', 'C4.1', 'garant', 15, [30, 50, 70], 5, 'mixed', 0],
	['KPI-31', 'Spokojenost občanů s vyřízením', '%', 'higher', 'yearly', 'C4.1', 'starosta', 78, [80, 83, 86], 3, 'good', 0],
	['KPI-32', 'Podíl procesů s maticí RACI', '%', 'higher', 'quarterly', 'C4.2', 'garant', 5, [25, 50, 75], 5, 'good', 0],
	['KPI-33', 'Pracovní místa s kompetenčním profilem', '%', 'higher', 'yearly', 'C4.2', 'tajemnik', 30, [50, 70, 90], 5, 'within', 0],
	['KPI-34', 'Hodiny vzdělávání na zaměstnance', 'hodiny', 'range', 'yearly', 'C4.2', 'tajemnik', 12, [[16, 30], [16, 30], [16, 30]], 2, 'good', 0],
	['KPI-35', 'Počet zveřejněných otevřených datových sad', '', 'higher', 'yearly', 'C4.3', 'tajemnik', 2, [5, 10, 15], 2, 'good', 0],
	['KPI-36', 'Zpoždění zprávy o plnění cílů', 'dny', 'lower', 'yearly', 'C4.3', 'starosta', 30, [20, 10, 0], 5, 'good', 0],
	['KPI-37', 'Podíl cílů s vlastníkem a ukazatelem', '%', 'higher', 'quarterly', 'C4.3', 'tajemnik', 40, [60, 80, 100], 10, 'good', 0],
	['KPI-38', 'Doba vyřízení žádosti o občanský průkaz', 'dny', 'lower', 'monthly', 'C1.1', 'garant', 25, [23, 21, 20], 2, 'good', 0],
	['KPI-39', 'Podání přes Portál občana', '%', 'higher', 'quarterly', 'C3.1', 'garant', 5, [8, 12, 18], 2, 'good', 1],
	['KPI-40', 'Náklady na případ evidence obyvatel', 'Kč', 'lower', 'yearly', 'C2.1', 'tajemnik', 210, [200, 190, 180], 10, 'within', 0]
];

/** A small deterministic generator, so every demo town tells the same story. */
function random(seed: number) {
	let s = seed >>> 0;
	return () => {
		s = (s * 1664525 + 1013904223) >>> 0;
		return s / 2 ** 32;
	};
}

/** A generator of its own for one text (a KPI and period), independent of any other draw. */
function randomFor(text: string) {
	let h = 2166136261;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
	return random(h);
}

/**
 * The target of each seeded year: the table's three for the last three years, and for the year
 * before them halfway from the baseline to the first (a range keeps its range).
 */
function targetsOf(baseline: number, targets: (number | [number, number])[], decimals: number) {
	const [first] = targets;
	const earliest = Array.isArray(first)
		? first
		: Number((baseline + (first - baseline) / 2).toFixed(decimals));
	return [earliest, ...targets];
}

const OFF_COMMENTS = [
	'Dlouhodobá nemoc na oddělení, agenda se kumulovala.',
	'Výpadek agendového systému během migrace.',
	'Nárůst počtu podání po změně legislativy.',
	'Zpoždění dodávky nového modulu; náprava v dalším období.'
];

function round(value: number, decimals: number): string {
	return fromScaled(toScaled(value.toFixed(decimals)));
}

/** A value whose status under the target is `outcome` (as the rule module judges it). */
function valueFor(
	direction: Direction,
	min: number,
	max: number,
	tolerance: number,
	outcome: Outcome,
	r: number,
	decimals: number
): string {
	const step = 10 ** -decimals;
	const sign = direction === 'lower' ? 1 : -1; // which way "worse" goes
	if (direction === 'range') {
		if (outcome === 'on') return round(min + (max - min) * (0.2 + 0.6 * r), decimals);
		if (outcome === 'within') {
			return round(max + Math.max(step, tolerance * (0.2 + 0.6 * r)), decimals);
		}
		return round(max + tolerance + Math.max(step, tolerance * (0.5 + r)) + step, decimals);
	}
	if (outcome === 'on') return round(min - sign * tolerance * 0.6 * r, decimals);
	if (outcome === 'within') {
		return round(min + sign * Math.max(step, tolerance * (0.2 + 0.6 * r)), decimals);
	}
	return round(min + sign * (tolerance + Math.max(step * 2, tolerance * (0.4 + r))), decimals);
}

/** Seeds the process-map area of the demo town. */
export async function seedProcessMap(trx: Transaction<Database>, ctx: SeedContext): Promise<void> {
	const { year, today, userIds: users, orgUnitIds: units } = ctx;
	// Three full years before the current one, and the current one.
	const years = [year - 3, year - 2, year - 1, year];
	const last = years.length - 1;
	const rnd = random(20261122);

	await trx
		.insertInto('org_unit_year')
		.values(
			Object.entries(UNIT_FIGURES).flatMap(([code, [fte, hourly]]) =>
				years.map((y, i) => ({
					org_unit_id: units[code],
					year: y,
					fte: String(fte + (i <= 1 ? 1 : 0)),
					// wages rise about 4 % a year
					hourly_cost: BigInt(Math.round(hourly * (1 - 0.04 * (last - i)))) * 100n
				}))
			)
		)
		.execute();

	const processIds = await insertCoded(
		trx,
		'process',
		PROCESSES.map(([code, name, kind, unit, owner, , s]) => ({
			code,
			name,
			kind,
			org_unit_id: units[unit],
			owner_user_id: users[owner],
			status: 'active' as const,
			description: `${name} v působnosti odboru (${unit}).`,
			serves_citizens: kind === 'core',
			serves_businesses: ['P-SR', 'P-UR', 'P-POP', 'P-VZ', 'P-RV', 'P-SSU', 'P-ODP'].includes(code),
			serves_internal: kind !== 'core',
			legal_basis:
				kind === 'core' ? 'zákon č. 500/2004 Sb., správní řád, a zvláštní zákony agendy' : null,
			potential_volume: s[0],
			potential_manual: s[1],
			potential_errors: s[2],
			potential_impact: s[3],
			potential_cost: s[4]
		}))
	);
	// One draft process, for the catalogue's status filter.
	await trx
		.insertInto('process')
		.values({
			code: 'P-PART',
			name: 'Participativní rozpočet',
			kind: 'core',
			org_unit_id: units.VED,
			owner_user_id: users.starosta,
			status: 'draft',
			serves_citizens: true
		})
		.execute();

	await trx
		.insertInto('process_year')
		.values(
			PROCESSES.flatMap(([code, , , , , [volume, lead, fte]]) =>
				years.map((y, i) => ({
					process_id: processIds[code],
					year: y,
					// volumes drift a little; lead times were longer before the programme
					volume: Math.round(volume * (0.88 + 0.04 * i + 0.04 * rnd())),
					lead_time_days: round(lead * (1 + 0.12 * (last - i)), 1),
					fte: round(fte * (1 + 0.05 * (last - i)), 2)
				}))
			)
		)
		.execute();

	await trx
		.insertInto('process_role')
		.values(
			PROCESSES.flatMap(([code, , kind]) =>
				ROLE_TEMPLATES[kind].map(([jobRole, raci, competences]) => ({
					process_id: processIds[code],
					job_role: jobRole,
					raci,
					competences: competences || null
				}))
			)
		)
		.execute();

	const assetIds = await insertCoded(
		trx,
		'info_asset',
		ASSETS.map(([code, name, kind, description]) => ({ code, name, kind, description }))
	);
	await trx
		.insertInto('process_asset')
		.values(
			ASSETS.flatMap(([code, , , , processes]) =>
				processes.map((p) => ({ process_id: processIds[p], asset_id: assetIds[code] }))
			)
		)
		.execute();

	const goalIds: Record<string, number> = {};
	for (const [code, name, level, parent, owner, description] of GOALS) {
		const row = await trx
			.insertInto('goal')
			.values({
				code,
				name,
				level,
				parent_id: parent ? goalIds[parent] : null,
				owner_user_id: users[owner],
				description: description || null,
				start_year: year - 3,
				end_year: year + 2
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		goalIds[code] = row.id;
	}
	await trx
		.insertInto('goal_process')
		.values(
			Object.entries(GOAL_PROCESSES).flatMap(([goal, links]) =>
				links.map(([p, weight]) => ({ goal_id: goalIds[goal], process_id: processIds[p], weight }))
			)
		)
		.execute();

	const kpiIds = await insertCoded(
		trx,
		'kpi',
		KPIS.map(([code, name, unit, direction, frequency, goal, responsible, baseline]) => ({
			code,
			name,
			unit,
			direction,
			frequency,
			goal_id: goalIds[goal],
			responsible_user_id: users[responsible],
			baseline: String(baseline),
			baseline_period: String(year - 4),
			value_min: defaultRange(unit).min,
			value_max: defaultRange(unit).max,
			...(COMPUTED[code]
				? { source: COMPUTED[code].source, definition: COMPUTED[code].definition }
				: {
						definition: `${name} za ${frequency === 'monthly' ? 'měsíc' : frequency === 'quarterly' ? 'čtvrtletí' : 'rok'}.`
					})
		}))
	);

	const targets: Insertable<KpiTargetTable>[] = [];
	const actuals: Insertable<KpiActualTable>[] = [];
	let garantIndex = 0;
	for (const [
		code,
		,
		,
		direction,
		frequency,
		,
		responsible,
		baseline,
		tableTargets,
		tolerance,
		profile,
		decimals
	] of KPIS) {
		const kpiId = kpiIds[code];
		const computed = code in COMPUTED;
		const yearTargets = targetsOf(baseline, tableTargets, decimals);
		const isGarant = responsible === 'garant';
		const skipLatest = isGarant && garantIndex++ % 2 === 0;
		const periods = years
			.flatMap((y) => periodsOfYear(y, frequency))
			.filter((p) => periodEnd(p) <= today);
		years.forEach((y, i) => {
			const t = yearTargets[i];
			const [min, max] = Array.isArray(t) ? t : [t, null];
			targets.push({
				kpi_id: kpiId,
				period: String(y),
				target: String(min),
				target_max: max === null ? null : String(max),
				tolerance: String(tolerance),
				updated_by: users.tajemnik
			});
		});
		// The recorded periods: every ended one, less the latest where the owner still owes it; a
		// computed KPI gets its values from the costs seed.
		const recorded = computed ? [] : skipLatest ? periods.slice(0, -1) : periods;
		recorded.forEach((period, index) => {
			// Each period draws from its own generator, so its value does not depend on how many
			// periods (that is, what date) came before it.
			const rnd = randomFor(`${code}|${period}`);
			const fromEnd = recorded.length - 1 - index;
			const recent = index >= recorded.length * 0.7;
			const r = rnd();
			let outcome: Outcome;
			if (fromEnd < 2) outcome = ENDINGS[profile][1 - fromEnd];
			else if (!recent) outcome = r < 0.75 ? 'on' : r < 0.95 ? 'within' : 'off';
			else if (profile === 'good') outcome = r < 0.85 ? 'on' : 'within';
			else if (profile === 'mixed') outcome = r < 0.5 ? 'on' : r < 0.9 ? 'within' : 'off';
			else if (profile === 'within') outcome = r < 0.25 ? 'on' : 'within';
			// a struggling KPI has been slipping for a while
			else outcome = r >= 0.35 ? 'off' : 'within';
			const yi = years.indexOf(Number(period.slice(0, 4)));
			const t = yearTargets[yi];
			const [min, max] = Array.isArray(t) ? t : [t, t];
			const value = valueFor(direction, min, max, tolerance, outcome, rnd(), decimals);
			const status = kpiStatus(
				direction,
				{
					target: String(min),
					targetMax: direction === 'range' ? String(max) : null,
					tolerance: String(tolerance)
				},
				value
			);
			actuals.push({
				kpi_id: kpiId,
				period,
				value,
				comment:
					status === 'off_target' ? OFF_COMMENTS[Math.floor(rnd() * OFF_COMMENTS.length)] : null,
				recorded_by: users[responsible],
				recorded_at: new Date(`${periodEnd(period)}T09:00:00Z`)
			});
		});
	}
	await trx.insertInto('kpi_target').values(targets).execute();
	for (let i = 0; i < actuals.length; i += 500) {
		await trx
			.insertInto('kpi_actual')
			.values(actuals.slice(i, i + 500))
			.execute();
	}
	await refreshYearStatus(trx);
}
