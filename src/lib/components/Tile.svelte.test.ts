import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import { formatCzkCompact, formatPercent } from '$lib/format';
import Tile from './Tile.svelte';

const text = (t: string) => createRawSnippet(() => ({ render: () => `<span>${t}</span>` }));

describe('Tile', () => {
	it('links to where the figure comes from, titled, with the formatted figure and its detail', async () => {
		await render(Tile, {
			testid: 'tile-investment',
			href: '/costs?year=2025',
			title: 'Podíl investic do zlepšování',
			figure: formatPercent(0.175),
			empty: 'Zatím žádné náklady',
			note: 'za 9 měsíců',
			children: text('loni 12,0 %')
		});
		const tile = page.getByTestId('tile-investment');
		const link = tile.getByRole('link');
		await expect.element(link).toHaveAttribute('href', '/costs?year=2025');
		await expect
			.element(link.getByRole('heading', { name: 'Podíl investic do zlepšování' }))
			.toBeInTheDocument();
		await expect.element(link).toHaveTextContent(/17[,.]5\s?%/);
		await expect.element(link).toHaveTextContent('loni 12,0 %');
		await expect.element(link).toHaveTextContent('za 9 měsíců');
		await expect.element(tile.getByText('Zatím žádné náklady')).not.toBeInTheDocument();
	});

	it('shows a figure given as markup (a badge) and money from haléře', async () => {
		await render(Tile, {
			testid: 't',
			href: '/programme',
			title: 'Milníky',
			figure: createRawSnippet(() => ({
				render: () => '<span class="badge bad">2 po termínu</span>'
			})),
			empty: '—'
		});
		await expect.element(page.getByTestId('t').getByText('2 po termínu')).toHaveClass('badge');
		const other = await render(Tile, {
			testid: 'money',
			href: '/costs',
			title: 'Fixní náklady',
			figure: formatCzkCompact(4_250_000_000n),
			empty: '—'
		});
		await expect.element(page.getByTestId('money')).toHaveTextContent(/42[,.]5/);
		await other.unmount();
	});

	it('says there is nothing to show instead of a figure when there is no data', async () => {
		await render(Tile, {
			testid: 'tile-budget',
			href: '/costs',
			title: 'Čerpání rozpočtu',
			figure: null,
			empty: 'Rozpočet zatím není nahrán',
			note: 'za 3 měsíce',
			children: text('0 z 0')
		});
		const tile = page.getByTestId('tile-budget');
		await expect.element(tile).toHaveTextContent('Rozpočet zatím není nahrán');
		await expect.element(tile.getByText('0 z 0')).not.toBeInTheDocument();
		await expect.element(tile.getByText('za 3 měsíce')).not.toBeInTheDocument();
	});
});
