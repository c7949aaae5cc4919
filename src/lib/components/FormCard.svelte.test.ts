import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import FormCard from './FormCard.svelte';

const html = (markup: string) => createRawSnippet(() => ({ render: () => markup }));
const fields = html(
	'<div><label for="c-name">Název</label><input id="c-name" name="name" /></div>'
);

describe('FormCard', () => {
	it('is a region named by its heading, holding a form that posts to its action', async () => {
		await render(FormCard, {
			id: 'new-goal-h',
			title: 'Nový cíl',
			name: 'create',
			action: '?/create',
			form: null,
			children: fields
		});
		const card = page.getByRole('region', { name: 'Nový cíl' });
		await expect.element(card.getByRole('heading', { name: 'Nový cíl' })).toBeInTheDocument();
		const input = card.getByRole('textbox', { name: 'Název' });
		const form = input.element().closest('form')!;
		expect(form.getAttribute('method')).toBe('POST');
		expect(form.getAttribute('action')).toBe('?/create');
		expect(card.element().classList.contains('narrow')).toBe(false);
		expect(card.getByRole('alert').elements()).toHaveLength(0);
	});

	it('shows the refusal of its own form, not of another, and a lead above the form', async () => {
		await render(FormCard, {
			id: 'delete-h',
			title: 'Smazat cíl',
			name: 'delete',
			action: '?/delete',
			narrow: true,
			form: { form: 'delete', values: {}, errors: {}, message: 'Cíl má navázané KPI.' },
			lead: html('<p>Smazání nelze vrátit.</p>'),
			children: html('<button type="submit">Smazat</button>')
		});
		const card = page.getByRole('region', { name: 'Smazat cíl' });
		await expect.element(card.getByRole('alert')).toHaveTextContent('Cíl má navázané KPI.');
		await expect.element(card.getByText('Smazání nelze vrátit.')).toBeInTheDocument();
		expect(card.element().classList.contains('narrow')).toBe(true);
		expect(card.element().classList.contains('no-print')).toBe(false);
	});

	it('is left off a printout when asked', async () => {
		await render(FormCard, {
			id: 'edit-h',
			title: 'Upravit osobu',
			name: 'update',
			action: '?/update',
			noPrint: true,
			form: null,
			children: fields
		});
		const card = page.getByRole('region', { name: 'Upravit osobu' });
		expect(card.element().classList.contains('no-print')).toBe(true);
	});
});
