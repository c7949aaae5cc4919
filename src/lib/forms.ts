// Reads the one refusal payload every form action fails with (FormFailure in
// $lib/server/shared/http.ts) for one form of a page: what it sent, its field errors, the message
// and, on a conflict, the values stored now. Pages with several forms name the one they render.

export interface FormState {
	/** the fields as sent, to fill the form again; empty when this form was not the one sent */
	values: Record<string, string>;
	errors: Record<string, string>;
	message: string | null;
	current: unknown;
	/** whether this form was the one sent and refused */
	sent: boolean;
	/** whether this form was the one sent, refused or not (a success answer names it too) */
	answered: boolean;
}

const NONE: FormState = {
	values: {},
	errors: {},
	message: null,
	current: null,
	sent: false,
	answered: false
};

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object';

export function formFor(form: unknown, name: string): FormState {
	if (!isRecord(form) || form.form !== name) return NONE;
	return {
		values: (isRecord(form.values) ? form.values : {}) as Record<string, string>,
		errors: (isRecord(form.errors) ? form.errors : {}) as Record<string, string>,
		message: typeof form.message === 'string' ? form.message : null,
		current: form.current ?? null,
		// A refusal always carries `errors` and `message` (even empty); a success answer that
		// names its form (`{ form, saved }`, or a preview echoing its values) does not.
		sent: isRecord(form.errors) && 'message' in form,
		answered: true
	};
}

/** The props that tie one field to a form's values and errors: `<Field {...field('code')} … />`. */
export interface BoundField {
	id: string;
	name: string;
	value: string;
	error: string | undefined;
}

/**
 * Binds fields to what a form shows: `values` (what was sent, or the record's stored values),
 * `errors`, and a `prefix` for the ids when the same fields stand twice on a page. `fallback` is
 * the value when there is none (a select's default choice).
 */
export function fieldsOf(
	values: Record<string, string | undefined>,
	errors: Record<string, string | undefined> = {},
	prefix = ''
) {
	return (name: string, fallback = ''): BoundField => ({
		id: `${prefix}${name}`,
		name,
		value: values[name] ?? fallback,
		error: errors[name]
	});
}

/**
 * The fields of a form as `formFor` read it: what it sent when it was refused, else `stored` (the
 * record's values as they are saved; empty for a new record).
 */
export function fieldsOfForm(
	state: FormState,
	stored: Record<string, string | undefined> = {},
	prefix = ''
) {
	return fieldsOf({ ...stored, ...state.values }, state.errors, prefix);
}

/** `fieldsOfForm` for the form of a page named `name`, where the page needs no more of its state. */
export function fieldsFor(
	form: unknown,
	name: string,
	stored: Record<string, string | undefined> = {},
	prefix = ''
) {
	return fieldsOfForm(formFor(form, name), stored, prefix);
}
