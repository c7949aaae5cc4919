import { FormReader, type Parsed } from '../shared/form';
import type { OrgUnitInput, OrgUnitYearInput } from './org-units';

export function parseOrgUnit(form: Record<string, unknown>): Parsed<OrgUnitInput> {
	const f = new FormReader(form);
	const value = {
		code: f.code('code') ?? '',
		name: f.text('name', { required: true }) ?? '',
		parentId: f.id('parentId'),
		description: f.text('description', { max: 2000 })
	};
	return f.result(value);
}

export function parseOrgUnitYear(form: Record<string, unknown>): Parsed<OrgUnitYearInput> {
	const f = new FormReader(form);
	const year = f.int('year', { required: true, min: 1990, max: 2100 });
	const fte = f.decimal('fte', { required: true, min: '0', column: [8, 2] });
	const hourlyCost = f.money('hourlyCost', { min: 0n });
	return f.result({ year: year ?? 0, fte: fte ?? '', hourlyCost });
}
