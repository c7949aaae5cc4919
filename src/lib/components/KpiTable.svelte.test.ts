import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import { statusLabel } from '$lib/status-labels';
import { baseLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import KpiTable from './KpiTable.svelte';

const kpis = [
	{
		id: 17,
		code: 'KPI-17',
		name: 'Doba vyřízení',
		goalId: 4,
		period: '2025-Q3',
		actual: 12.5,
		target: 10,
		unit: 'dní',
		status: 'off_target'
	},
	{
		id: 18,
		code: 'KPI-18',
		name: 'Spokojenost',
		goalId: 5,
		period: null,
		actual: null,
		target: null,
		unit: '%',
		status: 'no_data'
	}
];

describe('KpiTable', () => {
	// Czech, the office's language: units are declined and periods said in Czech words.
	beforeAll(() => overwriteGetLocale(() => 'cs'));
	afterAll(() => overwriteGetLocale(() => baseLocale));

	it('shows each KPI by code and name with its actual and unit, target and status', async () => {
		await render(KpiTable, { kpis });
		const row = page.getByRole('row', { name: /KPI-17 Doba vyřízení/ });
		await expect.element(row.getByRole('rowheader')).toHaveTextContent('KPI-17 Doba vyřízení');
		await expect.element(row).toHaveTextContent('3. čtvrtletí 2025');
		// Units are declined by the count: 12,5 dne, 10 dní.
		await expect.element(row).toHaveTextContent(/12[,.]5\s?dne/);
		// The target carries its unit, as the actual does.
		await expect.element(row.getByRole('cell').nth(2)).toHaveTextContent(/^10\s?dní$/);
		await expect.element(row.getByText(statusLabel('off_target'))).toBeInTheDocument();
		expect(page.getByRole('link').elements()).toHaveLength(0);
		expect(page.getByRole('columnheader').elements()).toHaveLength(5);
	});

	it('shows a dash where there is no period, actual or target yet', async () => {
		await render(KpiTable, { kpis });
		const cells = page.getByRole('row', { name: /KPI-18/ }).getByRole('cell');
		await expect.element(cells.nth(0)).toHaveTextContent('—');
		await expect.element(cells.nth(1)).toHaveTextContent('—');
		await expect.element(cells.nth(2)).toHaveTextContent('—');
	});

	it('links each KPI where the reader may open it, titled as the page asks', async () => {
		await render(KpiTable<(typeof kpis)[number]>, {
			kpis,
			href: (k) => `/goals/${k.goalId}`,
			title: (k) => k.name
		});
		const link = page.getByRole('link', { name: 'Doba vyřízení' });
		await expect.element(link).toHaveAttribute('href', '/goals/4');
		await expect
			.element(page.getByRole('link', { name: 'Spokojenost' }))
			.toHaveAttribute('href', '/goals/5');
		await expect.element(page.getByText('KPI-17')).not.toBeInTheDocument();
	});
});
