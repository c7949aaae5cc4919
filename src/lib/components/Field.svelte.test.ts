import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import Field from './Field.svelte';

describe('Field', () => {
	it('is labelled, keeps the attributes it is given and shows no error unasked', async () => {
		await render(Field, {
			name: 'amount',
			label: 'Částka (Kč)',
			inputmode: 'decimal',
			value: '1 234,50'
		});
		const input = page.getByRole('textbox', { name: 'Částka (Kč)' });
		await expect.element(input).toHaveValue('1 234,50');
		await expect.element(input).toHaveAttribute('inputmode', 'decimal');
		await expect.element(input).toHaveAttribute('id', 'amount');
		await expect.element(input).not.toHaveAttribute('aria-invalid');
		await expect.element(input).not.toHaveAttribute('aria-describedby');
	});

	it('marks an error and describes the input by the error, then the hint', async () => {
		await render(Field, {
			name: 'month',
			id: 'new-month',
			label: 'Měsíc',
			hint: 'Ve tvaru RRRR-MM.',
			error: 'Zadejte měsíc.'
		});
		const input = page.getByRole('textbox', { name: 'Měsíc' });
		await expect.element(input).toHaveAttribute('aria-invalid', 'true');
		await expect
			.element(input)
			.toHaveAttribute('aria-describedby', 'new-month-error new-month-hint');
		await expect.element(input).toHaveAccessibleDescription('Zadejte měsíc. Ve tvaru RRRR-MM.');
		await expect.element(page.getByText('Zadejte měsíc.')).toHaveClass('field-error');
	});
});
