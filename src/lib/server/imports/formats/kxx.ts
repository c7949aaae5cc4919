import type { AdapterResult, EntryKind } from '../source-row';
import { amountFromDebitCredit, MAX_AMOUNT } from './amount';
import { monthFromParts } from './dates';
import { LIMITS } from '../types';
import { decodeText, looksBinary } from './encoding';
import {
	classifyPolozka,
	firstLine,
	unpadCode,
	normalizeParagraf,
	ResultBuilder,
	type AdapterOptions
} from './common';

/**
 * KXX, the fixed-width interchange format of Czech municipal accounting (GINIS, and budgets from
 * VERA and others), Windows-1250, CRLF or LF. Record types by their first three characters:
 *
 * - `5/@` file header: IČO (8–10 digits), `00`, month, `000`, licence code;
 * - `6/@` section header: IČO, month, document type, ` `, input identifier, ` `, year. Document
 *   types: 00 ordinary month (actuals), 02 approved budget and 03 budget changes (both budget); the
 *   others (01 opening balances, 04/05 closing entries, 06 budget blocking, …) are not ledger lines;
 * - `G/@` one balance line, 109 characters: `G/@`, day (2), document number (9), `000`, synthetic
 *   account (3), analytic account (4), chapter (2), paragraf (6, right-aligned), položka (4), record
 *   unit (3), účelový znak (9), ORJ (10), ORG (13), debit (18 digits, haléře), sign, credit (18),
 *   sign. A sign is ` ` (positive), `-` or `c`/`C` (negative: `c` marks a red reversal, červené
 *   storno, which public parsers read as a minus);
 * - `G/$` text of the balance line before it; `G/#` document text, plain or `*KEY-value;` pairs
 *   (`*IC-`, `*DICT-` partner, `*EVKT-` description, `*EVK-KDF-…` invoice keys).
 *
 * Only balance lines with a položka are budget lines; the others (accounts 0xx–7xx without one,
 * technical položky of classes 0, 7 and 9) are counted as ignored.
 */
const G_LINE =
	/^G\/@(\d{2})(.{9})(.{3})(\d{3})([\d ]{4})(\d{2})(\d{6})(\d{4})(\d{3})(\d{9})(\d{10})(\d{13})(\d{18})([ cC-])(\d{18})([ cC-])$/;
const SECTION = /^6\/@(\d{8,10})(\d{2})(\d{2}) (\d) (\d{4})\s*$/;
const HEADER = /^5\/@(\d{8,10})00(\d{2})000(\S{4})\s*$/;
const TEXT_LINE = /^G\/[$#](\d{4})(.{9})(.*)$/;

export const KXX_DOCUMENT_TYPES: Record<string, EntryKind> = {
	'00': 'actual',
	'02': 'budget',
	'03': 'budget'
};

interface Section {
	month: string | null;
	kind: EntryKind | null;
	index: number;
}

interface DocText {
	evkt: string | null;
	plain: string | null;
}

function signed(digits: string, sign: string): bigint {
	const value = BigInt(digits);
	return sign === ' ' ? value : -value;
}

/** `*KEY-value;*KEY-value;` pairs of a `G/#` line (values may hold `-`). */
export function kxxPairs(text: string): Record<string, string> {
	const pairs: Record<string, string> = {};
	for (const part of text.split(/;\s*(?=\*)/)) {
		const m = /^\*([A-Z0-9]+)-(.*?);?\s*$/.exec(part.trim());
		if (m) pairs[m[1]] = m[2];
	}
	return pairs;
}

/** True when the text starts like a KXX file (the first non-blank line is a KXX record). */
export function looksLikeKxx(text: string): boolean {
	const first = text
		.replace(/^\ufeff/, '')
		.split(/\r\n|\n|\r/)
		.find((l) => l.trim() !== '');
	return !!first && /^[56G]\/[@$#]/.test(first);
}

export function parseKxx(bytes: Uint8Array, options: AdapterOptions = {}): AdapterResult {
	const b = new ResultBuilder('kxx');
	if (looksBinary(bytes)) {
		b.error(0, 'imports_error_binary_file', 'file');
		return b.result();
	}
	const { text, encoding } = decodeText(bytes, options.encoding ?? 'auto');
	if (text.trim() === '') {
		b.error(0, 'imports_error_empty_file', 'file');
		return b.result(encoding);
	}
	if (!looksLikeKxx(text)) {
		b.error(0, 'imports_error_kxx_not_kxx', 'file');
		return b.result(encoding);
	}

	const lines = text.split(/\r\n|\n|\r/);
	let fileIco: string | null = null;
	let section: Section | null = null;
	let sectionCount = 0;
	const noSection = { count: 0, line: 0 };
	/** Rows added so far → key of their document, for texts that follow them. */
	const rowDocs: string[] = [];
	const docTexts = new Map<string, DocText>();
	/** The row made from the last `G/@` line, for the `G/$` text that follows it; -1 when none. */
	let lastRow = -1;

	for (let i = 0; i < lines.length; i++) {
		const lineNo = i + 1;
		// DOS exports may end with Ctrl-Z; editors may strip the trailing blank sign.
		let line = lines[i].split('\u001a').join('');
		if (line.trim() === '') continue;
		const type = line.slice(0, 3);

		if (type === '5/@') {
			const m = HEADER.exec(line);
			if (m) fileIco = m[1];
			else b.warn(lineNo, 'imports_warning_kxx_header');
			continue;
		}

		if (type === '6/@') {
			sectionCount++;
			lastRow = -1;
			const m = SECTION.exec(line);
			if (!m) {
				b.error(lineNo, 'imports_error_kxx_section');
				section = { month: null, kind: null, index: sectionCount };
				continue;
			}
			const [, ico, monthText, docType, , yearText] = m;
			if (fileIco && ico !== fileIco) {
				b.warn(lineNo, 'imports_warning_kxx_ico', undefined, { ico, fileIco });
			}
			const kind = KXX_DOCUMENT_TYPES[docType] ?? null;
			// A yearly budget may carry month 00; the ledger files it under January.
			const month = monthFromParts(
				kind === 'budget' && monthText === '00' ? 1 : monthText,
				yearText
			);
			if (!kind) {
				b.warn(lineNo, 'imports_warning_kxx_section_skipped', undefined, { type: docType });
			} else if (!month) {
				b.error(lineNo, 'imports_error_kxx_period', undefined, {
					month: monthText,
					year: yearText
				});
			}
			section = { month, kind, index: sectionCount };
			continue;
		}

		if (type === 'G/@') {
			b.rowsRead++;
			if (b.rowsRead > LIMITS.maxRows) {
				// The one row limit of every format: stop reading, read.ts refuses the file.
				b.error(0, 'costs_err_too_many_rows', 'file', { max: LIMITS.maxRows });
				return b.result(encoding);
			}
			lastRow = -1;
			if (line.length > 109 && line.slice(109).trim() === '') line = line.slice(0, 109);
			if (line.length === 108) line += ' ';
			if (!section) {
				// A whole-file problem: one message with the count, at the first such line.
				if (!noSection.count++) noSection.line = lineNo;
				continue;
			}
			const m = G_LINE.exec(line);
			if (!m) {
				b.error(lineNo, 'imports_error_kxx_layout', undefined, { length: line.length });
				continue;
			}
			const docKey = `${section.index}:${m[2].trim()}`;
			// Lines of a skipped or broken section are not imported (its header carries the message).
			if (!section.kind || !section.month) {
				b.ignored++;
				continue;
			}
			const polozka = m[8];
			const cls = classifyPolozka(polozka);
			if (cls === 'other') {
				b.ignored++;
				continue;
			}
			const paragraf = normalizeParagraf(m[7]);
			if (paragraf === undefined && cls === 'expenditure') {
				b.error(lineNo, 'imports_error_paragraf_invalid', 'paragraf', { value: m[7] });
				continue;
			}
			const amount = amountFromDebitCredit(polozka, signed(m[13], m[14]), signed(m[15], m[16]));
			if (amount > MAX_AMOUNT || amount < -MAX_AMOUNT) {
				b.error(lineNo, 'imports_error_amount_too_large', 'amount', { value: String(amount) });
				continue;
			}
			const before = b.rows.length;
			b.add({
				line: lineNo,
				kind: section.kind,
				month: section.month,
				amount,
				polozka,
				paragraf: paragraf ?? null,
				orj: unpadCode(m[11]),
				org: unpadCode(m[12]),
				uz: unpadCode(m[10]),
				text: null
			});
			if (b.rows.length > before) {
				rowDocs[before] = docKey;
				lastRow = before;
			}
			continue;
		}

		if (type === 'G/$' || type === 'G/#') {
			const m = TEXT_LINE.exec(line);
			if (!m || !section) {
				b.warn(lineNo, 'imports_warning_kxx_text');
				continue;
			}
			const docKey = `${section.index}:${m[2].trim()}`;
			if (type === 'G/$') {
				// The text of the balance line just before it, when that line became a row.
				if (lastRow >= 0 && rowDocs[lastRow] === docKey && !b.rows[lastRow].text) {
					b.rows[lastRow].text = firstLine(m[3]);
				}
				continue;
			}
			const doc = docTexts.get(docKey) ?? { evkt: null, plain: null };
			const content = m[3].trim();
			if (content.startsWith('*')) {
				const pairs = kxxPairs(content);
				if (pairs.EVKT && !doc.evkt) doc.evkt = firstLine(pairs.EVKT);
			} else if (!doc.plain) {
				doc.plain = firstLine(content);
			}
			docTexts.set(docKey, doc);
			continue;
		}

		b.error(lineNo, 'imports_error_kxx_unknown_line', undefined, { start: line.slice(0, 12) });
	}

	if (noSection.count) {
		b.error(noSection.line, 'imports_error_kxx_no_section', 'file', { count: noSection.count });
	}
	if (sectionCount === 0 && b.rowsRead === 0) b.error(0, 'imports_error_no_data', 'file');

	// Document texts arrive after the document's balance lines: fill the rows still without text.
	b.rows.forEach((row, index) => {
		if (row.text) return;
		const doc = docTexts.get(rowDocs[index]);
		if (doc) row.text = doc.evkt ?? doc.plain;
	});
	return b.result(encoding);
}
