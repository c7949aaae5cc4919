import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import CheckboxGroup from './CheckboxGroup.svelte';

const options = [
	{ value: '1', label: 'Jana Nováková' },
	{ value: '2', label: 'Petr Svoboda' },
	{ value: '3', label: 'Lucie Procházková' }
];

describe('CheckboxGroup', () => {
	it('checks what was chosen and sends every checked value under one name', async () => {
		const form = document.createElement('form');
		document.body.append(form);
		await render(CheckboxGroup, {
			target: form,
			props: { name: 'memberId', legend: 'Hodnotitelský tým', options, chosen: ['2'] }
		});
		await expect.element(page.getByRole('group', { name: 'Hodnotitelský tým' })).toBeVisible();
		await expect.element(page.getByRole('checkbox', { name: 'Petr Svoboda' })).toBeChecked();
		await expect.element(page.getByRole('checkbox', { name: 'Jana Nováková' })).not.toBeChecked();
		await page.getByRole('checkbox', { name: 'Lucie Procházková' }).click();
		expect(new FormData(form).getAll('memberId')).toEqual(['2', '3']);
		form.remove();
	});

	it('collapsed, counts the chosen in its summary and opens to show them', async () => {
		await render(CheckboxGroup, {
			name: 'processId',
			legend: 'Procesy',
			options,
			chosen: ['1', '3'],
			collapsed: true
		});
		const summary = page.getByText('Procesy (2)');
		await expect.element(summary).toBeVisible();
		// Closed, its boxes are out of the way (and out of the accessibility tree).
		expect(document.querySelector('details')?.open).toBe(false);
		await summary.click();
		await expect.element(page.getByRole('checkbox', { name: 'Jana Nováková' })).toBeChecked();
	});

	it('ties its error to every box, so a screen reader says it with each', async () => {
		await render(CheckboxGroup, {
			name: 'guestId',
			legend: 'Hosté',
			options,
			chosen: [],
			error: 'Vyberte nejvýše deset hostů.'
		});
		await expect
			.element(page.getByRole('checkbox', { name: 'Petr Svoboda' }))
			.toHaveAccessibleDescription('Vyberte nejvýše deset hostů.');
	});

	it('says when there is nothing to choose', async () => {
		await render(CheckboxGroup, {
			name: 'guestId',
			legend: 'Hosté',
			options: [],
			chosen: [],
			empty: 'Není koho pozvat.'
		});
		await expect.element(page.getByText('Není koho pozvat.')).toBeVisible();
		await expect.element(page.getByRole('checkbox')).not.toBeInTheDocument();
	});
});
