import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import { baseLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import Pager from './Pager.svelte';

describe('Pager', () => {
	beforeAll(() => overwriteGetLocale(() => 'cs'));
	afterAll(() => overwriteGetLocale(() => baseLocale));

	it('links the previous and next pages and says where we are', async () => {
		await render(Pager, { previous: '?page=1', next: '?page=3', current: 'Strana 2' });
		const nav = page.getByRole('navigation', { name: 'Stránkování' });
		await expect
			.element(nav.getByRole('link', { name: 'Předchozí' }))
			.toHaveAttribute('href', '?page=1');
		await expect
			.element(nav.getByRole('link', { name: 'Další' }))
			.toHaveAttribute('href', '?page=3');
		await expect.element(nav.getByText('Strana 2')).toBeVisible();
	});

	it('on the first page offers only the next one, and is not there for a single page', async () => {
		const first = await render(Pager, { previous: null, next: '?page=2' });
		await expect.element(page.getByRole('link', { name: 'Předchozí' })).not.toBeInTheDocument();
		await expect.element(page.getByRole('link', { name: 'Další' })).toBeVisible();
		await first.unmount();
		await render(Pager, { previous: null, next: null, current: 'Strana 1' });
		await expect.element(page.getByRole('navigation')).not.toBeInTheDocument();
	});
});
