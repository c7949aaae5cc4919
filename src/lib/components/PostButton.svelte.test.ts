import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import PostButton from './PostButton.svelte';

describe('PostButton', () => {
	it('posts its hidden fields to its action from one button', async () => {
		await render(PostButton, {
			action: '?/unlink',
			fields: { linkId: 7, version: '3' },
			label: 'Odebrat'
		});
		const button = page.getByRole('button', { name: 'Odebrat' });
		const form = button.element().closest('form')!;
		expect(form.getAttribute('method')).toBe('POST');
		expect(form.getAttribute('action')).toBe('?/unlink');
		expect(Object.fromEntries(new FormData(form))).toEqual({ linkId: '7', version: '3' });
		expect(button.element().className).toBe('');
	});

	it('reads as a link, or as the main button, when asked', async () => {
		await render(PostButton, {
			action: '?/remove',
			fields: { id: 1 },
			label: 'Odebrat',
			variant: 'link'
		});
		await expect.element(page.getByRole('button', { name: 'Odebrat' })).toHaveClass('link');
		await render(PostButton, {
			action: '?/status',
			fields: { to: 'scoring' },
			label: 'Dál',
			variant: 'primary'
		});
		await expect.element(page.getByRole('button', { name: 'Dál' })).toHaveClass('primary');
	});

	it('tells a screen reader what it acts on when a list has many', async () => {
		await render(PostButton, {
			action: '?/unlink',
			fields: { assetId: 4 },
			label: 'Odpojit',
			about: 'IS-SPIS',
			variant: 'link'
		});
		const button = page.getByRole('button', { name: 'Odpojit IS-SPIS' });
		await expect.element(button).toHaveTextContent('Odpojit');
	});
});
