import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import ReportSection from './ReportSection.svelte';

const list = createRawSnippet(() => ({ render: () => '<ul><li>Milník A</li></ul>' }));

describe('ReportSection', () => {
	it('is a region named by its heading, showing what it lists', async () => {
		await render(ReportSection, {
			id: 'done-h',
			title: 'Splněno',
			items: [1],
			none: 'Nic nesplněno.',
			children: list
		});
		const section = page.getByRole('region', { name: 'Splněno' });
		await expect
			.element(section.getByRole('heading', { level: 2 }))
			.toHaveAttribute('id', 'done-h');
		await expect.element(section.getByText('Milník A')).toBeVisible();
		await expect.element(section.getByText('Nic nesplněno.')).not.toBeInTheDocument();
	});

	it('says there is nothing instead of the content when it lists nothing', async () => {
		await render(ReportSection, {
			id: 'done-h',
			title: 'Splněno',
			items: [],
			none: 'Nic nesplněno.',
			children: list
		});
		const section = page.getByRole('region', { name: 'Splněno' });
		await expect.element(section.getByText('Nic nesplněno.')).toHaveClass('muted');
		await expect.element(section.getByText('Milník A')).not.toBeInTheDocument();
	});

	it('always shows the content of a part that lists nothing countable', async () => {
		await render(ReportSection, {
			id: 'spend-h',
			title: 'Čerpání',
			class: 'spending',
			children: list
		});
		const section = page.getByRole('region', { name: 'Čerpání' });
		await expect.element(section).toHaveClass('spending');
		await expect.element(section.getByText('Milník A')).toBeVisible();
	});
});
