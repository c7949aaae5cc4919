import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import ScrollTable from './ScrollTable.svelte';
// The box's scrolling comes from the app's stylesheet (.table-wrap), shared with older tables.
import '../../app.css';

const table = createRawSnippet(() => ({
	render: () =>
		'<table><thead><tr><th scope="col">Rok</th></tr></thead><tbody><tr><td>2024</td></tr></tbody></table>'
}));

describe('ScrollTable', () => {
	it('wraps the table in a named region that keyboard users can reach', async () => {
		await render(ScrollTable, { label: 'Struktura nákladů', children: table });
		const region = page.getByRole('region', { name: 'Struktura nákladů' });
		await expect.element(region).toHaveAttribute('tabindex', '0');
		await expect.element(region).toHaveClass('table-wrap');
		await expect.element(region.getByRole('table')).toBeInTheDocument();
		await expect.element(region.getByRole('cell', { name: '2024' })).toBeInTheDocument();
	});

	it('scrolls inside its own box when the table is wider than it', async () => {
		const wide = createRawSnippet(() => ({
			render: () => '<table style="width: 80rem"><tbody><tr><td>x</td></tr></tbody></table>'
		}));
		await render(ScrollTable, { label: 'Široká', children: wide });
		const box = page.getByRole('region', { name: 'Široká' }).element() as HTMLElement;
		box.style.width = '20rem';
		expect(getComputedStyle(box).overflowX).toBe('auto');
		expect(box.scrollWidth).toBeGreaterThan(box.clientWidth);
	});
});
