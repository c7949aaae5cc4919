import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import { m } from '$lib/paraglide/messages';
import CodeMapping from './CodeMapping.svelte';

const props = {
	code: 'orj',
	label: 'ORJ',
	title: 'Mapování ORJ',
	hint: 'ORJ z účetnictví patří útvaru.',
	mapsTo: 'orgUnitId',
	targetLabel: 'Útvar',
	rows: [{ orj: '0100', code: 'OU-1', name: 'Podatelna' }],
	targets: [
		{ id: 1, code: 'OU-1', name: 'Podatelna' },
		{ id: 2, code: 'OU-2', name: 'Matrika' }
	],
	canEdit: true,
	form: null
};

describe('CodeMapping', () => {
	it('lists each mapped code with what it maps to and a delete form for it', async () => {
		await render(CodeMapping, props);
		await expect.element(page.getByRole('heading', { name: 'Mapování ORJ' })).toBeInTheDocument();
		const row = page.getByRole('row', { name: /0100/ });
		await expect.element(row).toHaveTextContent('OU-1 – Podatelna');
		const del = row.getByRole('button');
		await expect.element(del).toBeInTheDocument();
		const deleteForm = del.element().closest('form')!;
		expect(deleteForm.getAttribute('action')).toBe('?/deleteOrj');
		expect(new FormData(deleteForm).get('orj')).toBe('0100');
	});

	it('filters a long list of codes, which scrolls in its own box', async () => {
		const rows = Array.from({ length: 12 }, (_, i) => ({
			orj: String(100 + i * 10).padStart(4, '0'),
			code: `OU-${i}`,
			name: i === 7 ? 'Matrika' : `Útvar ${i}`
		}));
		await render(CodeMapping, { ...props, rows });
		expect(page.getByRole('row').elements()).toHaveLength(13);
		await page.getByRole('searchbox', { name: m.search() }).fill('matr');
		await expect.element(page.getByRole('row', { name: /0170/ })).toBeInTheDocument();
		expect(page.getByRole('row').elements()).toHaveLength(2);
		await expect.element(page.getByRole('region', { name: 'Mapování ORJ' })).toBeInTheDocument();
	});

	it('maps another code to a chosen target, named by code and name', async () => {
		await render(CodeMapping, props);
		const code = page.getByRole('textbox', { name: 'ORJ' });
		const unit = page.getByRole('combobox', { name: 'Útvar' });
		await code.fill('0200');
		await unit.selectOptions('OU-2 – Matrika');
		const saveForm = code.element().closest('form')!;
		expect(saveForm.getAttribute('action')).toBe('?/saveOrj');
		const sent = new FormData(saveForm);
		expect(sent.get('orj')).toBe('0200');
		expect(sent.get('orgUnitId')).toBe('2');
	});

	it('shows the refused values and errors of its own form only', async () => {
		await render(CodeMapping, {
			...props,
			form: {
				form: 'orj',
				values: { orj: 'x', orgUnitId: '' },
				errors: { orgUnitId: 'Vyberte útvar.' },
				message: null
			}
		});
		await expect.element(page.getByRole('textbox', { name: 'ORJ' })).toHaveValue('x');
		await expect
			.element(page.getByRole('combobox', { name: 'Útvar' }))
			.toHaveAccessibleDescription('Vyberte útvar.');
	});

	it('shows no forms to those who may not edit, and says when nothing is mapped', async () => {
		await render(CodeMapping, { ...props, rows: [], canEdit: false });
		expect(page.getByRole('button').elements()).toHaveLength(0);
		expect(page.getByRole('textbox').elements()).toHaveLength(0);
		expect(page.getByRole('columnheader').elements()).toHaveLength(2);
		await expect.element(page.getByText(m.costs_no_mappings())).toBeInTheDocument();
	});
});
