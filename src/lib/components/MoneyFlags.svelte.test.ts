import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import { m } from '$lib/paraglide/messages';
import MoneyFlags from './MoneyFlags.svelte';

describe('MoneyFlags', () => {
	it('states each finding with its amounts, the budget share and the year', async () => {
		await render(MoneyFlags, {
			flags: [
				{ kind: 'over_budget_year', year: 2026, spend: 1_440_000_00n, budget: 1_000_000_00n },
				{ kind: 'before_approval', year: null, spend: 50_000_00n, budget: null }
			]
		});
		const list = page.getByTestId('money-flags');
		await expect.element(list).toBeInTheDocument();
		expect(list.getByRole('listitem').elements()).toHaveLength(2);
		const [year, early] = list.getByRole('listitem').elements();
		expect(year.dataset.flag).toBe('over_budget_year');
		expect(year.textContent).toMatch(/2026.*1[\s,.]?440[\s,.]?000.*1[\s,.]?000[\s,.]?000.*144\s?%/);
		expect(early.dataset.flag).toBe('before_approval');
		expect(early.textContent).toMatch(/50[\s,.]?000/);
	});

	it('says nothing when all is in order, unless asked to say so', async () => {
		const quiet = await render(MoneyFlags, { flags: [] });
		await expect.element(page.getByTestId('money-flags')).not.toBeInTheDocument();
		await quiet.unmount();
		await render(MoneyFlags, { flags: [], all: true });
		await expect
			.element(page.getByTestId('money-flags'))
			.toHaveTextContent(m.programme_flags_none());
	});
});
