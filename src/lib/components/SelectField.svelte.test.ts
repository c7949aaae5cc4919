import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import SelectField from './SelectField.svelte';

const owners = [
	{ value: '1', label: 'Jana Nováková' },
	{ value: '2', label: 'Petr Svoboda' }
];

describe('SelectField', () => {
	it('is labelled, offers the options and shows the value chosen', async () => {
		await render(SelectField, {
			name: 'ownerId',
			label: 'Garant',
			empty: '—',
			options: owners,
			value: '2'
		});
		const select = page.getByRole('combobox', { name: 'Garant' });
		await expect.element(select).toHaveAttribute('name', 'ownerId');
		await expect.element(select).toHaveValue('2');
		expect(
			select
				.getByRole('option')
				.elements()
				.map((o) => o.textContent)
		).toEqual(['—', 'Jana Nováková', 'Petr Svoboda']);
		await expect.element(select).not.toHaveAttribute('aria-invalid');
		await expect.element(select).not.toHaveAttribute('aria-describedby');
	});

	it('marks an error and describes the select by it and by its hint', async () => {
		await render(SelectField, {
			name: 'parentId',
			id: 'new-parentId',
			label: 'Nadřazený cíl',
			hint: 'Vize nemá nadřazený cíl.',
			error: 'Cíl nemůže být sám sobě nadřazený.',
			options: owners
		});
		const select = page.getByRole('combobox', { name: 'Nadřazený cíl' });
		await expect.element(select).toHaveAttribute('id', 'new-parentId');
		await expect.element(select).toHaveAttribute('aria-invalid', 'true');
		await expect
			.element(select)
			.toHaveAccessibleDescription('Cíl nemůže být sám sobě nadřazený. Vize nemá nadřazený cíl.');
		await expect
			.element(page.getByText('Cíl nemůže být sám sobě nadřazený.'))
			.toHaveClass('field-error');
	});

	it('takes options as children too, and selects among them', async () => {
		await render(SelectField, {
			name: 'nature',
			label: 'Povaha',
			value: 'variable',
			children: createRawSnippet(() => ({
				render: () =>
					'<optgroup label="Provoz"><option value="fixed">Fixní</option><option value="variable">Variabilní</option></optgroup>'
			}))
		});
		const select = page.getByRole('combobox', { name: 'Povaha' });
		await expect.element(select).toHaveValue('variable');
		await select.selectOptions('fixed');
		await expect.element(select).toHaveValue('fixed');
	});
});
