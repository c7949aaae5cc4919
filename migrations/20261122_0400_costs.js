// Costs: code lists (položky, paragrafy), ORJ/ORG mappings, import batches and profiles, allocation
// keys, and the aggregate tables the pages read instead of the ledger. Money is bigint haléře.
import { sql } from 'kysely';

// Natures finance can change later: these položky vary with the volume of cases.
const VARIABLE = [
	'5021',
	'5038',
	'5132',
	'5134',
	'5136',
	'5139',
	'5161',
	'5163',
	'5164',
	'5167',
	'5173',
	'5175',
	'5194'
];

/** @param {string} text */
function lines(text) {
	return text
		.split('\n')
		.filter((line) => /^[0-9]{4}\|/.test(line))
		.map((line) => {
			const i = line.indexOf('|');
			return [line.slice(0, i), line.slice(i + 1)];
		});
}

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	await db.schema
		.createTable('cost_category')
		.addColumn('polozka', 'text', (c) => c.primaryKey().check(sql`polozka ~ '^[0-9]{4}$'`))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('nature', 'text', (c) =>
			c.notNull().check(sql`nature in ('fixed', 'variable', 'investment')`)
		)
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
	await db.schema
		.createTable('cost_paragraf')
		.addColumn('paragraf', 'text', (c) => c.primaryKey().check(sql`paragraf ~ '^[0-9]{4}$'`))
		.addColumn('name', 'text', (c) => c.notNull())
		.execute();
	const categories = lines(POLOZKY).map(([polozka, name]) => ({
		polozka,
		name,
		nature: polozka.startsWith('6')
			? 'investment'
			: VARIABLE.includes(polozka)
				? 'variable'
				: 'fixed'
	}));
	await db.insertInto('cost_category').values(categories).execute();
	await db
		.insertInto('cost_paragraf')
		.values(lines(PARAGRAFY).map(([paragraf, name]) => ({ paragraf, name })))
		.execute();

	// ORJ (the accounting's department code) → org unit; ORG (analytical code) → initiative.
	await db.schema
		.createTable('orj_mapping')
		.addColumn('orj', 'text', (c) => c.primaryKey())
		.addColumn('org_unit_id', 'integer', (c) =>
			c.notNull().references('org_unit.id').onDelete('cascade')
		)
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
	await db.schema
		.createTable('org_mapping')
		.addColumn('org', 'text', (c) => c.primaryKey())
		.addColumn('initiative_id', 'integer', (c) =>
			c.notNull().references('initiative.id').onDelete('cascade')
		)
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();

	await db.schema
		.createTable('import_profile')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('name', 'text', (c) => c.notNull().unique())
		/** { field: header } for month, date, amount, polozka, paragraf, orj, org, uz, text */
		.addColumn('mapping', 'jsonb', (c) => c.notNull())
		.addColumn('created_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();

	await db.schema
		.createTable('import_batch')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('web', 'cli', 'seed')`))
		.addColumn('format', 'text', (c) => c.notNull())
		.addColumn('file_name', 'text', (c) => c.notNull())
		.addColumn('content_hash', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('actual', 'budget')`))
		.addColumn('profile_name', 'text')
		.addColumn('rows_read', 'integer', (c) => c.notNull())
		.addColumn('rows_imported', 'integer', (c) => c.notNull())
		.addColumn('rows_skipped', 'integer', (c) => c.notNull())
		.addColumn('total', 'bigint', (c) => c.notNull())
		.addColumn('month_from', 'date')
		.addColumn('month_to', 'date')
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('imported')
				.check(sql`status in ('imported', 'rolled_back')`)
		)
		/** The file's totals per month and položka, kept for reconciliation. */
		.addColumn('file_totals', 'jsonb', (c) => c.notNull())
		.addColumn('imported_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('rolled_back_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('rolled_back_at', 'timestamptz')
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
	await db.schema
		.createIndex('import_batch_hash_idx')
		.on('import_batch')
		.column('content_hash')
		.execute();

	await db.schema
		.alterTable('cost_entry')
		.addColumn('batch_id', 'integer', (c) => c.references('import_batch.id'))
		.addColumn('orj', 'text')
		.addColumn('org', 'text')
		.addColumn('uz', 'text')
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
	// Manual entries (no batch) are few; provenance counts them without touching imported rows.
	await db.schema
		.createIndex('cost_entry_manual_idx')
		.on('cost_entry')
		.column('month')
		.where(sql.ref('batch_id'), 'is', null)
		.execute();
	await db.schema
		.createIndex('cost_entry_batch_idx')
		.on('cost_entry')
		.column('batch_id')
		.where('batch_id', 'is not', null)
		.execute();

	// Allocation keys: how an org unit's overhead spreads over processes in a year (percent).
	// A unit and year without rows use the default key (the processes' FTE in process_year).
	await db.schema
		.createTable('allocation_key')
		.addColumn('org_unit_id', 'integer', (c) =>
			c.notNull().references('org_unit.id').onDelete('cascade')
		)
		.addColumn('year', 'integer', (c) => c.notNull())
		.addColumn('process_id', 'integer', (c) =>
			c.notNull().references('process.id').onDelete('cascade')
		)
		.addColumn('percent', 'numeric(7, 4)', (c) =>
			c.notNull().check(sql`percent >= 0 and percent <= 100`)
		)
		.addPrimaryKeyConstraint('allocation_key_pk', ['org_unit_id', 'year', 'process_id'])
		.execute();
	await db.schema
		.createTable('allocation_key_set')
		.addColumn('org_unit_id', 'integer', (c) =>
			c.notNull().references('org_unit.id').onDelete('cascade')
		)
		.addColumn('year', 'integer', (c) => c.notNull())
		.addColumn('updated_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addPrimaryKeyConstraint('allocation_key_set_pk', ['org_unit_id', 'year'])
		.execute();

	// Aggregates, kept up to date by every import, rollback and manual change.
	await db.schema
		.createTable('cost_month_summary')
		.addColumn('year', 'integer', (c) => c.notNull())
		.addColumn('month', 'date', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('nature', 'text', (c) => c.notNull())
		.addColumn('org_unit_id', 'integer')
		.addColumn('process_id', 'integer')
		.addColumn('polozka', 'text', (c) => c.notNull())
		.addColumn('amount', 'bigint', (c) => c.notNull())
		.addColumn('entries', 'integer', (c) => c.notNull())
		.execute();
	await sql`alter table cost_month_summary add constraint cost_month_summary_key
		unique nulls not distinct (month, kind, nature, org_unit_id, process_id, polozka)`.execute(db);
	await db.schema
		.createIndex('cost_month_summary_year_idx')
		.on('cost_month_summary')
		.columns(['year', 'kind'])
		.execute();

	await db.schema
		.createTable('process_cost_year')
		.addColumn('process_id', 'integer', (c) =>
			c.notNull().references('process.id').onDelete('cascade')
		)
		.addColumn('year', 'integer', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('actual', 'budget')`))
		.addColumn('direct', 'bigint', (c) => c.notNull())
		.addColumn('allocated', 'bigint', (c) => c.notNull())
		.addColumn('full_cost', 'bigint', (c) => c.notNull())
		.addColumn('volume', 'integer')
		.addColumn('unit_cost', 'bigint')
		.addColumn('refreshed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('process_cost_year_pk', ['process_id', 'year', 'kind'])
		.execute();
	// Each step of the allocation: a unit's overhead pool, the process's share, the haléře it got.
	await db.schema
		.createTable('process_cost_allocation')
		.addColumn('year', 'integer', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('org_unit_id', 'integer', (c) =>
			c.notNull().references('org_unit.id').onDelete('cascade')
		)
		.addColumn('process_id', 'integer', (c) =>
			c.notNull().references('process.id').onDelete('cascade')
		)
		.addColumn('pool', 'bigint', (c) => c.notNull())
		.addColumn('percent', 'numeric(9, 4)', (c) => c.notNull())
		.addColumn('key_source', 'text', (c) =>
			c.notNull().check(sql`key_source in ('fte', 'manual', 'equal')`)
		)
		.addColumn('amount', 'bigint', (c) => c.notNull())
		.addPrimaryKeyConstraint('process_cost_allocation_pk', [
			'year',
			'kind',
			'org_unit_id',
			'process_id'
		])
		.execute();
	// When each year's aggregates were last refreshed (the "as of" of every figure).
	await db.schema
		.createTable('cost_refresh')
		.addColumn('year', 'integer', (c) => c.primaryKey())
		.addColumn('refreshed_at', 'timestamptz', (c) => c.notNull())
		.execute();

	// A KPI with source `process_unit_cost` (the process map's extension point) is computed: its
	// yearly actuals are the unit cost of this process, written on every refresh.
	await db.schema
		.alterTable('kpi')
		.addColumn('source_process_id', 'integer', (c) =>
			c.references('process.id').onDelete('set null')
		)
		.execute();
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
	await db.schema.alterTable('kpi').dropColumn('source_process_id').execute();
	for (const table of [
		'cost_refresh',
		'process_cost_allocation',
		'process_cost_year',
		'cost_month_summary',
		'allocation_key_set',
		'allocation_key'
	]) {
		await db.schema.dropTable(table).execute();
	}
	await db.schema.dropIndex('cost_entry_batch_idx').execute();
	await db.schema.dropIndex('cost_entry_manual_idx').execute();
	await db.schema
		.alterTable('cost_entry')
		.dropColumn('batch_id')
		.dropColumn('orj')
		.dropColumn('org')
		.dropColumn('uz')
		.dropColumn('updated_at')
		.dropColumn('version')
		.execute();
	for (const table of [
		'import_batch',
		'import_profile',
		'org_mapping',
		'orj_mapping',
		'cost_paragraf',
		'cost_category'
	]) {
		await db.schema.dropTable(table).execute();
	}
}

// Generated from the MF ČR budget classification code lists as of 2016 (vyhláška 323/2002 Sb.),
// as published in github.com/cityvizor/cityvizor data/budget-items.csv and budget-paragraph.csv
// (commit c165f17). Official works, not protected by copyright (§ 3 zákona 121/2000 Sb.); 5162 carries
// its current name. One `code|name` a line.
const POLOZKY = `5011|Platy zaměstnanců v pracovním poměru vyjma zaměstnanců na služebních místech
5012|Platy zaměstnanců bezpečnostních sborů a ozbrojených sil ve služebním poměru
5013|Platy zaměstnanců na služebních místech podle zákona o státní službě
5014|Platy zaměstnanců v pracovním poměru odvozované od platů ústavních činitelů
5019|Ostatní platy
5021|Ostatní osobní výdaje
5022|Platy představitelů státní moci a některých orgánů
5023|Odměny členů zastupitelstev obcí a krajů
5024|Odstupné
5025|Odbytné
5026|Odchodné
5027|Náležitosti osob vykonávajících vojenská cvičení a další vojenskou službu
5029|Ostatní platby za provedenou práci jinde nezařazené
5031|Povinné pojistné na sociální zabezpečení a příspěvek na státní politiku zaměstnanosti
5032|Povinné pojistné na veřejné zdravotní pojištění
5038|Povinné pojistné na úrazové pojištění
5039|Ostatní povinné pojistné placené zaměstnavatelem
5041|Odměny za užití duševního vlastnictví
5042|Odměny za užití počítačových programů
5051|Mzdové náhrady
5131|Potraviny
5132|Ochranné pomůcky
5133|Léky a zdravotnický materiál
5134|Prádlo, oděv a obuv
5135|Učebnice a bezplatně poskytované školní potřeby
5136|Knihy, učební pomůcky a tisk
5137|Drobný hmotný dlouhodobý majetek
5138|Nákup zboží (za účelem dalšího prodeje)
5139|Nákup materiálu jinde nezařazený
5141|Úroky vlastní
5142|Kursové rozdíly ve výdajích
5143|Úroky vzniklé převzetím cizích závazků
5144|Poplatky dluhové služby
5145|Neúrokové výdaje na finanční deriváty k vlastním dluhopisům
5146|Úrokové výdaje na finanční deriváty k vlastním dluhopisům
5147|Úrokové výdaje na finanční deriváty kromě k vlastním dluhopisům
5148|Neúrokové výdaje na finanční deriváty kromě k vlastním dluhopisům
5149|Ostatní úroky a ostatní finanční výdaje
5151|Studená voda
5152|Teplo
5153|Plyn
5154|Elektrická energie
5155|Pevná paliva
5156|Pohonné hmoty a maziva
5157|Teplá voda
5159|Nákup ostatních paliv a energie
5161|Poštovní služby
5162|Služby elektronických komunikací
5163|Služby peněžních ústavů
5164|Nájemné
5165|Nájemné za půdu
5166|Konzultační, poradenské a právní služby
5167|Služby školení a vzdělávání
5168|Zpracování dat a služby související s informačními a komunikačními technologiemi
5169|Nákup ostatních služeb
5171|Opravy a udržování
5172|Programové vybavení
5173|Cestovné (tuzemské i zahraniční)
5175|Pohoštění
5176|Účastnické poplatky na konference
5177|Nákup uměleckých předmětů
5178|Nájemné za nájem s právem koupě
5179|Ostatní nákupy jinde nezařazené
5181|Poskytnuté zálohy vnitřním organizačním jednotkám
5182|Poskytované zálohy vlastní pokladně
5183|Výdaje na realizaci záruk
5184|Výdaje na vládní úvěry
5189|Ostatní poskytované zálohy a jistiny
5191|Zaplacené sankce
5192|Poskytnuté náhrady
5193|Výdaje na dopravní územní obslužnost
5194|Věcné dary
5195|Odvody za neplnění povinnosti zaměstnávat zdravotně postižené
5196|Náhrady a příspěvky související s výkonem ústavní funkce a funkce soudce
5197|Náhrady zvýšených nákladů spojených s výkonem funkce v zahraničí
5198|Finanční náhrady v rámci majetkového vyrovnání s církvemi
5199|Ostatní výdaje související s neinvestičními nákupy
5211|Neinvestiční transfery finančním institucím
5212|Neinvestiční transfery nefinančním podnikatelskýmsubjektům-fyzickým osobám
5213|Neinvestiční transfery nefinančním podnikatelským subjektům-právnickým osobám
5214|Neinvestiční transfery finančním a podobným institucím ve vlastnictví státu
5215|Neinvestiční transfery vybraným podnikatelským subjektům ve vlastnictví státu
5219|Ostatní neinvestiční transfery podnikatelským subjektům
5221|Neinvestiční transfery obecně prospěšným společnostem
5222|Neinvestiční transfery spolkům
5223|Neinvestiční transfery církvím a náboženským společnostem
5224|Neinvestiční transfery politickým stranám a hnutím
5225|Neinvestiční transfery společenstvím vlastníků jednotek
5229|Ostatní neinvestiční transfery neziskovým a podobným organizacím
5230|Neinvestiční nedotační transfery podnikatelským subjektům
5240|Neinvestiční nedotační transfery neziskovým a podobným organizacím
5250|Refundace poloviny náhrady mzdy za dočasnou pracovní neschopnost
5311|Neinvestiční transfery státnímu rozpočtu
5312|Neinvestiční transfery státním fondům
5313|Neinvestiční transfery zvláštním fondům ústřední úrovně
5314|Neinvestiční transfery fondům sociálního a veřejného zdravotního pojištění
5315|Odvod daně za zaměstnance
5316|Odvod pojistného na sociální zabezpečení a příspěvku na státní politiku zaměstnanosti za zaměstnance
5317|Odvod pojistného na veřejné zdravotní pojištění za zaměstnance
5318|Neinvestiční transfery prostředků do státních finančních aktiv
5319|Ostatní neinvestiční transfery jiným veřejným rozpočtům
5321|Neinvestiční transfery obcím
5322|Neinvestiční transfery obcím v rámci souhrnného dotačního vztahu
5323|Neinvestiční transfery krajům
5324|Neinvestiční transfery krajům v rámci souhrnného dotačního vztahu
5325|Neinvestiční transfery regionálním radám
5329|Ostatní neinvestiční transfery veřejným rozpočtům územní úrovně
5331|Neinvestiční příspěvky zřízeným příspěvkovým organizacím
5332|Neinvestiční transfery vysokým školám
5333|Neinvestiční transfery školským právnickým osobámzřízeným státem, kraji a obcemi
5334|Neinvestiční transfery veřejným výzkumným institucím
5336|Neinvestiční transfery zřízeným příspěvkovým organizacím
5339|Neinvestiční transfery cizím příspěvkovým organizacím
5341|Převody vlastním fondům hospodářské (podnikatelské) činnosti
5342|Převody fondu kulturních a sociálních potřeb a sociálnímu fondu obcí a krajů
5343|Převody jiným vlastním fondům a účtům nemajícím charakter veřejných rozpočtů
5344|Převody vlastním rezervním fondům územních rozpočtů
5345|Převody vlastním rozpočtovým účtům
5346|Převody do fondů organizačních složek státu
5347|Převody mezi statutárními městy (hl.m.Prahou) a jejich městskými obvody nebo částmi - výdaje
5349|Ostatní převody vlastním fondům
5361|Nákup kolků
5362|Platby daní a poplatků státnímu rozpočtu
5363|Úhrady sankcí jiným rozpočtům
5364|Vratky veřejným rozpočtům ústřední úrovně transferů poskytnutých v minulých rozpočtových obdobích
5365|Platby daní a poplatků krajům, obcím a státním fondům
5366|Výdaje z finančního vypořádání minulých let mezi krajem a obcemi
5367|Výdaje z finančního vypořádání minulých let mezi obcemi
5368|Výdaje z finančního vypořádání minulých let mezi regionální radou a kraji, obcemi a dobrovolnými svazky obcí
5369|Ostatní neinvestiční transfery jiným veřejným rozpočtům
5410|Sociální dávky
5421|Náhrady z úrazového pojištění
5422|Náhrady povahy rehabilitací
5423|Náhrady mezd podle zákona č. 118/2000 Sb.
5424|Náhrady mezd v době nemoci
5425|Příspěvek na náklady pohřbu dárce orgánu a náhrada poskytovaná žijícímu dárci
5429|Ostatní náhrady placené obyvatelstvu
5491|Stipendia žákům, studentům a doktorandům
5492|Dary obyvatelstvu
5493|Účelové neinvestiční transfery fyzickým osobám
5494|Neinvestiční transfery obyvatelstvu nemající charakter daru
5499|Ostatní neinvestiční transfery obyvatelstvu
5511|Neinvestiční transfery mezinárodním organizacím
5512|Neinvestiční transfery nadnárodním orgánům
5513|Vratky neoprávněně použitých nebo zadržených prostředků Evropské unii
5514|Odvody vlastních zdrojů Evropské unie do rozpočtu Evropské unie podle daně z přidané hodnoty
5515|Odvody vlastních zdrojů Evropské unie do rozpočtu Evropské unie podle hrubého národního důchodu
5520|Neinvestiční transfery cizím státům
5531|Peněžní dary do zahraničí
5532|Ostatní neinvestiční transfery do zahraničí
5611|Neinvestiční půjčené prostředky finančním institucím
5612|Neinvestiční půjčené prostředky nefinančním podnikatelským subjektům-fyzickým osobám
5613|Neinvestiční půjčené prostředky nefinančním podnikatelským subjektům-právnickým osobám
5614|Neinvestiční půjčené prostředky finančním a podobným institucím ve vlastnictví státu
5615|Neinvestiční půjčené prostředky vybraným podnikatelským subjektům ve vlastnictví státu
5619|Ostatní neinvestiční půjčené prostředky podnikatelským subjektům
5621|Neinvestiční půjčené prostředky obecně prospěšným společnostem
5622|Neinvestiční půjčené prostředky spolkům
5623|Neinvestiční půjčené prostředky církvím a náboženským společnostem
5624|Neinvestiční půjčené prostředky společenstvím vlastníků jednotek
5629|Ostatní neinvestiční půjčené prostředky neziskovým a podobným organizacím
5631|Neinvestiční půjčené prostředky státnímu rozpočtu
5632|Neinvestiční půjčené prostředky státním fondům
5633|Neinvestiční půjčené prostředky zvláštním fondům ústřední úrovně
5634|Neinvestiční půjčené prostředky fondům sociálního a zdravotního pojištění
5639|Ostatní neinvestiční půjčené prostředky jiným veřejným rozpočtům
5641|Neinvestiční půjčené prostředky obcím
5642|Neinvestiční půjčené prostředky krajům
5643|Neinvestiční půjčené prostředky regionálním radám
5649|Ostatní neinvestiční půjčené prostředky veřejným rozpočtům územní úrovně
5651|Neinvestiční půjčené prostředky zřízeným příspěvkovým organizacím
5652|Neinvestiční půjčené prostředky vysokým školám
5659|Neinvestiční půjčené prostředky ostatním příspěvkovým organizacím
5660|Neinvestiční půjčené prostředky obyvatelstvu
5670|Neinvestiční půjčené prostředky do zahraničí
5710|Převody Národnímu fondu na spolufinancování programu Phare
5720|Převody Národnímu fondu na spolufinancování programu Ispa
5730|Převody Národnímu fondu na spolufinancování programu Sapard
5740|Převody Národnímu fondu na spolufinancování komunitárních programů
5750|Převody Národnímu fondu na spolufinancování ostatních programů Evropské unie a ČR
5760|Převody Národnímu fondu na spolufinancování související s poskytnutím pomoci ČR ze zahraničí
5770|Převody ze státního rozpočtu do Národního fondu na vyrovnání kursových rozdílů
5790|Ostatní převody do Národního fondu
5901|Nespecifikované rezervy
5902|Ostatní výdaje z finančního vypořádání minulých let
5909|Ostatní neinvestiční výdaje jinde nezařazené
5991|Dočasné zatřídění výdajů
6111|Programové vybavení
6112|Ocenitelná práva
6113|Nehmotné výsledky výzkumné a obdobné činnosti
6119|Ostatní nákup dlouhodobého nehmotného majetku
6121|Budovy, haly a stavby
6122|Stroje, přístroje a zařízení
6123|Dopravní prostředky
6124|Pěstitelské celky trvalých porostů
6125|Výpočetní technika
6127|Umělecká díla a předměty
6129|Nákup dlouhodobého hmotného majetku jinde nezařazený
6130|Pozemky
6201|Nákup akcií
6202|Nákup majetkových podílů
6209|Nákup ostatních majetkových nároků
6311|Investiční transfery finančním institucím
6312|Investiční transfery nefinančním podnikatelským subjektům-fyzickým osobám
6313|Investiční transfery nefinančním podnikatelským subjektům-právnickým osobám
6314|Investiční transfery finančním a podobným institucím ve vlastnictví státu
6315|Investiční transfery vybraným podnikatelským subjektům ve vlastnictví státu
6319|Ostatní investiční transfery podnikatelským subjektům
6321|Investiční transfery obecně prospěšným společnostem
6322|Investiční transfery spolkům
6323|Investiční transfery církvím a náboženským společnostem
6324|Investiční transfery společenstvím vlastníků jednotek
6329|Ostatní investiční transfery neziskovým a podobným organizacím
6331|Investiční transfery státnímu rozpočtu
6332|Investiční transfery státním fondům
6333|Investiční transfery zvláštním fondům ústřední úrovně
6334|Investiční transfery fondům sociálního a zdravotního pojištění
6335|Investiční transfery státním finančním aktivům
6339|Ostatní investiční transfery jiným veřejným rozpočtům
6341|Investiční transfery obcím
6342|Investiční transfery krajům
6343|Investiční transfery obcím v rámci souhrnného dotačního vztahu
6344|Investiční transfery krajům v rámci souhrnného dotačního vztahu
6345|Investiční transfery regionálním radám
6349|Ostatní investiční transfery veřejným rozpočtům územní úrovně
6351|Investiční transfery zřízeným příspěvkovým organizacím
6352|Investiční transfery vysokým školám
6353|Investiční transfery školským právnickým osobám zřízeným státem, kraji a obcemi
6354|Investiční transfery veřejným výzkumným institucím
6356|Jiné investiční transfery zřízeným příspěvkovým organizacím
6359|Investiční transfery ostatním příspěvkovým organizacím
6361|Investiční převody do rezervního fondu organizačních složek státu
6371|Účelové investiční transfery nepodnikajícím fyzickým osobám
6379|Ostatní investiční transfery obyvatelstvu
6380|Investiční transfery do zahraničí
6411|Investiční půjčené prostředky finančním institucím
6412|Investiční půjčené prostředky nefinančním podnikatelským subjektům-fyzickým osobám
6413|Investiční půjčené prostředky nefinančním podnikatelským subjektům-právnickým osobám
6414|Investiční půjčené prostředky finančním a podobným institucím ve vlastnictví státu
6415|Investiční půjčené prostředky vybraným podnikatelským subjektům ve vlastnictví státu
6419|Ostatní investiční půjčené prostředky podnikatelským subjektům
6421|Investiční půjčené prostředky obecně prospěšným společnostem
6422|Investiční půjčené prostředky občanským sdružením
6423|Investiční půjčené prostředky církvím a náboženským společnostem
6424|Investiční půjčené prostředky společenstvím vlastníků jednotek
6429|Ostatní investiční půjčené prostředky neziskovým a podobným organizacím
6431|Investiční půjčené prostředky státnímu rozpočtu
6432|Investiční půjčené prostředky státním fondům
6433|Investiční půjčené prostředky zvláštním fondům ústřední úrovně
6434|Investiční půjčené prostředky fondům sociálního a zdravotního pojištění
6439|Ostatní investiční půjčené prostředky jiným veřejným rozpočtům
6441|Investiční půjčené prostředky obcím
6442|Investiční půjčené prostředky krajům
6443|Investiční půjčené prostředky regionálním radám
6449|Ostatní investiční půjčené prostředky veřejným rozpočtům místní úrovně
6451|Investiční půjčené prostředky zřízeným příspěvkovým organizacím
6452|Investiční půjčené prostředky vysokým školám
6459|Investiční půjčené prostředky ostatním příspěvkovým organizacím
6460|Investiční půjčené prostředky obyvatelstvu
6470|Investiční půjčené prostředky do zahraničí
6710|Investiční převody Národnímu fondu na spolufinancování programu Phare
6720|Investiční převody Národnímu fondu na spolufinancování programu Ispa
6730|Investiční převody Národnímu fondu na spolufinancování programu Sapard
6740|Investiční převody Národnímu fondu na spolufinancování komunitárních programů
6750|Investiční převody Národnímu fondu na spolufinancování ostatních programů Evropské unie a ČR
6760|Investiční převody Národnímu fondu na spolufinancování související s poskytnutím pomoci ČR ze zahraničí
6790|Ostatní investiční převody do Národního fondu
6901|Rezervy kapitálových výdajů
6909|Ostatní kapitálové výdaje jinde nezařazené`;

const PARAGRAFY = `1011|Udržování výrobního potenciálu zemědělství, zemědělský půdní fond a mimoprodukční funkce zemědělství
1012|Podnikání a restrukturalizace v zemědělství a potravinářství
1013|Genetický potenciál hospodářských zvířat, osiv a sádí
1014|Ozdravování hospodářských zvířat, polních a speciálních plodin a zvláštní veterinární péče
1019|Ostatní zemědělská a potravinářská činnost a rozvoj
1021|Organizace trhu s produkty rostlinné výroby
1022|Organizace trhu s výrobky vzniklými zpracováním produktů rostlinné výroby
1023|Organizace trhu s produkty živočišné výroby
1024|Organizace trhu s výrobky vzniklými zpracováním produktů živočišné výroby
1029|Ostatní záležitosti regulace zemědělské produkce, organizace zemědělského trhu a poskytování podpor
1031|Pěstební činnost
1032|Podpora ostatních produkčních činností
1036|Správa v lesním hospodářství
1037|Celospolečenské funkce lesů
1039|Ostatní záležitosti lesního hospodářství
1061|Činnost ústředního orgánu státní správy v zemědělství
1062|Činnost ostatních orgánů státní správy v zemědělství
1063|Správa zemědělského majetku
1069|Ostatní správa v zemědělství
1070|Rybářství
1081|Zemědělský výzkum a vývoj
1082|Lesnický výzkum
1091|Mezinárodní spolupráce v zemědělství
1092|Mezinárodní spolupráce v lesním hospodářství
1098|Ostatní výdaje na zemědělství
1099|Ostatní výdaje na lesní hospodářství
2111|Uhelné hornictví
2112|Těžba nerostných surovin kromě paliv
2113|Zpracování ropy a zemního plynu
2114|Jaderné elektrárny
2115|Úspora energie a obnovitelné zdroje
2116|Jaderné palivo a ochrana před ionizujícím zářením
2117|Elektrická energie
2118|Energie jiná než elektrická
2119|Ostatní záležitosti těžebního průmyslu a energetiky
2121|Stavebnictví
2122|Sběr a zpracování druhotných surovin
2123|Podpora rozvoje průmyslových zón
2124|Opatření ke zvýšení konkurenceschopnosti průmyslových odvětví
2125|Podpora podnikání a inovací
2129|Ostatní odvětvová a oborová opatření
2131|Přímá podpora exportu
2139|Ostatní záležitosti zahraničního obchodu
2141|Vnitřní obchod
2142|Ubytování a stravování
2143|Cestovní ruch
2144|Ostatní služby
2161|Činnost ústředního orgánu státní správy v odvětví energetiky, průmyslu, stavebnictví, obchodu a služeb
2162|Činnost ostatních orgánů státní správy v průmyslu, stavebnictví, obchodu a službách
2169|Ostatní správa v průmyslu, stavebnictví, obchodu a službách
2181|Výzkum a vývoj v palivech a energetice
2182|Výzkum a vývoj v průmyslu kromě paliv a energetiky
2183|Výzkum a vývoj ve službách
2184|Výzkum a vývoj v obchodu a cestovním ruchu
2185|Výzkum a vývoj ve stavebnictví
2191|Mezinárodní spolupráce v průmyslu, stavebnictví, obchodu a službách
2199|Záležitosti průmyslu, stavebnictví, obchodu a služeb jinde nezařazené
2211|Dálnice
2212|Silnice
2219|Ostatní záležitosti pozemních komunikací
2221|Provoz veřejné silniční dopravy
2222|Kontrola technické způsobilosti vozidel
2223|Bezpečnost silničního provozu
2229|Ostatní záležitosti v silniční dopravě
2231|Vodní cesty
2232|Provoz vnitrozemské plavby
2233|Záležitosti námořní dopravy
2239|Ostatní záležitosti vnitrozemské plavby
2241|Železniční dráhy
2242|Provoz veřejné železniční dopravy
2243|Drážní vozidla
2249|Ostatní záležitosti železniční dopravy
2251|Letiště
2252|Zabezpečení letového provozu
2253|Provoz civilní letecké dopravy
2259|Ostatní záležitosti civilní letecké dopravy
2261|Činnost ústředních orgánů státní správy v dopravě
2262|Činnost ostatních orgánů státní správy v dopravě
2269|Ostatní správa v dopravě
2271|Ostatní dráhy
2272|Provoz ostatních drah
2279|Záležitosti ostatních drah jinde nezařazené
2280|Výzkum a vývoj v dopravě
2291|Mezinárodní spolupráce v dopravě
2299|Ostatní záležitosti v dopravě
2310|Pitná voda
2321|Odvádění a čištění odpadních vod a nakládání s kaly
2322|Prevence znečišťování vody
2329|Odvádění a čištění odpadních vod jinde nezařazené
2331|Úpravy vodohospodářsky významných a vodárenských toků
2332|Vodní díla na vodohospodářsky významných a vodárenských tocích
2333|Úpravy drobných vodních toků
2334|Revitalizace říčních systémů
2339|Záležitosti vodních toků a vodohospodářských děl jinde nezařazené
2341|Vodní díla v zemědělské krajině
2342|Protierozní ochrana
2349|Ostatní záležitosti vody v zemědělské krajině
2361|Činnost ústředních orgánů státní správy ve vodním hospodářství
2362|Činnost ostatních orgánů státní správy ve vodním hospodářství
2369|Ostatní správa ve vodním hospodářství
2380|Vodohospodářský výzkum a vývoj
2391|Mezinárodní spolupráce v oblasti vodního hospodářství
2399|Ostatní záležitosti vodního hospodářství
2411|Záležitosti pošt
2412|Záležitosti telekomunikací
2413|Záležitosti radiokomunikací
2419|Ostatní záležitosti spojů
2461|Činnost ústředních orgánů státní správy ve spojích
2462|Činnost ostatních orgánů státní správy ve spojích
2469|Ostatní správa ve spojích
2480|Výzkum a vývoj ve spojích
2491|Mezinárodní spolupráce ve spojích
2499|Ostatní záležitosti spojů
2510|Podpora podnikání
2521|Bezpečnost práce
2529|Všeobecné pracovní záležitosti jinde nezařazené
2531|Centrální banka a měna
2539|Všeobecné finanční záležitosti jinde nezařazené
2541|Geologie
2542|Meteorologie
2549|Všeobecné hospodářské služby jinde nezařazené
2561|Činnost ústředních orgánů státní správy v oblasti hospodářství
2562|Činnost ostatních orgánů a organizací v oblasti normalizace, standardizace a metrologie
2563|Činnost ostatních orgánů státní správy v zeměměřictví a katastru
2564|Správa národního majetku
2565|Činnost ostatních orgánů státní správy v oblasti bezpečnosti práce
2569|Všeobecná hospodářská správa jinde nezařazená
2580|Výzkum a vývoj v oblasti všeobecných hospodářských záležitostí
2590|Mezinárodní spolupráce ve všeobecných hospodářských záležitostech.
3111|Mateřské školy
3112|Mateřské školy pro děti se speciálními vzdělávacími potřebami
3113|Základní školy
3114|Základní školy pro žáky se speciálními vzdělávacími potřebami
3115|Ostatní záležitosti předškolního vzdělávání
3117|První stupeň základních škol
3118|Druhý stupeň základních škol
3119|Ostatní záležitosti základního vzdělávání
3121|Gymnazia
3122|Střední odborné školy
3123|Střední školy poskytující střední vzdělání s výučním listem
3124|Střední školy a konzervatoře pro žáky se speciálními vzdělávacími potřebami
3125|Střediska praktického vyučování a školní hospodářství
3126|Konzervatoře
3127|Střední školy
3128|Sportovní školy - gymnázia
3129|Ostatní zařízení středního vzdělávání
3131|Výchovné ústavy a dětské domovy se školou
3132|Diagnostické ústavy
3133|Dětské domovy
3139|Ostatní školská zařízení pro výkon ústavní a ochranné výchovy
3141|Školní stravování
3143|Školní družiny a kluby
3144|Školy v přírodě
3145|Internáty
3146|Zařízení výchovného poradenství
3147|Domovy mládeže
3148|Střediska výchovné péče
3149|Ostatní zařízení související s výchovou a vzděláváním mládeže
3150|Vyšší odborné školy
3211|Vysoké školy
3212|Výzkum, vývoj a inovace na vysokých školách
3213|Bakalářské studium
3214|Magisterské a doktorské studium
3221|Vysokoškolské koleje a menzy
3229|Ostatní zařízení související s vysokoškolským vzděláváním
3231|Základní umělecké školy
3232|Jazykové školy s právem státní jazykové zkoušky
3233|Střediska volného času
3239|Záležitosti zájmového vzdělávání jinde nezařazené
3261|Činnost ústředního orgánu státní správy ve vzdělávání
3262|Činnost ostatních orgánů státní správy ve vzdělávání
3269|Ostatní správa ve vzdělávání jinde nezařazená
3280|Výzkum školství a vzdělávání
3291|Mezinárodní spolupráce ve vzdělávání
3292|Vzdělávání národnostních menšin a multikulturní výchova
3293|Vzdělávací akce k integraci Romů
3294|Zařízení pro další vzdělávání pedagogických pracovníků
3299|Ostatní záležitosti vzdělávání
3311|Divadelní činnost
3312|Hudební činnost
3313|Filmová tvorba, distribuce, kina a shromažďování audiovizuálních archiválií
3314|Činnosti knihovnické
3315|Činnosti muzeí a galerií
3316|Vydavatelská činnost
3317|Výstavní činnosti v kultuře
3319|Ostatní záležitosti kultury
3321|Činnosti památkových ústavů, hradů a zámků
3322|Zachování a obnova kulturních památek
3324|Výkup předmětů kulturní hodnoty
3325|Pražský hrad
3326|Pořízení, zachování a obnova hodnot místního kulturního, národního a historického povědomí
3329|Ostatní záležitosti ochrany památek a péče o kulturní dědictví
3330|Činnosti registrovaných církví a náboženských společností
3341|Rozhlas a televize
3349|Ostatní záležitosti sdělovacích prostředků
3361|Činnost ústředního orgánu státní správy v oblasti kultury a církví
3362|Činnost ostatních orgánů státní správy v oblasti kultury, církví a sdělovacích prostředků
3369|Ostatní správa v oblasti kultury, církví a sdělovacích prostředků
3380|Výzkum a vývoj v oblasti kultury, církví a sdělovacích prostředků
3391|Mezinárodní spolupráce v kultuře, církvích a sdělovacích prostředcích
3392|Zájmová činnost v kultuře
3399|Ostatní záležitosti kultury, církví a sdělovacích prostředků
3411|Státní sportovní reprezentace
3412|Sportovní zařízení v majetku obcí
3419|Ostatní tělovýchovná činnost
3421|Využití volného času dětí a mládeže
3429|Ostatní zájmová činnost a rekreace
3480|Výzkum v oblasti tělovýchovy, zájmové činnosti a rekreace
3511|Všeobecná ambulantní péče
3512|Stomatologická péče
3513|Lékařská služba první pomoci
3514|Transfúzní služba a tkáňová zařízení
3515|Specializovaná ambulantní zdravotní péče
3516|Péče v mateřství
3519|Ostatní ambulantní péče
3521|Fakultní nemocnice
3522|Ostatní nemocnice
3523|Odborné léčebné ústavy
3524|Léčebny dlouhodobě nemocných
3525|Hospice
3526|Lázeňské léčebny, ozdravovny, sanatoria
3527|Vysoce specializovaná pracoviště a jednooborové zařízení lůžkové péče
3529|Ostatní ústavní péče
3531|Hygienická služba a ochrana veřejného zdraví
3532|Lékárenská služba (léky, protézy a přístroje pro užití vně zdravotnických zařízení)
3533|Zdravotnická záchranná služba
3534|Doprava ve zdravotnictví
3539|Ostatní zdravotnická zařízení a služby pro zdravotnictví
3541|Prevence před drogami, alkoholem, nikotinem aj. závislostmi
3542|Prevence HIV/AIDS
3543|Pomoc zdravotně postiženým a chronicky nemocným
3544|Národní program zdraví
3545|Programy paliativní péče
3549|Ostatní speciální zdravotnická péče
3561|Činnost ústředního orgánu státní správy ve zdravotnictví
3562|Činnost ostatních orgánů státní správy ve zdravotnictví
3569|Ostatní správa ve zdravotnictví jinde nezařazená
3581|Organizace výzkumu a střediska vědeckých informací
3589|Ostatní výzkum a vývoj ve zdravotnictví
3591|Mezinárodní spolupráce ve zdravotnictví
3592|Další vzdělávání pracovníků ve zdravotnictví
3599|Ostatní činnost ve zdravotnictví
3611|Podpora individuální bytové výstavby
3612|Bytové hospodářství
3613|Nebytové hospodářství
3614|Bytové služby pro vlastní zaměstnance
3615|Podpora stavebního spoření a hypotečních úvěrů
3619|Ostatní rozvoj bydlení a bytového hospodářství
3631|Veřejné osvětlení
3632|Pohřebnictví
3633|Výstavba a údržba místních inženýrských sítí
3634|Lokální zásobování teplem
3635|Územní plánování
3636|Územní rozvoj
3639|Komunální služby a územní rozvoj jinde nezařazené
3661|Činnost ústředního orgánu státní správy v oblasti bydlení, komunálních služeb a územního rozvoje
3662|Činnost ostatních orgánů státní správy v oblasti bydlení, komunálních služeb a územního rozvoje
3669|Ostatní správa v oblasti v oblasti bydlení, komunálních služeb a územního rozvoje jinde nezařazená
3680|Výzkum a vývoj v oblasti bydlení, komunálních služeb a územního rozvoje
3691|Mezinárodní spolupráce v oblasti bydlení, komunálních služeb a územního rozvoje
3699|Ostatní záležitosti bydlení, komunálních služeb a územního rozvoje
3711|Odstraňování tuhých emisí
3712|Odstraňování plynných emisí
3713|Změny technologií vytápění
3714|Opatření ke snižování produkce skleníkových plynů a plynů poškozujících ozónovou vrstvu
3715|Změny výrobních technologií za účelem výrazného odstranění emisí
3716|Monitoring ochrany ovzduší
3719|Ostatní činnosti k ochraně ovzduší
3721|Sběr a svoz nebezpečných odpadů
3722|Sběr a svoz komunálních odpadů
3723|Sběr a svoz ostatních odpadů (jiných než nebezpečných a komunálních)
3724|Využívání a zneškodňování nebezpečných odpadů
3725|Využívání a zneškodňování komunálních odpadů
3726|Využívání a zneškodňování ostatních odpadů
3727|Prevence vzniku odpadů
3728|Monitoring nakládání s odpady
3729|Ostatní nakládání s odpady
3731|Ochrana půdy a podzemní vody proti znečišťujícím infiltracím
3732|Dekontaminace půd a čištění spodní vody
3733|Monitoring půdy a podzemní vody
3734|Předcházení a sanace zasolení půd
3739|Ostatní ochrana půdy a spodní vody
3741|Ochrana druhů a stanovišť
3742|Chráněné části přírody
3743|Rekultivace půdy v důsledku těžební a důlní činnosti, po skládkách odpadů apod.
3744|Protierozní, protilavinová a protipožární ochrana
3745|Péče o vzhled obcí a veřejnou zeleň
3749|Ostatní činnosti k ochraně přírody a krajiny
3751|Konstrukce a uplatnění protihlukových zařízení (protihlukové stěny a bariéry, okna, zapouzdření strojů apod.)
3753|Monitoring ke zjišťování úrovně hluku a vibrací
3759|Ostatní činnosti k omezení hluku a vibrací
3761|Činnost ústředního orgánu státní správy v ochraně životního prostředí
3762|Činnost ostatních orgánů státní správy v ochraně životního prostředí
3769|Ostatní správa v ochraně životního prostředí
3771|Protiradonová opatření
3772|Přeprava a nakládání s vysoce radioaktivním odpadem
3773|Monitoring k zajišťování úrovně radioaktivního záření
3779|Ostatní činnosti k ochraně proti záření
3780|Výzkum životního prostředí
3791|Mezinárodní spolupráce v životním prostředí
3792|Ekologická výchova a osvěta
3793|Ekologie v dopravě
3799|Ostatní ekologické záležitosti
3801|Akademie věd České republiky
3802|Grantová agentura České republiky
3803|Technologická agentura České republiky
3809|Ostatní výzkum a vývoj odvětvově nespecifikovaný
3900|Ostatní činnosti související se službami pro obyvatelstvo
4111|Starobní důchody
4112|Invalidní důchody pro invaliditu třetího stupně
4113|Invalidní důchody pro invaliditu druhého stupně
4114|Vdovské důchody
4115|Vdovecké důchody
4116|Sirotčí důchody
4117|Invalidní důchody pro invaliditu prvního stupně
4119|Ostatní dávky důchodového pojištění
4121|Nemocenské
4122|Ošetřovné
4123|Vyrovnávací příspěvek v těhotenství a mateřství
4124|Peněžitá pomoc v mateřství
4129|Dávky nemocenského pojištění jinde nezařazené
4131|Přídavek na dítě
4132|Sociální příplatek
4133|Porodné
4134|Rodičovský příspěvek
4136|Dávky pěstounské péče
4138|Pohřebné
4141|Příspěvek na bydlení
4142|Příspěvek na školní pomůcky
4149|Dávky státní sociální podpory jinde nezařazené
4151|Odchodné
4152|Výsluhový příspěvek
4153|Úmrtné a příspěvek na pohřeb příslušníka
4154|Odbytné
4159|Ostatní sociální dávky příslušníků ozbrojených sil při skončení služebního poměru
4161|Úrazový příplatek
4162|Úrazové vyrovnání
4163|Bolestné
4164|Příspěvek za ztížení společenského uplatnění
4165|Náhrada nákladů spojených s léčením
4166|Náhrada nákladů spojených s pohřbem
4167|Jednorázový příspěvek pozůstalému
4168|Úrazová renta pozůstalého
4169|Ostatní dávky úrazového pojištění
4171|Příspěvek na živobytí
4172|Doplatek na bydlení
4173|Mimořádná okamžitá pomoc
4177|Mimořádná okamžitá pomoc osobám ohroženým sociálním vyloučením
4179|Ostatní dávky sociální pomoci
4182|Příspěvek na zvláštní pomůcky
4183|Příspěvek na úpravu a provoz bezbariérového bytu
4184|Příspěvky na zakoupení, opravu a zvláštní úpravu motorového vozidla
4185|Příspěvek na provoz motorového vozidla
4186|Příspěvek na individuální dopravu
4187|Příspěvek na mobilitu
4188|Příspěvek na zvláštní pomůcku
4189|Ostatní dávky zdravotně postiženým občanům
4191|Státní příspěvky na důchodové připojištění
4192|Úrokové příspěvky mladým manželstvím
4193|Dávky a odškodnění válečným veteránům a perzekvovaným osobám
4194|Zvýšení důchodů pro bezmocnost
4195|Příspěvek na péči
4199|Ostatní dávky povahy sociálního zabezpečení jinde nezařazené
4210|Podpory v nezaměstnanosti
4221|Rekvalifikace
4222|Veřejně prospěšné práce
4223|Společensky účelná pracovní místa
4225|Podpora zaměstnanosti zdravotně postižených občanů
4226|Ostatní podpora zaměstnanosti
4227|Cílené programy k řešení zaměstnanosti
4229|Aktivní politika zaměstnanosti jinde nezařazená
4230|Ochrana zaměstnanců při platební neschopnosti zaměstnavatelů
4240|Příspěvek zaměstnavatelům zaměstnávajícím více než 50% občanů se změněnou pracovní schopností
4250|Příspěvky na sociální důsledky restrukturalizace
4280|Výzkum a vývoj v politice zaměstnanosti
4311|Základní sociální poradenství
4312|Odborné sociální poradenství
4319|Ostatní výdaje související se sociálním poradenstvím
4324|Zařízení pro děti vyžadující okamžitou pomoc
4329|Ostatní sociální péče a pomoc dětem a mládeži
4333|Domovy-penzióny pro matky s dětmi
4334|Pečovatelská služba pro rodinu a děti
4339|Ostatní sociální péče a pomoc rodině a manželství
4341|Sociální pomoc osobám v hmotné nouzi a občanům sociálně nepřizpůsobivým
4342|Sociální péče a pomoc přistěhovalcům a vybraným etnikům
4343|Sociální pomoc osobám v souvislosti s živelní pohromou nebo požárem
4344|Sociální poradenství pro staré občany
4345|Centra sociálně rehabilitačních služeb
4349|Ostatní sociální péče a pomoc ostatním skupinám obyvatelstva
4350|Domovy pro seniory
4351|Osobní asistence, pečovatelská služba a podpora samostatného bydlení
4352|Tísňová péče
4353|Průvodcovské a předčitatelské služby
4354|Chráněné bydlení
4355|Týdenní stacionáře
4356|Denní stacionáře a centra denních služeb
4357|Domovy pro osoby se zdravotním postižením a domovy se zvláštním režimem
4358|Sociální služby poskytované ve zdravotnických zařízeních ústavní péče
4359|Ostatní služby a činnosti v oblasti sociální péče
4361|Činnost ústředního orgánu státní správy v sociálním zabezpečení, politice zaměstnanosti a rodinné politice
4362|Činnost ostatních orgánů státní správy v sociálním zabezpečení
4363|Ostatní orgány státní správy v oblasti politiky zaměstnanosti
4369|Ostatní správa v sociálním zabezpečení a politice zaměstnanosti
4371|Raná péče a sociálně aktivizační služby pro rodiny s dětmi
4372|Krizová pomoc
4373|Domy na půl cesty
4374|Azylové domy, nízkoprahová denní centra a noclehárny
4375|Nízkoprahová zařízení pro děti a mládež
4376|Služby následné péče, terapeutické komunity a kontaktní centra
4377|Sociálně terapeutické dílny
4378|Terénní programy
4379|Ostatní služby a činnosti v oblasti sociální prevence
4380|Výzkum v sociálním zabezpečení a politice zaměstnanosti
4391|Mezinárodní spolupráce v sociálním zabezpečení a podpoře zaměstnanosti
4392|Inspekce poskytování sociálních služeb
4399|Ostatní záležitosti sociálních věcí a politiky zaměstnanosti
5111|Armáda
5112|Ostatní ozbrojené síly
5113|Bezpečnostní složky ozbrojených sil
5119|Podpůrné složky ozbrojených sil
5161|Činnost ústředního orgánu státní správy ve vojenské obraně
5162|Činnost ostatních orgánů státní správy ve vojenské obraně
5169|Ostatní správa ve vojenské obraně
5171|Zabezpečení potřeb ozbrojených sil
5172|Operační příprava státního území
5179|Ostatní činnosti pro zabezpečení potřeb ozbrojených sil
5180|Výzkum a vývoj v oblasti obrany
5191|Mezinárodní spolupráce v obraně
5192|Zahraniční vojenská pomoc
5199|Ostatní záležitosti obrany
5211|Civilní ochrana-vojenská část
5212|Ochrana obyvatelstva
5219|Ostatní záležitosti ochrany obyvatelstva
5220|Hospodářská opatření pro krizové stavy
5261|Státní správa v oblasti hospodářských opatření pro krizové stavy a v oblasti krizového řízení
5262|Činnost ostatních orgánů státní správy v oblasti civilního nouzového hospodářství
5269|Ostatní správa v oblasti hospodářských opatření pro krizové stavy
5271|Činnost orgánů krizového řízení na ústřední úrovni a dalších správních úřadů v oblasti krizového řízení
5272|Činnost orgánů krizového řízení na územní úrovni a dalších územních správních úřadů v oblasti krizového řízení
5273|Ostatní správa v oblasti krizového řízení
5274|Podpora krizového řízení a nouzového plánování
5279|Záležitosti krizového řízení jinde nezařazené
5281|Výzkum a vývoj v oblasti ochrany obyvatelstva
5289|Výzkum a vývoj v oblasti krizového řízení
5291|Mezinárodní spolupráce v oblasti krizového řízení
5292|Poskytnutí vzájemné zahraniční pomoci podle mezinárodních smluv
5299|Ostatní záležitosti civilní připravenosti na krizové stavy
5311|Bezpečnost a veřejný pořádek
5316|Činnost ústředního orgánu státní správy v oblasti bezpečnosti a veřejného pořádku
5317|Hraniční přechody
5319|Ostatní záležitosti bezpečnosti a veřejného pořádku
5380|Výzkum týkající se bezpečnosti a veřejného pořádku
5391|Mezinárodní spolupráce v oblasti bezpečnosti a veřejného pořádku
5399|Ostatní záležitosti bezpečnosti,veřejného pořádku
5410|Ústavní soud
5420|Soudy
5430|Státní zastupitelství
5441|Činnost Generálního ředitelství Vězeňské služby a věznic
5442|Ostatní správa ve vězeňství
5449|Ostatní záležitosti vězeňství
5450|Činnost probační a mediační služby
5461|Činnost ústředního orgánu státní správy v oblasti právní ochrany
5462|Činnost ostatních orgánů státní správy v oblasti právní ochrany
5469|Ostatní správa v oblasti právní ochrany
5470|Kancelář Veřejného ochránce práv
5471|Kancelář finančního arbitra
5480|Výzkum v oblasti právní ochrany
5491|Mezinárodní spolupráce v oblasti právní ochrany
5499|Ostatní záležitosti právní ochrany
5511|Požární ochrana - profesionální část
5512|Požární ochrana - dobrovolná část
5517|Vzdělávací a technická zařízení požární ochrany
5519|Ostatní záležitosti požární ochrany
5521|Operační a informační střediska integrovaného záchranného systému.
5522|Ostatní činnosti v integrovaném záchranném systému
5529|Ostatní složky a činnosti integrovaného záchranného systému
5561|Činnost ústředního orgánu státní správy v požární ochraně
5562|Činnost ústředních orgánů státní správy v integrovaném záchranném systému
5563|Činnost ostatních orgánů státní správy v integrovaném záchranném systému
5580|Výzkum a vývoj v požární ochraně a integrovaném záchranném systému
5591|Mezinárodní spolupráce v oblasti požární ochrany a integrovaném záchranném systému
5592|Poskytnutí vzájemné zahraniční pomoci podle mezinárodních smluv
5599|Ostatní záležitosti požární ochrany a integrovaného záchranného systému
6111|Parlament
6112|Zastupitelstva obcí
6113|Zastupitelstva krajů
6114|Volby do Parlamentu ČR
6115|Volby do zastupitelstev územních samosprávných celků
6116|Celostátní referendum
6117|Volby do Evropského parlamentu
6118|Volba prezidenta republiky
6119|Ostatní zastupitelské orgány a volby
6120|Kancelář prezidenta republiky
6130|Nejvyšší kontrolní úřad
6141|Ústřední orgány vnitřní státní správy a jejich dislokovaná pracoviště (nezařazené v jiných funkcích)
6142|Finanční správa
6143|Celní správa
6145|Úřad vlády
6146|Český statistický úřad
6148|Plánování a statistika
6149|Ostatní všeobecná vnitřní správa jinde nezařazená
6151|Činnost ústředního orgánu státní správy v zahraniční službě
6152|Zastupitelství a stálé mise ČR v zahraničí
6153|Ostatní účast v mezinárodních vládních organizacích
6159|Zahraniční služba a záležitosti jinde nezařazené
6171|Činnost místní správy
6172|Činnost regionální správy
6173|Místní referendum
6174|Činnost regionálních rad
6180|Výzkum ve státní správě a samosprávě
6190|Politické strany a hnutí
6211|Archivní činnost
6219|Ostatní veřejné služby jinde nezařazené.
6221|Humanitární zahraniční pomoc přímá
6222|Rozvojová zahraniční pomoc
6223|Mezinárodní spolupráce (jinde nezařazená)
6224|Humanitární zahraniční pomoc poskytovaná prostřednictvím mezinárodních organizací
6229|Ostatní zahraniční pomoc
6310|Obecné příjmy a výdaje z finančních operací
6320|Pojištění funkčně nespecifikované
6330|Převody vlastním fondům v rozpočtech územní úrovně
6391|Soudní a mimosoudní rehabilitace
6399|Ostatní finanční operace
6401|Transfery všeobecné povahy jiným úrovním vlády
6402|Finanční vypořádání minulých let
6409|Ostatní činnosti jinde nezařazené`;
