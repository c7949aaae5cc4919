/**
 * The CAF 2020 model as reference data: 9 criteria (1–5 enablers, 6–9 results) and their 28
 * subcriteria, each with a title, a short description and examples in Czech and English. The
 * texts are Dílna's own wording of the public model. Shared with the browser; the migration seeds
 * the subcriterion codes into `caf_subcriterion` so scores can reference them.
 */
export type CafLocale = 'cs' | 'en';
export type CafKind = 'enabler' | 'result';
type Text = Record<CafLocale, string>;

export interface CafSubcriterion {
	code: string;
	criterion: number;
	title: Text;
	text: Text;
	examples: Record<CafLocale, string[]>;
}

export interface CafCriterion {
	number: number;
	kind: CafKind;
	title: Text;
	subcriteria: CafSubcriterion[];
}

function sub(
	code: string,
	cs: [string, string, string[]],
	en: [string, string, string[]]
): CafSubcriterion {
	return {
		code,
		criterion: Number(code.split('.')[0]),
		title: { cs: cs[0], en: en[0] },
		text: { cs: cs[1], en: en[1] },
		examples: { cs: cs[2], en: en[2] }
	};
}

export const CAF_MODEL: CafCriterion[] = [
	{
		number: 1,
		kind: 'enabler',
		title: { cs: 'Vedení', en: 'Leadership' },
		subcriteria: [
			sub(
				'1.1',
				[
					'Udává směr: poslání, vize a hodnoty',
					'Vedení formuluje, proč úřad existuje, kam směřuje a podle jakých hodnot jedná, a zapojuje do toho zaměstnance i zainteresované strany.',
					['Poslání a vize zveřejněné na webu a projednané s týmy', 'Etický kodex úředníků']
				],
				[
					'Gives direction: mission, vision and values',
					'Leaders state why the office exists, where it is heading and which values guide it, involving staff and stakeholders.',
					['Mission and vision published and discussed with teams', 'Code of ethics for officials']
				]
			),
			sub(
				'1.2',
				[
					'Řídí organizaci, její výkonnost a neustálé zlepšování',
					'Vedení nastavuje strukturu, odpovědnosti a systém řízení výkonnosti a vytváří podmínky pro soustavné zlepšování.',
					['Organizační řád s jasnými odpovědnostmi', 'Pravidelné porady nad ukazateli výkonnosti']
				],
				[
					'Manages the organisation, its performance and continuous improvement',
					'Leaders set up the structure, responsibilities and performance management and create the conditions for ongoing improvement.',
					[
						'Rules of organisation with clear responsibilities',
						'Regular meetings over performance indicators'
					]
				]
			),
			sub(
				'1.3',
				[
					'Inspiruje, motivuje a podporuje zaměstnance, jde příkladem',
					'Vedoucí jdou příkladem, dávají zpětnou vazbu, delegují a oceňují úsilí zaměstnanců.',
					['Hodnoticí rozhovory s vedoucím', 'Ocenění týmu za zlepšovací nápad']
				],
				[
					'Inspires, motivates and supports people and acts as a role model',
					'Managers lead by example, give feedback, delegate and recognise the effort of their staff.',
					['Appraisal talks with the line manager', 'Team award for an improvement idea']
				]
			),
			sub(
				'1.4',
				[
					'Řídí vztahy s politickou reprezentací a zainteresovanými stranami',
					'Vedení udržuje otevřené vztahy se zastupitelstvem, radou a dalšími partnery a sladí s nimi cíle úřadu.',
					['Pravidelné informování rady o plnění cílů', 'Mapa zainteresovaných stran']
				],
				[
					'Manages relationships with political authorities and stakeholders',
					'Leaders keep open relationships with the council and other partners and align the office’s goals with them.',
					['Regular reports to the council on goals', 'Stakeholder map']
				]
			)
		]
	},
	{
		number: 2,
		kind: 'enabler',
		title: { cs: 'Strategie a plánování', en: 'Strategy and planning' },
		subcriteria: [
			sub(
				'2.1',
				[
					'Zjišťuje potřeby zainteresovaných stran, okolí a řídicí informace',
					'Úřad soustavně sbírá informace o potřebách občanů, o změnách prostředí a o vlastní výkonnosti jako podklad pro rozhodování.',
					['Průzkum spokojenosti občanů', 'Analýza legislativních změn']
				],
				[
					'Identifies stakeholder needs, the environment and management information',
					'The office gathers information on citizens’ needs, changes in its environment and its own performance as a basis for decisions.',
					['Citizen satisfaction survey', 'Analysis of legislative changes']
				]
			),
			sub(
				'2.2',
				[
					'Vytváří strategii a plány',
					'Z poslání a zjištěných potřeb vznikají strategické cíle a plány s měřitelnými ukazateli a zdroji.',
					['Strategický plán rozvoje úřadu', 'Roční plán s cíli a ukazateli']
				],
				[
					'Develops strategy and planning',
					'Strategic goals and plans with measurable indicators and resources follow from the mission and the needs found.',
					['Office development strategy', 'Annual plan with goals and indicators']
				]
			),
			sub(
				'2.3',
				[
					'Komunikuje, zavádí a přezkoumává strategii a plány',
					'Strategie se převádí do úkolů útvarů, sdílí se se zaměstnanci a její plnění se pravidelně vyhodnocuje.',
					['Cíle odborů odvozené ze strategie', 'Pololetní přezkum plnění plánu']
				],
				[
					'Communicates, implements and reviews strategy and planning',
					'The strategy is turned into departmental tasks, shared with staff and its progress is reviewed regularly.',
					['Departmental goals derived from the strategy', 'Half-yearly plan review']
				]
			),
			sub(
				'2.4',
				[
					'Řídí změny a inovace, zajišťuje pružnost a odolnost',
					'Úřad plánuje a řídí změny, podporuje inovace a připravuje se na krize.',
					['Projekt digitalizace agend', 'Plán kontinuity činností']
				],
				[
					'Manages change and innovation, ensuring agility and resilience',
					'The office plans and steers change, supports innovation and prepares for crises.',
					['Digitalisation project', 'Business continuity plan']
				]
			)
		]
	},
	{
		number: 3,
		kind: 'enabler',
		title: { cs: 'Zaměstnanci', en: 'People' },
		subcriteria: [
			sub(
				'3.1',
				[
					'Řídí a zlepšuje lidské zdroje',
					'Personální plánování, nábor a odměňování podporují strategii a jsou spravedlivé a transparentní.',
					['Plán personálních potřeb', 'Transparentní výběrová řízení']
				],
				[
					'Manages and improves human resources',
					'Workforce planning, recruitment and pay support the strategy and are fair and transparent.',
					['Staffing plan', 'Transparent recruitment']
				]
			),
			sub(
				'3.2',
				[
					'Rozvíjí a řídí kompetence zaměstnanců',
					'Úřad zná potřebné kompetence, plánuje vzdělávání a podporuje sdílení znalostí.',
					['Individuální plány vzdělávání', 'Zaškolení nových kolegů podle checklistu']
				],
				[
					'Develops and manages competences of people',
					'The office knows the competences it needs, plans training and encourages knowledge sharing.',
					['Individual training plans', 'Onboarding checklist']
				]
			),
			sub(
				'3.3',
				[
					'Zapojuje zaměstnance, dává jim pravomoci a dbá na jejich pohodu',
					'Zaměstnanci se podílejí na zlepšování, mají prostor rozhodovat a úřad pečuje o jejich zdraví a rovnováhu práce a života.',
					['Schránka zlepšovacích návrhů', 'Pružná pracovní doba a práce z domova']
				],
				[
					'Involves and empowers people and supports their well-being',
					'Staff take part in improvement, have room to decide, and the office cares for their health and work-life balance.',
					['Improvement suggestion box', 'Flexible hours and home working']
				]
			)
		]
	},
	{
		number: 4,
		kind: 'enabler',
		title: { cs: 'Partnerství a zdroje', en: 'Partnerships and resources' },
		subcriteria: [
			sub(
				'4.1',
				[
					'Rozvíjí partnerství s dalšími organizacemi',
					'Úřad vyhledává a řídí partnerství s jinými úřady, firmami a institucemi ve prospěch občanů.',
					['Spolupráce s obcemi v ORP', 'Smlouva o sdílení služeb IT']
				],
				[
					'Develops partnerships with relevant organisations',
					'The office seeks and manages partnerships with other authorities, companies and institutions for the benefit of citizens.',
					['Cooperation with neighbouring municipalities', 'Shared IT services agreement']
				]
			),
			sub(
				'4.2',
				[
					'Spolupracuje s občany a občanskou společností',
					'Občané se podílejí na návrhu a hodnocení služeb; úřad je otevřený a informuje srozumitelně.',
					['Participativní rozpočet', 'Veřejná projednání záměrů']
				],
				[
					'Collaborates with citizens and civil society',
					'Citizens take part in designing and evaluating services; the office is open and informs clearly.',
					['Participatory budget', 'Public hearings on plans']
				]
			),
			sub(
				'4.3',
				[
					'Řídí finance',
					'Rozpočet podporuje strategické cíle, náklady jsou sledovány a finanční řízení je transparentní.',
					['Rozpočet navázaný na cíle', 'Sledování nákladů procesů']
				],
				[
					'Manages finances',
					'The budget supports strategic goals, costs are tracked and financial management is transparent.',
					['Budget linked to goals', 'Process cost tracking']
				]
			),
			sub(
				'4.4',
				[
					'Řídí informace a znalosti',
					'Informace a znalosti jsou dostupné těm, kdo je potřebují, udržují se aktuální a chráněné.',
					['Znalostní báze směrnic', 'Předávání znalostí při odchodu zaměstnance']
				],
				[
					'Manages information and knowledge',
					'Information and knowledge reach those who need them and are kept current and protected.',
					['Knowledge base of internal rules', 'Knowledge handover when staff leave']
				]
			),
			sub(
				'4.5',
				[
					'Řídí technologie',
					'Technologie se vybírají a využívají tak, aby podporovaly strategii, efektivitu a bezpečnost.',
					['Plán obnovy IT', 'Elektronická podání přes portál občana']
				],
				[
					'Manages technology',
					'Technology is chosen and used to support the strategy, efficiency and security.',
					['IT renewal plan', 'Electronic filing through the citizen portal']
				]
			),
			sub(
				'4.6',
				[
					'Řídí budovy a zařízení',
					'Budovy a vybavení jsou dostupné, bezpečné, úsporné a odpovídají potřebám klientů i zaměstnanců.',
					['Bezbariérový přístup na podatelnu', 'Energetický audit budovy']
				],
				[
					'Manages facilities',
					'Buildings and equipment are accessible, safe, economical and fit the needs of clients and staff.',
					['Step-free access to the front desk', 'Building energy audit']
				]
			)
		]
	},
	{
		number: 5,
		kind: 'enabler',
		title: { cs: 'Procesy', en: 'Processes' },
		subcriteria: [
			sub(
				'5.1',
				[
					'Navrhuje a řídí procesy tak, aby zvyšovaly hodnotu pro občany',
					'Procesy mají garanty, jsou popsané, měřené a zlepšované s ohledem na potřeby občanů.',
					['Procesní mapa úřadu s garanty', 'Ukazatele lhůt vyřízení']
				],
				[
					'Designs and manages processes to increase value for citizens',
					'Processes have owners, are described, measured and improved with citizens’ needs in mind.',
					['Process map with owners', 'Turnaround time indicators']
				]
			),
			sub(
				'5.2',
				[
					'Poskytuje služby občanům a zákazníkům',
					'Služby jsou dostupné, srozumitelné a poskytované v dohodnuté kvalitě, také elektronicky.',
					['Objednávkový systém na přepážky', 'Katalog životních situací']
				],
				[
					'Delivers products and services for customers, citizens and stakeholders',
					'Services are accessible, clear and delivered at the agreed quality, also online.',
					['Appointment booking for counters', 'Catalogue of life situations']
				]
			),
			sub(
				'5.3',
				[
					'Koordinuje procesy v organizaci i s dalšími organizacemi',
					'Návaznosti mezi odbory a úřady jsou řízené tak, aby občan nemusel obíhat úřady.',
					['Sdílené podání pro více odborů', 'Výměna dat se základními registry']
				],
				[
					'Coordinates processes across the organisation and with other organisations',
					'Hand-offs between departments and authorities are managed so citizens need not go from office to office.',
					['One filing for several departments', 'Data exchange with the base registers']
				]
			)
		]
	},
	{
		number: 6,
		kind: 'result',
		title: {
			cs: 'Výsledky orientované na občany/zákazníky',
			en: 'Citizen/customer-oriented results'
		},
		subcriteria: [
			sub(
				'6.1',
				[
					'Měření vnímání',
					'Jak občané a zákazníci vnímají úřad a jeho služby: spokojenost, důvěra, dostupnost.',
					['Výsledky průzkumu spokojenosti', 'Hodnocení přepážek klienty']
				],
				[
					'Perception measurements',
					'How citizens and customers perceive the office and its services: satisfaction, trust, accessibility.',
					['Satisfaction survey results', 'Counter ratings by clients']
				]
			),
			sub(
				'6.2',
				[
					'Měření výkonnosti',
					'Vnitřní ukazatele služeb občanům: lhůty, čekací doby, podíl elektronických podání, stížnosti.',
					['Průměrná čekací doba', 'Počet stížností']
				],
				[
					'Performance measurements',
					'Internal indicators of services to citizens: deadlines, waiting times, share of online filings, complaints.',
					['Average waiting time', 'Number of complaints']
				]
			)
		]
	},
	{
		number: 7,
		kind: 'result',
		title: { cs: 'Výsledky vztahující se k zaměstnancům', en: 'People results' },
		subcriteria: [
			sub(
				'7.1',
				[
					'Měření vnímání',
					'Jak zaměstnanci vnímají úřad, vedení, pracovní podmínky a svůj rozvoj.',
					['Průzkum spokojenosti zaměstnanců', 'Hodnocení vedoucích zpětnou vazbou']
				],
				[
					'Perception measurements',
					'How staff perceive the office, its leadership, working conditions and their development.',
					['Staff satisfaction survey', 'Upward feedback on managers']
				]
			),
			sub(
				'7.2',
				[
					'Měření výkonnosti',
					'Ukazatele o zaměstnancích: fluktuace, nemocnost, vzdělávání, zapojení do zlepšování.',
					['Fluktuace', 'Hodiny vzdělávání na zaměstnance']
				],
				[
					'Performance measurements',
					'Indicators about staff: turnover, sick leave, training, involvement in improvement.',
					['Staff turnover', 'Training hours per employee']
				]
			)
		]
	},
	{
		number: 8,
		kind: 'result',
		title: { cs: 'Výsledky společenské odpovědnosti', en: 'Social responsibility results' },
		subcriteria: [
			sub(
				'8.1',
				[
					'Měření vnímání',
					'Jak veřejnost a partneři vnímají přínos úřadu pro společnost a životní prostředí.',
					['Ohlas místních médií', 'Hodnocení partnerů']
				],
				[
					'Perception measurements',
					'How the public and partners perceive the office’s contribution to society and the environment.',
					['Local media coverage', 'Partner feedback']
				]
			),
			sub(
				'8.2',
				[
					'Měření výkonnosti',
					'Ukazatele společenské odpovědnosti: spotřeba energie, odpady, etika, podpora komunity.',
					['Spotřeba energie budov', 'Podíl zelených zakázek']
				],
				[
					'Performance measurements',
					'Social responsibility indicators: energy use, waste, ethics, community support.',
					['Building energy use', 'Share of green procurement']
				]
			)
		]
	},
	{
		number: 9,
		kind: 'result',
		title: { cs: 'Klíčové výsledky výkonnosti', en: 'Key performance results' },
		subcriteria: [
			sub(
				'9.1',
				[
					'Vnější výsledky: výstupy a veřejná hodnota',
					'Jak úřad plní své poslání a strategické cíle navenek: výstupy, dopady, přínos pro občany.',
					['Plnění strategických cílů', 'Počet vyřízených řízení v zákonné lhůtě']
				],
				[
					'External results: outputs and public value',
					'How the office fulfils its mission and strategic goals outwards: outputs, outcomes, value for citizens.',
					['Strategic goals met', 'Proceedings completed within the legal deadline']
				]
			),
			sub(
				'9.2',
				[
					'Vnitřní výsledky: efektivita',
					'Hospodárnost a efektivita úřadu: náklady procesů, plnění rozpočtu, výsledky auditů.',
					['Náklady na jeden úkon', 'Plnění rozpočtu']
				],
				[
					'Internal results: level of efficiency',
					'Economy and efficiency of the office: process costs, budget execution, audit results.',
					['Cost per transaction', 'Budget execution']
				]
			)
		]
	}
];

export const CAF_SUBCRITERIA: CafSubcriterion[] = CAF_MODEL.flatMap((c) => c.subcriteria);
export const CAF_CODES: string[] = CAF_SUBCRITERIA.map((s) => s.code);

export function criterionOf(code: string): CafCriterion | undefined {
	return CAF_MODEL.find((c) => c.number === Number(code.split('.')[0]));
}

export function subcriterion(code: string): CafSubcriterion | undefined {
	return CAF_SUBCRITERIA.find((s) => s.code === code);
}

/** Every subcriterion as a select's or checkbox's option: its code, then its title. */
export function subcriterionOptions(lang: CafLocale): { value: string; label: string }[] {
	return CAF_SUBCRITERIA.map((s) => ({ value: s.code, label: `${s.code} ${s.title[lang]}` }));
}

/** Enablers are scored by the PDCA phase reached, results by trends and targets. */
export function kindOf(code: string): CafKind {
	return Number(code.split('.')[0]) <= 5 ? 'enabler' : 'result';
}

/** The model's language for the app's locale (Czech unless English). */
export function cafLocale(locale: string): CafLocale {
	return locale === 'en' ? 'en' : 'cs';
}

export type CafRoundStatus = 'preparation' | 'scoring' | 'consensus' | 'action_plan' | 'closed';

/** The round's statuses in order; a round moves one step forward or back, never out of closed. */
export const ROUND_STATUSES: readonly CafRoundStatus[] = [
	'preparation',
	'scoring',
	'consensus',
	'action_plan',
	'closed'
];
