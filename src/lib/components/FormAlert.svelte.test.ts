import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import FormAlert from './FormAlert.svelte';

describe('FormAlert', () => {
	it('shows the message of the form that was refused, not of another form', async () => {
		const form = { form: 'edit', values: {}, errors: {}, message: 'Záznam neexistuje.' };
		const other = await render(FormAlert, { form, name: 'create' });
		await expect.element(page.getByRole('alert')).not.toBeInTheDocument();
		await other.unmount();
		await render(FormAlert, { form, name: 'edit' });
		await expect.element(page.getByRole('alert')).toHaveTextContent('Záznam neexistuje.');
	});

	it('on a conflict lists what the other person saved, marking values that differ', async () => {
		await render(FormAlert, {
			name: 'edit',
			form: {
				form: 'edit',
				values: { name: 'Podatelna', volume: '1200' },
				errors: {},
				message: 'Záznam mezitím změnil někdo jiný.',
				current: { name: 'Podatelna', volume: 1500, version: 4 }
			}
		});
		const alert = page.getByRole('alert');
		await expect.element(alert).toHaveTextContent('1500');
		// Only the changed value is marked; the unchanged name is not.
		await expect.element(alert.getByRole('strong')).toBeInTheDocument();
		expect(alert.getByRole('strong').elements()).toHaveLength(1);
	});
});
