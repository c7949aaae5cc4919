import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import { formatPercent } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import CostStructure from './CostStructure.svelte';

const years = [
	{
		year: 2025,
		fixed: 4_000_000_049n, // 40 000 000,49 Kč: rounds down to whole crowns
		variable: 1_500_000_050n, // 15 000 000,50 Kč: rounds up
		investment: 500_000_000n,
		capital: 200_000_000n,
		total: 6_200_000_099n,
		investmentShare: 0.0833
	},
	{
		year: 2024,
		fixed: 0n,
		variable: 0n,
		investment: 0n,
		capital: 0n,
		total: 0n,
		investmentShare: null
	}
];
const digits = (s: string | null) => (s ?? '').replace(/\D/g, '');

describe('CostStructure', () => {
	it('shows each year as a row of whole crowns with its investment share', async () => {
		await render(CostStructure, { years, label: 'Struktura nákladů', chartTestid: 'chart' });
		const region = page.getByRole('region', { name: 'Struktura nákladů' });
		const row = region.getByRole('row').filter({ hasText: '2025' });
		await expect.element(row).toBeInTheDocument();
		const cells = row.getByRole('cell').elements();
		expect(cells.map((c) => digits(c.textContent))).toEqual([
			'40000000',
			'15000001',
			'5000000',
			'2000000',
			'62000001',
			digits(formatPercent(0.0833))
		]);
		await expect.element(row.getByRole('cell').last()).toHaveTextContent(formatPercent(0.0833));
		// A year with nothing spent has no share, not 0 %.
		await expect
			.element(region.getByRole('row').filter({ hasText: '2024' }).getByRole('cell').last())
			.toHaveTextContent('—');
		await expect.element(region.getByRole('columnheader', { name: m.total() })).toBeInTheDocument();
		await expect.element(page.getByTestId('chart')).toHaveAttribute('data-ready', 'true');
		await expect
			.element(page.getByRole('img', { name: m.overview_cost_structure_label() }))
			.toBeInTheDocument();
	});

	it('leaves out the total column when asked, and folds the table under a disclosure', async () => {
		await render(CostStructure, { years, label: 'Náklady', total: false, folded: true });
		await expect.element(page.getByText(m.overview_as_table())).toBeInTheDocument();
		const region = page.getByRole('region', { name: 'Náklady', includeHidden: true });
		expect(region.getByRole('columnheader', { includeHidden: true }).elements()).toHaveLength(6);
		expect(page.getByRole('region', { name: 'Náklady' }).elements()).toHaveLength(0);
		await page.getByText(m.overview_as_table()).click();
		await expect.element(page.getByRole('region', { name: 'Náklady' })).toBeVisible();
	});

	it('prints a plain table (no scrolling box) on a report', async () => {
		await render(CostStructure, { years, label: 'Náklady', scroll: false });
		await expect.element(page.getByRole('table')).toBeInTheDocument();
		expect(page.getByRole('region').elements()).toHaveLength(0);
	});
});
