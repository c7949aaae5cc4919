// The driver catalogue's form: a code, a name and the unit its quantity is counted in.
import { FormReader, type Parsed } from '../shared/form';

export interface DriverInput {
	code: string;
	name: string;
	unit: string;
}

export function parseDriver(form: Record<string, unknown>): Parsed<DriverInput> {
	const r = new FormReader(form);
	const code = r.code('code');
	const name = r.text('name', { required: true, max: 120 });
	const unit = r.text('unit', { required: true, max: 20 });
	return r.result({ code: code!, name: name!, unit: unit! });
}
