import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import * as costs from '$lib/server/costs/costs.service';
import * as drillService from '$lib/server/costs/drill.service';
import { parseDrill } from '$lib/server/costs/drill-query';
import { can } from '$lib/server/auth/permissions';
import {
	exportResponse,
	parseExportFormat,
	type ExportTable
} from '$lib/server/export/table-export';
import { ratio } from '$lib/money';
import { m } from '$lib/paraglide/messages';
import { entryKindLabels, natureLabels } from '$lib/status-labels';
import type { CostNature } from '$lib/server/db/schema';
import { getLocale } from '$lib/paraglide/runtime';
import { queryId, yearParam } from '$lib/server/shared/http';
import { currentYear } from '$lib/server/shared/clock';
import type { RequestHandler } from './$types';

/** Every table of the costs pages as CSV or XLSX: `/costs/export/units?year=2026&format=xlsx`. */
export const GET: RequestHandler = async ({ params, url }) => {
	const user = requireUser();
	const format = parseExportFormat(url.searchParams.get('format'));
	if (!format) error(400, { message: 'format must be csv or xlsx' });
	const db = getDb();
	const year = yearParam(url, currentYear());
	const nature = (n: CostNature) => natureLabels[n]();
	const budgetActual = [
		{ header: m.budget(), kind: 'money' as const },
		{ header: m.actual(), kind: 'money' as const },
		{ header: m.spend(), kind: 'percent' as const }
	];
	let table: ExportTable;
	switch (params.table) {
		case 'nature': {
			const s = await costs.yearSummary(db, year);
			table = {
				name: `naklady-${year}-povaha`,
				title: m.costs_by_nature(),
				columns: [{ header: m.costs_nature() }, ...budgetActual],
				rows: costs.NATURES.map((n) => [
					nature(n),
					s.totals[n].budget,
					s.totals[n].actual,
					ratio(s.totals[n].actual, s.totals[n].budget)
				])
			};
			break;
		}
		case 'units': {
			const s = await costs.yearSummary(db, year);
			table = {
				name: `naklady-${year}-utvary`,
				title: m.costs_by_unit(),
				columns: [{ header: m.costs_org_unit_code() }, { header: m.org_unit() }, ...budgetActual],
				rows: s.byOrgUnit.map((u) => [
					u.code,
					u.name,
					u.budget,
					u.actual,
					ratio(u.actual, u.budget)
				])
			};
			break;
		}
		case 'categories': {
			const s = await costs.yearSummary(db, year);
			table = {
				name: `naklady-${year}-polozky`,
				title: m.costs_by_category(),
				columns: [{ header: m.polozka() }, { header: m.name() }, ...budgetActual],
				rows: s.byCategory.map((c) => [
					c.polozka,
					c.name,
					c.budget,
					c.actual,
					ratio(c.actual, c.budget)
				])
			};
			break;
		}
		case 'share': {
			const rows = await costs.investmentShare(db, [year - 2, year - 1, year]);
			table = {
				name: `podil-investic-${year}`,
				title: m.costs_investment_share_years(),
				columns: [
					{ header: m.year(), kind: 'number' },
					{ header: m.costs_nature_fixed(), kind: 'money' },
					{ header: m.costs_nature_variable(), kind: 'money' },
					{ header: m.improvement_investment(), kind: 'money' },
					{ header: m.costs_nature_capital(), kind: 'money' },
					{ header: m.total(), kind: 'money' },
					{ header: m.investment_share(), kind: 'percent' }
				],
				rows: rows.map((r) => [
					r.year,
					r.fixed,
					r.variable,
					r.investment,
					r.capital,
					r.total,
					r.share
				])
			};
			break;
		}
		case 'processes': {
			const rows = await costs.processCosts(db, year);
			table = {
				name: `naklady-procesu-${year}`,
				title: m.costs_process_costs(),
				columns: [
					{ header: m.costs_process_code() },
					{ header: m.process() },
					{ header: m.direct_costs(), kind: 'money' },
					{ header: m.allocated_overhead(), kind: 'money' },
					{ header: m.full_cost(), kind: 'money' },
					{ header: m.costs_volume(), kind: 'number' },
					{ header: m.costs_unit_cost(), kind: 'money' }
				],
				rows: rows.map((p) => [
					p.code,
					p.name,
					p.direct,
					p.allocated,
					p.fullCost,
					p.volume,
					p.unitCost
				])
			};
			break;
		}
		case 'entries': {
			const batch = queryId(url, 'batch');
			// A public export never names a private person; otherwise only names.read sees them.
			const names = url.searchParams.get('public') !== '1' && can(user.role, 'names.read');
			const drill = parseDrill(url.searchParams, year);
			const kind = url.searchParams.get('kind') ? drill.kind : null;
			const rows = await drillService.entries(
				db,
				{ ...drill, kind, batchId: batch, limit: 200_000 },
				names
			);
			table = {
				name: `ucetni-zaznamy-${year}`,
				title: m.costs_tab_entries(),
				columns: [
					{ header: m.month() },
					{ header: m.kind() },
					{ header: m.polozka() },
					{ header: m.costs_paragraf() },
					{ header: m.costs_org_unit_code() },
					{ header: m.costs_nature() },
					{ header: m.amount(), kind: 'money' },
					{ header: m.costs_process_code() },
					{ header: m.costs_initiative() },
					{ header: m.text() },
					{ header: m.costs_batch() },
					{ header: m.drill_document() },
					{ header: m.costs_field_date() },
					{ header: m.drill_counterparty() },
					{ header: m.drill_ico() },
					{ header: m.drill_file_row() }
				],
				rows: rows.map((e) => [
					e.month.slice(0, 7),
					entryKindLabels[e.kind](),
					e.polozka,
					e.paragraf,
					e.unit_code,
					nature(e.nature),
					e.amount,
					e.process_code,
					e.initiative_code,
					e.text,
					e.batch_id,
					e.document,
					e.entry_date,
					e.counterparty.hidden ? m.drill_private_person() : e.counterparty.name,
					e.counterparty.ico,
					e.file_name ? `${e.file_name}${e.source_line ? `:${e.source_line}` : ''}` : null
				])
			};
			break;
		}
		default:
			error(404, { message: 'unknown table' });
	}
	return exportResponse(table, format, getLocale() === 'en' ? 'en' : 'cs');
};
