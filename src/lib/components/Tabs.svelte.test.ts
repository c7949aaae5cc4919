import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import Tabs from './Tabs.svelte';

const tabs = [
	{ href: '/goals', label: 'Strom cílů' },
	{ href: '/goals/coverage', label: 'Pokrytí' },
	{ href: '/goals/import', label: 'Import' }
];

describe('Tabs', () => {
	it('links every tab in a named navigation and marks only the page shown', async () => {
		await render(Tabs, { tabs, label: 'Cíle', path: '/goals/coverage' });
		const nav = page.getByRole('navigation', { name: 'Cíle' });
		await expect.element(nav).toBeInTheDocument();
		expect(nav.getByRole('link').elements()).toHaveLength(3);
		await expect
			.element(nav.getByRole('link', { name: 'Pokrytí' }))
			.toHaveAttribute('aria-current', 'page');
		await expect
			.element(nav.getByRole('link', { name: 'Strom cílů' }))
			.toHaveAttribute('href', '/goals');
		await expect
			.element(nav.getByRole('link', { name: 'Strom cílů' }))
			.not.toHaveAttribute('aria-current');
		await expect
			.element(nav.getByRole('link', { name: 'Import' }))
			.not.toHaveAttribute('aria-current');
	});

	it('marks a tab current by its own rule (a page below it)', async () => {
		await render(Tabs, {
			label: 'Program',
			path: '/programme/milestones/7',
			class: 'no-print',
			tabs: [
				{
					href: '/programme',
					label: 'Přehled',
					current: (path: string) => path.startsWith('/programme/milestones')
				},
				{ href: '/programme/risks', label: 'Rizika' }
			]
		});
		const nav = page.getByRole('navigation', { name: 'Program' });
		await expect.element(nav).toHaveClass('tabs');
		await expect.element(nav).toHaveClass('no-print');
		await expect
			.element(nav.getByRole('link', { name: 'Přehled' }))
			.toHaveAttribute('aria-current', 'page');
		await expect
			.element(nav.getByRole('link', { name: 'Rizika' }))
			.not.toHaveAttribute('aria-current');
	});

	it('marks nothing when the page shown is none of the tabs', async () => {
		await render(Tabs, { tabs, label: 'Cíle', path: '/goals/12' });
		await expect.element(page.getByRole('link', { name: 'Import' })).toBeInTheDocument();
		expect(
			page
				.getByRole('link')
				.elements()
				.filter((a) => a.hasAttribute('aria-current'))
		).toHaveLength(0);
	});

	it('shows a tab that needs a capability only to those who have it', async () => {
		await render(Tabs, {
			label: 'Náklady',
			path: '/costs',
			capabilities: ['read'],
			tabs: [
				{ href: '/costs', label: 'Přehled', needs: 'read' },
				{ href: '/costs/import', label: 'Import', needs: 'costs.import' }
			]
		});
		const nav = page.getByRole('navigation', { name: 'Náklady' });
		await expect.element(nav.getByRole('link', { name: 'Přehled' })).toBeInTheDocument();
		await expect.element(nav.getByRole('link', { name: 'Import' })).not.toBeInTheDocument();
	});
});
