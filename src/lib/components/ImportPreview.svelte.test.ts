import { createRawSnippet } from 'svelte';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import { baseLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import ImportPreview from './ImportPreview.svelte';

type Row = { line: number; code: string; value: string };
const tr = createRawSnippet((r: () => Row) => ({
	render: () => `<tr><td>${r().line}</td><td>${r().code}</td><td class="num">${r().value}</td></tr>`
}));
const props = {
	columns: ['Řádek', 'Proces', { label: 'Hodnota', num: true }],
	tr,
	errorsTitle: 'Soubor má chyby',
	ready: 'Soubor je v pořádku.',
	confirmAction: '?/confirm',
	confirmLabel: 'Importovat 2 řádky',
	hidden: { payload: 'abc', fileName: null }
};

describe('ImportPreview', () => {
	beforeAll(() => overwriteGetLocale(() => 'cs'));
	afterAll(() => overwriteGetLocale(() => baseLocale));

	it('shows a clean file’s rows and the button that writes them, the file carried along', async () => {
		await render(ImportPreview<Row>, {
			...props,
			errors: [],
			rows: [
				{ line: 2, code: 'P-01', value: '12,5' },
				{ line: 3, code: 'P-02', value: '40' }
			]
		});
		const table = page.getByTestId('import-preview');
		expect(table.getByRole('row').elements()).toHaveLength(3);
		await expect.element(table.getByRole('row', { name: /P-02/ })).toHaveTextContent('40');
		await expect.element(page.getByText('Soubor je v pořádku.')).toBeVisible();
		const button = page.getByRole('button', { name: 'Importovat 2 řádky' });
		const form = button.element().closest('form')!;
		expect(form.getAttribute('action')).toBe('?/confirm');
		expect(form.querySelector<HTMLInputElement>('input[name=payload]')!.value).toBe('abc');
		expect(form.querySelector<HTMLInputElement>('input[name=fileName]')!.value).toBe('');
	});

	it('lists a file’s problems by row and offers nothing to confirm', async () => {
		await render(ImportPreview<Row>, {
			...props,
			errors: [{ line: 4, text: 'neznámý proces P-99' }, { text: 'chybí sloupec Hodnota' }],
			rows: []
		});
		const alert = page.getByRole('alert');
		await expect.element(alert.getByRole('heading', { name: 'Soubor má chyby' })).toBeVisible();
		await expect.element(alert.getByText('Řádek 4: neznámý proces P-99')).toBeVisible();
		await expect.element(alert.getByText('chybí sloupec Hodnota')).toBeVisible();
		await expect.element(page.getByRole('button')).not.toBeInTheDocument();
		await expect.element(page.getByTestId('import-preview')).not.toBeInTheDocument();
	});
});
