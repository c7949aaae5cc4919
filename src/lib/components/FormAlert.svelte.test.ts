import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import FormAlert from './FormAlert.svelte';

/** A form with labelled fields, as pages render FormAlert inside one. */
function formWith(fields: Record<string, string>) {
	const target = document.createElement('form');
	for (const [name, label] of Object.entries(fields)) {
		target.insertAdjacentHTML(
			'beforeend',
			`<label for="f-${name}">${label}</label><input id="f-${name}" name="${name}" />`
		);
	}
	document.body.append(target);
	return target;
}

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
			target: formWith({ name: 'Název', volume: 'Objem' }),
			props: {
				name: 'edit',
				form: {
					form: 'edit',
					values: { name: 'Podatelna', volume: '1200' },
					errors: {},
					message: 'Záznam mezitím změnil někdo jiný.',
					current: { name: 'Podatelna', volume: 1500, version: 4 }
				}
			}
		});
		const alert = page.getByRole('alert');
		await expect.element(alert).toHaveTextContent('1500');
		// Only the changed value is marked; the unchanged name is not.
		await expect.element(alert.getByRole('strong')).toBeInTheDocument();
		expect(alert.getByRole('strong').elements()).toHaveLength(1);
	});

	it('names stored values by their field label and leaves out those with no labelled field', async () => {
		await render(FormAlert, {
			target: formWith({ unitCost: 'Jednotkový náklad' }),
			props: {
				name: 'edit',
				form: {
					form: 'edit',
					values: { unitCost: '10' },
					errors: {},
					message: 'Záznam mezitím změnil někdo jiný.',
					current: { unit_cost: '12', version: 7, updated_at: '2026-01-05' }
				}
			}
		});
		const alert = page.getByRole('alert');
		await expect.element(alert.getByText('Jednotkový náklad')).toBeInTheDocument();
		await expect.element(alert).not.toHaveTextContent('unit_cost');
		await expect.element(alert).not.toHaveTextContent('updated_at');
		expect(alert.getByRole('term').elements()).toHaveLength(1);
		await expect.element(alert).not.toHaveTextContent('2026-01-05');
	});

	it('shows no raw keys when the form has no labelled field for any stored value', async () => {
		await render(FormAlert, {
			name: 'edit',
			form: {
				form: 'edit',
				values: {},
				errors: {},
				message: 'Záznam mezitím změnil někdo jiný.',
				current: { version: 4, code: 'P-1' }
			}
		});
		const alert = page.getByRole('alert');
		await expect.element(alert).toHaveTextContent('Záznam mezitím změnil někdo jiný.');
		await expect.element(alert).not.toHaveTextContent('P-1');
		expect(alert.getByRole('term').elements()).toHaveLength(0);
		// The way out is still offered.
		await expect.element(alert.getByRole('link')).toBeInTheDocument();
	});
});
