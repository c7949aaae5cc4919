import { describe, expect, it } from 'vitest';
import { fieldsFor, fieldsOf, formFor } from './forms';

describe('formFor', () => {
	const refusal = {
		form: 'edit',
		values: { name: 'Podatelna' },
		errors: { name: 'Povinné' },
		message: null
	};

	it('reads the refusal of the named form', () => {
		const state = formFor(refusal, 'edit');
		expect(state.sent).toBe(true);
		expect(state.answered).toBe(true);
		expect(state.values).toEqual({ name: 'Podatelna' });
		expect(state.errors).toEqual({ name: 'Povinné' });
	});

	it('reads nothing for another form or no answer', () => {
		for (const form of [null, undefined, 'edit', refusal]) {
			const state = formFor(form, 'create');
			expect(state.sent).toBe(false);
			expect(state.answered).toBe(false);
			expect(state.values).toEqual({});
		}
	});

	it('a success answer naming its form is answered, not sent and refused', () => {
		const saved = formFor({ form: 'edit', saved: true }, 'edit');
		expect(saved.sent).toBe(false);
		expect(saved.answered).toBe(true);
		expect(saved.errors).toEqual({});
		expect(saved.message).toBeNull();
		// A preview echoes its values to fill the form again; still not a refusal.
		const preview = formFor({ form: 'import', values: { kind: 'plan' }, result: {} }, 'import');
		expect(preview.sent).toBe(false);
		expect(preview.values).toEqual({ kind: 'plan' });
	});

	it('a refusal with only a message (conflict, delete refused) is sent', () => {
		const state = formFor(
			{ form: 'edit', values: {}, errors: {}, message: 'Změněno', current: { a: 1 } },
			'edit'
		);
		expect(state.sent).toBe(true);
		expect(state.current).toEqual({ a: 1 });
	});
});

describe('fieldsOf', () => {
	it('binds a field to its value, error and prefixed id', () => {
		const field = fieldsOf({ code: 'C1' }, { code: 'Obsazeno' }, 'edit-');
		expect(field('code')).toEqual({
			id: 'edit-code',
			name: 'code',
			value: 'C1',
			error: 'Obsazeno'
		});
		expect(field('level', 'objective')).toEqual({
			id: 'edit-level',
			name: 'level',
			value: 'objective',
			error: undefined
		});
	});
});

describe('fieldsFor', () => {
	const stored = { code: 'C1', name: 'Cíl' };

	it('shows the stored values while the form is not the one refused', () => {
		const field = fieldsFor({ form: 'other', values: { code: 'X' }, errors: {} }, 'edit', stored);
		expect(field('code')).toEqual({ id: 'code', name: 'code', value: 'C1', error: undefined });
		expect(fieldsFor(null, 'edit')('code').value).toBe('');
	});

	it('shows what the refused form sent over the stored values, with its errors', () => {
		const refused = {
			form: 'edit',
			values: { code: '' },
			errors: { code: 'Vyplňte toto pole.' },
			message: null
		};
		const field = fieldsFor(refused, 'edit', stored, 'edit-');
		expect(field('code')).toEqual({
			id: 'edit-code',
			name: 'code',
			value: '',
			error: 'Vyplňte toto pole.'
		});
		expect(field('name').value).toBe('Cíl');
	});
});
