import { compare } from '../../decimal';
import { FormReader, type Parsed } from '../shared/form';
import type { LinkInput } from './models';

/** The side panel's form: links of one lane (role, unit) or one task (asset, minutes, share). */
export function parseLink(form: Record<string, unknown>): Parsed<LinkInput> {
	const f = new FormReader(form);
	const kind = f.choice('kind', ['lane', 'task'] as const) ?? 'task';
	const elementId = f.text('elementId', { required: true, max: 200 }) ?? '';
	const minutes = kind === 'task' ? f.decimal('minutes', { min: '0' }) : null;
	const waitMinutes = kind === 'task' ? f.decimal('waitMinutes', { min: '0' }) : null;
	let sharePercent = kind === 'task' ? (f.decimal('sharePercent', { min: '0' }) ?? '100') : '100';
	if (compare(sharePercent, '100') > 0 || /\.\d{3,}$/.test(sharePercent)) {
		f.errors.sharePercent = 'models_error_share';
		sharePercent = '100';
	}
	for (const [name, value] of [
		['minutes', minutes],
		['waitMinutes', waitMinutes]
	] as const) {
		if (value !== null && (compare(value, '99999999') > 0 || /\.\d{3,}$/.test(value))) {
			f.errors[name] = 'models_error_minutes';
		}
	}
	return f.result({
		elementId,
		kind,
		roleId: kind === 'lane' ? f.id('roleId') : null,
		orgUnitId: kind === 'lane' ? f.id('orgUnitId') : null,
		assetId: kind === 'task' ? f.id('assetId') : null,
		minutes,
		waitMinutes,
		sharePercent
	});
}

/** The note of a save (optional, one line or a short paragraph). */
export function parseNote(form: Record<string, unknown>): Parsed<string | null> {
	const f = new FormReader(form);
	const note = f.text('note', { max: 1000 });
	return f.result(note);
}
