import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import DataTable from './DataTable.svelte';

type Row = { id: number; name: string; amount: string };
const rows: Row[] = [
	{ id: 1, name: 'Podatelna', amount: '1 200 Kč' },
	{ id: 2, name: 'Matrika', amount: '800 Kč' }
];
const tr = createRawSnippet((r: () => Row) => ({
	render: () => `<tr><th scope="row">${r().name}</th><td class="num">${r().amount}</td></tr>`
}));

describe('DataTable', () => {
	it('draws a row for each item under its column headers, figures right-aligned', async () => {
		await render(DataTable<Row>, {
			columns: ['Útvar', { label: 'Náklady', num: true }],
			rows,
			tr,
			testid: 'costs'
		});
		const table = page.getByTestId('costs');
		await expect.element(table.getByRole('columnheader', { name: 'Útvar' })).toBeInTheDocument();
		await expect.element(table.getByRole('columnheader', { name: 'Náklady' })).toHaveClass('num');
		await expect.element(table.getByRole('row', { name: /Matrika/ })).toHaveTextContent('800 Kč');
		expect(table.getByRole('row').elements()).toHaveLength(3);
	});

	it('links a sortable column to its order and says how the table is sorted now', async () => {
		await render(DataTable<Row>, {
			columns: [
				{ label: 'Útvar', href: '?sort=name' },
				{ label: 'Náklady', num: true, href: '?sort=cost&dir=asc', sort: 'descending' }
			],
			rows,
			tr
		});
		const name = page.getByRole('columnheader', { name: 'Útvar' });
		const cost = page.getByRole('columnheader', { name: 'Náklady' });
		await expect.element(name.getByRole('link')).toHaveAttribute('href', '?sort=name');
		await expect.element(name).not.toHaveAttribute('aria-sort');
		await expect.element(cost).toHaveAttribute('aria-sort', 'descending');
		await expect.element(cost.getByRole('link')).toHaveAttribute('href', '?sort=cost&dir=asc');
	});

	it('leaves out a column given as false and names a hidden one for screen readers only', async () => {
		await render(DataTable<Row>, {
			columns: ['Útvar', false, { label: 'Akce', hidden: true }],
			rows,
			tr
		});
		const headers = page.getByRole('columnheader');
		expect(headers.elements()).toHaveLength(2);
		await expect.element(headers.nth(1)).toHaveAccessibleName('Akce');
		await expect.element(headers.nth(1).getByText('Akce')).toHaveClass('visually-hidden');
	});

	it('names the table for screen readers and leaves a column of buttons off the printout', async () => {
		await render(DataTable<Row>, {
			columns: ['Útvar', { label: 'Akce', hidden: true, noPrint: true }],
			rows,
			tr,
			caption: 'Náklady útvarů',
			class: 'summary'
		});
		const table = page.getByRole('table', { name: 'Náklady útvarů' });
		await expect.element(table).toHaveClass('summary');
		await expect.element(table.getByText('Náklady útvarů')).toHaveClass('visually-hidden');
		await expect.element(page.getByRole('columnheader', { name: 'Akce' })).toHaveClass('no-print');
		await expect
			.element(page.getByRole('columnheader', { name: 'Útvar' }))
			.not.toHaveClass('no-print');
	});

	it('says there are no rows across the whole table, when given the words', async () => {
		await render(DataTable<Row>, {
			columns: ['Útvar', 'Náklady', 'Akce'],
			rows: [],
			tr,
			empty: 'Zatím nic.'
		});
		const cell = page.getByRole('cell', { name: 'Zatím nic.' });
		await expect.element(cell).toHaveAttribute('colspan', '3');
	});

	it('scrolls in a named region when asked, and stands bare when asked', async () => {
		const scrolled = await render(DataTable<Row>, {
			columns: ['Útvar'],
			rows,
			tr,
			scroll: 'Náklady útvarů'
		});
		await expect
			.element(page.getByRole('region', { name: 'Náklady útvarů' }).getByRole('table'))
			.toBeInTheDocument();
		await scrolled.unmount();
		const bare = await render(DataTable<Row>, { columns: ['Útvar'], rows, tr, bare: true });
		expect(bare.container.firstElementChild?.tagName).toBe('TABLE');
	});
});
