import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import { baseLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import WhatIfEffect from './WhatIfEffect.svelte';

describe('WhatIfEffect', () => {
	// The headers are Czech whatever language the test browser reports.
	beforeAll(() => overwriteGetLocale(() => 'cs'));
	afterAll(() => overwriteGetLocale(() => baseLocale));

	it('shows each figure now, then and its change in a row named by the figure', async () => {
		await render(WhatIfEffect, {
			testid: 'whatif-result',
			rows: [
				{ label: 'Hodiny', now: '1 200', then: '1 000', change: '−200', testid: 'whatif-hours' },
				{ label: 'Náklady', now: '480 000 Kč', then: '400 000 Kč', change: '−80 000 Kč' }
			]
		});
		const hours = page.getByRole('row', { name: /Hodiny/ });
		await expect.element(hours).toHaveTextContent(/1 200\s*1 000\s*−200/);
		await expect.element(page.getByTestId('whatif-hours')).toHaveTextContent('1 000');
		const cost = page.getByRole('row', { name: /Náklady/ });
		await expect.element(cost).toHaveTextContent(/480 000 Kč\s*400 000 Kč\s*−80 000 Kč/);
		await expect.element(page.getByRole('columnheader', { name: 'Rozdíl' })).toBeInTheDocument();
	});
});
