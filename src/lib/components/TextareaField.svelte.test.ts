import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import TextareaField from './TextareaField.svelte';

describe('TextareaField', () => {
	it('is labelled and holds the text it was given', async () => {
		await render(TextareaField, {
			name: 'description',
			label: 'Popis',
			rows: 3,
			value: 'Jednotný portál žádostí.'
		});
		const box = page.getByRole('textbox', { name: 'Popis' });
		await expect.element(box).toHaveValue('Jednotný portál žádostí.');
		await expect.element(box).toHaveAttribute('name', 'description');
		await expect.element(box).toHaveAttribute('rows', '3');
		await expect.element(box).not.toHaveAttribute('aria-invalid');
	});

	it('marks an error and describes the textarea by it and by its hint', async () => {
		await render(TextareaField, {
			name: 'definition',
			id: 'kpi-definition',
			label: 'Definice',
			hint: 'Jak se ukazatel počítá.',
			error: 'Text je příliš dlouhý.'
		});
		const box = page.getByRole('textbox', { name: 'Definice' });
		await expect.element(box).toHaveAttribute('id', 'kpi-definition');
		await expect.element(box).toHaveAttribute('aria-invalid', 'true');
		await expect
			.element(box)
			.toHaveAccessibleDescription('Text je příliš dlouhý. Jak se ukazatel počítá.');
		await box.fill('Počet podání za měsíc');
		await expect.element(box).toHaveValue('Počet podání za měsíc');
	});
});
