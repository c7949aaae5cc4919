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
}

const NONE: FormState = { values: {}, errors: {}, message: null, current: null, sent: false };

export function formFor(form: unknown, name: string): FormState {
	if (!form || typeof form !== 'object') return NONE;
	const f = form as Record<string, unknown>;
	if (f.form !== name) return NONE;
	return {
		values: (f.values && typeof f.values === 'object' ? f.values : {}) as Record<string, string>,
		errors: (f.errors && typeof f.errors === 'object' ? f.errors : {}) as Record<string, string>,
		message: typeof f.message === 'string' ? f.message : null,
		current: f.current ?? null,
		sent: true
	};
}
