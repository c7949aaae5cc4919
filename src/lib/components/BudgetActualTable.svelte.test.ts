import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import { m } from '$lib/paraglide/messages';
import BudgetActualTable, { type BudgetActualRow } from './BudgetActualTable.svelte';

const digits = (s: string | null) => (s ?? '').replace(/[^\d-−]/g, '').replace('−', '-');
const cells = (row: ReturnType<typeof page.getByRole>) =>
	row
		.getByRole('cell')
		.elements()
		.map((c) => digits(c.textContent));

describe('BudgetActualTable', () => {
	it('shows budget, actual, the difference and the share drawn, formatted from haléře', async () => {
		await render(BudgetActualTable, {
			label: 'Podle povahy',
			head: 'Povaha',
			difference: true,
			rows: [
				// 0.1 + 0.2 as a float would not be 0.3: the sums are haléře, exact.
				{ key: 'fixed', label: 'Fixní', budget: 1_000_000_00n, actual: 850_000_50n },
				{ key: 'none', label: 'Bez rozpočtu', budget: 0n, actual: 12_000_00n }
			]
		});
		const region = page.getByRole('region', { name: 'Podle povahy' });
		await expect.element(region).toHaveAttribute('tabindex', '0');
		for (const name of [m.budget(), m.actual(), m.difference(), m.spend()]) {
			await expect.element(region.getByRole('columnheader', { name })).toBeInTheDocument();
		}
		const fixed = region
			.getByRole('row')
			.filter({ has: page.getByRole('rowheader', { name: 'Fixní' }) });
		await expect.element(fixed).toBeInTheDocument();
		// 850 000,50 Kč shows as 850 001 whole crowns; the difference (−149 999,50 Kč) is taken in
		// haléře and only then rounded, to −150 000.
		expect(cells(fixed)).toEqual(['1000000', '850001', '-150000', '850']);
		await expect.element(fixed.getByRole('cell').last()).toHaveTextContent(/85[,.]0\s?%/);
		// Nothing budgeted: no percentage drawn, not Infinity.
		const none = region.getByRole('row').filter({ hasText: 'Bez rozpočtu' });
		await expect.element(none.getByRole('cell').last()).toHaveTextContent('—');
	});

	it('has a detail column, an empty note and a custom row header', async () => {
		const r = await render(BudgetActualTable, {
			label: 'Podle položek',
			head: 'Položka',
			detailHead: 'Název',
			empty: 'Žádná data',
			rows: []
		});
		await expect
			.element(page.getByRole('cell', { name: 'Žádná data' }))
			.toHaveAttribute('colspan', '5');
		await r.unmount();
		// A row may carry more than the table shows, for its header to use.
		type UnitRow = BudgetActualRow & { code: string };
		const units: UnitRow[] = [
			{ key: 1, label: 'OF – odbor finanční', budget: 0n, actual: 0n, code: 'OF' }
		];
		await render(BudgetActualTable, {
			label: 'Podle útvarů',
			head: 'Útvar',
			rows: units,
			rowHeader: createRawSnippet((row: () => BudgetActualRow) => ({
				render: () =>
					`<span>${row().label} <a href="/costs/mappings">${(row() as UnitRow).code}</a></span>`
			}))
		});
		await expect
			.element(page.getByRole('rowheader').getByRole('link', { name: 'OF' }))
			.toHaveAttribute('href', '/costs/mappings');
	});

	it('sums up in a total row with its own share drawn, as a plain table on a report', async () => {
		await render(BudgetActualTable, {
			label: 'Čerpání',
			head: 'Opatření',
			headers: { budget: 'Rozpočet roku', actual: 'Čerpáno', drawn: '%' },
			digits: 0,
			scroll: false,
			rows: [{ key: 'Z1', label: 'Z1 Portál', budget: 200_000_00n, actual: 50_000_00n }],
			total: { label: 'Celkem', budget: 300_000_00n, actual: 100_000_00n }
		});
		expect(page.getByRole('region').elements()).toHaveLength(0);
		await expect
			.element(page.getByRole('columnheader', { name: 'Rozpočet roku' }))
			.toBeInTheDocument();
		const total = page
			.getByRole('row')
			.filter({ has: page.getByRole('rowheader', { name: 'Celkem' }) });
		expect(cells(total)).toEqual(['300000', '100000', '33']);
		await expect.element(total.getByRole('strong').first()).toHaveTextContent(/300[\s,.]?000/);
	});
});
