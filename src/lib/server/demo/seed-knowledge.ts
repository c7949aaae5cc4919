import type { Transaction } from 'kysely';
import { strToU8, zipSync } from 'fflate';
import type { Database, FindingSeverity, FindingSource, FindingStatus } from '../db/schema';
import { extractText } from '../knowledge/extract';
import { DOCUMENT_TYPES } from '../knowledge/file-type';
import { addDays } from '../programme/milestone-status';
import type { SeedContext } from './seed';

type Trx = Transaction<Database>;

interface DemoDocument {
	title: string;
	description: string;
	owner: string;
	confidential?: boolean;
	/** days from the seeding day */
	validFrom: number;
	reviewDate: number;
	processes: string[];
	subcriteria: string[];
	/** the file's versions, oldest first: name, days from the seeding day, paragraphs */
	files: [string, number, string[]][];
}

// The office's regulations, process descriptions and an audit report, each a small DOCX whose
// text the knowledge base extracts as it does for an upload.
const DOCUMENTS: DemoDocument[] = [
	{
		title: 'Spisový a skartační řád',
		description: 'Směrnice tajemníka o přijímání, evidenci, oběhu a vyřazování dokumentů.',
		owner: 'garant',
		validFrom: -700,
		// past its review date: the owner sees it in /my
		reviewDate: -20,
		processes: ['P-SPS'],
		subcriteria: ['4.4'],
		files: [
			[
				'spisovy-rad-2024.docx',
				-700,
				[
					'Spisový a skartační řád města',
					'Podatelna přijímá dokumenty v listinné podobě i datovou schránkou a eviduje je v elektronické spisové službě.',
					'Skartační řízení se koná jednou za dva roky podle skartačního plánu.'
				]
			],
			[
				'spisovy-rad-2025.docx',
				-380,
				[
					'Spisový a skartační řád města',
					'Podatelna přijímá dokumenty v listinné podobě, datovou schránkou a elektronickou poštou s uznávaným podpisem a eviduje je v elektronické spisové službě.',
					'Každý dokument dostane při zaevidování číslo jednací a spisový znak podle spisového plánu.',
					'Skartační řízení se koná každý rok; návrh připraví spisovna do konce března a posoudí ho Státní okresní archiv.'
				]
			]
		]
	},
	{
		title: 'Směrnice o oběhu účetních dokladů',
		description: 'Kdo doklady vystavuje, schvaluje a zaúčtuje; podpisové vzory a lhůty.',
		owner: 'tajemnik',
		validFrom: -500,
		reviewDate: 180,
		processes: ['P-ROZ', 'P-POK'],
		subcriteria: ['4.3'],
		files: [
			[
				'obeh-dokladu.docx',
				-500,
				[
					'Směrnice o oběhu účetních dokladů',
					'Příkazce operace schvaluje výdaj před vznikem závazku, správce rozpočtu ověří, že je na něj v rozpočtu krytí.',
					'Faktury se zaúčtují do pěti pracovních dnů od doručení; pokladní doklady týž den.',
					'Podpisové vzory vede finanční odbor a aktualizuje je při každé změně ve funkcích.'
				]
			]
		]
	},
	{
		title: 'Popis procesu: Stavební řízení',
		description: 'Kroky, lhůty a odpovědnosti stavebního řízení od žádosti po rozhodnutí.',
		owner: 'garant',
		validFrom: -300,
		reviewDate: 60,
		processes: ['P-SR'],
		subcriteria: ['5.1'],
		files: [
			[
				'popis-stavebni-rizeni.docx',
				-300,
				[
					'Popis procesu: Stavební řízení',
					'Žádost o povolení stavby přijme podatelna a předá ji referentovi stavebního úřadu.',
					'Referent ověří úplnost žádosti, vyzve k doplnění a oznámí zahájení řízení účastníkům.',
					'Rozhodnutí se vydá do šedesáti dnů od zahájení řízení; lhůty sleduje vedoucí odboru.'
				]
			]
		]
	},
	{
		title: 'Popis procesu: Správa místních poplatků',
		description: 'Předpis, výběr a vymáhání poplatku za odpady a ze psů.',
		owner: 'garant',
		validFrom: -250,
		reviewDate: 110,
		processes: ['P-POP', 'P-ODP'],
		subcriteria: ['5.1', '5.2'],
		files: [
			[
				'popis-mistni-poplatky.docx',
				-250,
				[
					'Popis procesu: Správa místních poplatků',
					'Poplatek za obecní systém odpadového hospodářství se předepisuje každému poplatníkovi k 1. lednu.',
					'Platby přicházejí převodem s variabilním symbolem nebo v pokladně; nezaplacené poplatky se po splatnosti upomínají.',
					'Platební výměr vydá správce poplatku, když poplatník nezaplatí ani po upomínce.'
				]
			]
		]
	},
	{
		title: 'Zpráva z interního auditu spisové služby a pokladny',
		description: 'Interní audit za minulý rok: zjištění a doporučená nápravná opatření.',
		owner: 'tajemnik',
		validFrom: -90,
		reviewDate: 275,
		processes: ['P-SPS', 'P-POK'],
		subcriteria: ['4.4', '4.3'],
		files: [
			[
				'zprava-interni-audit.docx',
				-90,
				[
					'Zpráva z interního auditu',
					'Auditor prověřil spisovou službu a pokladnu v období leden až prosinec.',
					'Zjištění: skartační řízení neproběhlo v roce, kdy mělo; pokladní limit byl dvakrát překročen bez schválení; podpisové vzory nebyly aktuální.',
					'Doporučení: naplánovat skartační řízení, upravit pokladní limit směrnicí a aktualizovat podpisové vzory.'
				]
			]
		]
	},
	{
		title: 'Bezpečnostní politika informačních systémů',
		description: 'Pravidla přístupu, zálohování a hlášení kybernetických incidentů.',
		owner: 'tajemnik',
		confidential: true,
		validFrom: -400,
		reviewDate: 330,
		processes: ['P-KB', 'P-IT'],
		subcriteria: ['4.5'],
		files: [
			[
				'bezpecnostni-politika.docx',
				-400,
				[
					'Bezpečnostní politika informačních systémů',
					'Přístup do agendových systémů se přiděluje podle role a odebírá v den odchodu zaměstnance.',
					'Zálohy se pořizují denně a jednou týdně se ukládají mimo budovu úřadu.',
					'Kybernetický incident hlásí uživatel ihned správci IT, který ho vyhodnotí a zapíše.'
				]
			]
		]
	}
];

interface DemoFinding {
	title: string;
	description: string;
	source: FindingSource;
	severity: FindingSeverity;
	process: string;
	owner: string;
	correctiveAction: string;
	/** days from the seeding day */
	due: number;
	status: FindingStatus;
	closureEvidence?: string;
}

// What the internal audit and the external review found, each tied to its process.
const FINDINGS: DemoFinding[] = [
	{
		title: 'Skartační řízení neproběhlo v plánovaném roce',
		description: 'Ve spisovně jsou dokumenty, jejichž skartační lhůta uplynula před dvěma lety.',
		source: 'system_audit',
		severity: 'high',
		process: 'P-SPS',
		owner: 'garant',
		correctiveAction: 'Připravit návrh skartačního řízení a předložit ho archivu.',
		due: 45,
		status: 'open'
	},
	{
		title: 'Pokladní limit překročen bez schválení',
		description: 'Zůstatek pokladny dvakrát přesáhl limit stanovený směrnicí.',
		source: 'system_audit',
		severity: 'medium',
		process: 'P-POK',
		owner: 'ekonom',
		correctiveAction: 'Upravit pokladní limit směrnicí a odvádět hotovost na účet každý pátek.',
		due: 20,
		status: 'in_progress'
	},
	{
		title: 'Podpisové vzory nebyly aktuální',
		description: 'Podpisové vzory neodpovídaly změnám ve funkcích příkazců operací.',
		source: 'system_audit',
		severity: 'low',
		process: 'P-ROZ',
		owner: 'ekonom',
		correctiveAction: 'Aktualizovat podpisové vzory a kontrolovat je při každé personální změně.',
		due: -30,
		status: 'closed',
		closureEvidence: 'Aktualizované podpisové vzory schválené tajemníkem'
	},
	{
		title: 'Lhůty stavebního řízení se nesledují',
		description: 'Krajský úřad při kontrole zjistil tři řízení vedená po zákonné lhůtě.',
		source: 'external_audit',
		severity: 'high',
		process: 'P-SR',
		owner: 'garant',
		correctiveAction: 'Sledovat lhůty řízení v přehledu vedoucího odboru každý týden.',
		due: -5,
		status: 'in_progress'
	},
	{
		title: 'Zálohy registru vozidel se neukládají mimo budovu',
		description: 'Týdenní záloha zůstávala na serveru ve stejné místnosti.',
		source: 'external_audit',
		severity: 'medium',
		process: 'P-IT',
		owner: 'projekt',
		correctiveAction: 'Ukládat týdenní zálohu do datového centra kraje.',
		due: 75,
		status: 'open'
	}
];

/** A DOCX holding the paragraphs (XML-escaped); its entries dated `day`, so the bytes repeat. */
function docx(paragraphs: string[], day: string): Uint8Array {
	const w = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
	const escape = (s: string) =>
		s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
	const body = paragraphs.map((p) => `<w:p><w:r><w:t>${escape(p)}</w:t></w:r></w:p>`).join('');
	return zipSync(
		{
			'[Content_Types].xml': strToU8(
				'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
			),
			'_rels/.rels': strToU8(
				'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
			),
			'word/document.xml': strToU8(
				`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${w}"><w:body>${body}</w:body></w:document>`
			)
		},
		{ mtime: new Date(`${day}T09:00:00Z`) }
	);
}

/**
 * The demo town's knowledge base: regulations, process descriptions, an audit report and a
 * confidential security policy (DOCX, text extracted as on upload), linked to processes and CAF
 * subcriteria; the rules of records management are past their review date, so its owner (the
 * process owner, garant) sees it in /my. The findings register holds what the audits found, each
 * tied to its process: open, in progress (one overdue) and one closed with its evidence.
 * Relative to the seeding day.
 */
export async function seedKnowledge(trx: Trx, ctx: SeedContext): Promise<void> {
	const u = ctx.userIds;
	const rel = (days: number) => addDays(ctx.today, days);
	const processes = await trx.selectFrom('process').select(['id', 'code']).execute();
	const processId = (code: string) => {
		const p = processes.find((x) => x.code === code);
		if (!p) throw new Error(`demo knowledge: no process ${code}`);
		return p.id;
	};

	for (const d of DOCUMENTS) {
		const at = (days: number) => new Date(`${rel(days)}T09:00:00Z`);
		const files = d.files.map(([fileName, days, paragraphs]) => ({
			fileName,
			days,
			bytes: docx(paragraphs, rel(days))
		}));
		const current = files[files.length - 1];
		const text = await extractText('docx', current.bytes);
		if (!text) throw new Error(`demo knowledge: no text in ${current.fileName}`);
		const doc = await trx
			.insertInto('document')
			.values({
				title: d.title,
				description: d.description,
				owner_user_id: u[d.owner],
				confidential: d.confidential ?? false,
				valid_from: rel(d.validFrom),
				valid_to: null,
				review_date: rel(d.reviewDate),
				body_text: text,
				created_at: at(files[0].days),
				updated_at: at(current.days),
				version: files.length
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await trx
			.insertInto('document_file')
			.values(
				files.map((f, i) => ({
					document_id: doc.id,
					number: i + 1,
					file_name: f.fileName,
					mime_type: DOCUMENT_TYPES.docx.mime,
					size: f.bytes.length,
					content: f.bytes,
					text_extracted: true,
					uploaded_by: u[d.owner],
					uploaded_at: at(f.days)
				}))
			)
			.execute();
		await trx
			.insertInto('document_link')
			.values([
				...d.processes.map((code) => ({ document_id: doc.id, process_id: processId(code) })),
				...d.subcriteria.map((code) => ({ document_id: doc.id, subcriterion_code: code }))
			])
			.execute();
	}

	await trx
		.insertInto('audit_finding')
		.values(
			FINDINGS.map((f) => ({
				title: f.title,
				description: f.description,
				source: f.source,
				severity: f.severity,
				process_id: processId(f.process),
				owner_user_id: u[f.owner],
				corrective_action: f.correctiveAction,
				due_date: rel(f.due),
				closure_evidence: f.closureEvidence ?? null,
				status: f.status,
				created_at: new Date(`${rel(-85)}T10:00:00Z`),
				updated_at: new Date(`${rel(-85)}T10:00:00Z`)
			}))
		)
		.execute();
}
