import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import { m } from '$lib/paraglide/messages';
import EmptyState from './EmptyState.svelte';

describe('EmptyState', () => {
	it('says the list is empty, what to do next and links where to do it and the help', async () => {
		await render(EmptyState, {
			message: 'Zatím nejsou zadány žádné cíle.',
			next: 'Založte první cíl strategie.',
			href: '/goals/new',
			action: 'Nový cíl',
			help: '/help/goals'
		});
		const box = page.getByRole('status');
		await expect.element(box.getByText('Zatím nejsou zadány žádné cíle.')).toBeVisible();
		await expect.element(box.getByText('Založte první cíl strategie.')).toBeVisible();
		await expect
			.element(box.getByRole('link', { name: 'Nový cíl' }))
			.toHaveAttribute('href', '/goals/new');
		await expect
			.element(box.getByRole('link', { name: m.help_link() }))
			.toHaveAttribute('href', '/help/goals');
	});

	it('names the help link as the page asks when it asks', async () => {
		await render(EmptyState, {
			message: 'Žádné dokumenty.',
			next: 'Nahrajte první.',
			help: '/help/knowledge',
			helpLabel: 'Jak na dokumenty'
		});
		await expect
			.element(page.getByRole('link', { name: 'Jak na dokumenty' }))
			.toHaveAttribute('href', '/help/knowledge');
	});

	it('shows no action link to a reader who may not act, only what to do', async () => {
		await render(EmptyState, { message: 'Žádní zaměstnanci.', next: 'Požádejte personalistu.' });
		await expect.element(page.getByText('Požádejte personalistu.')).toBeVisible();
		await expect.element(page.getByRole('link')).not.toBeInTheDocument();
	});
});
