// The role-assignment and requirement actions, shared by the coverage page and a process's roles
// page: each checks the capability, parses, calls one service function and maps a refusal.
import { redirect } from '@sveltejs/kit';
import { requireCapability } from '../auth/guard';
import { getDb } from '../db';
import { currentDate } from '../shared/clock';
import { formValues } from '../shared/form';
import { invalid, refuse, routeId } from '../shared/http';
import * as people from './people.service';
import { parseAssignment, parseRequirement } from './people.validation';

type Event = { request: Request };

export const roleActions = {
	assign: async ({ request }: Event) => {
		const user = requireCapability('people.edit');
		const values = await formValues(request);
		const parsed = parseAssignment(values);
		if (!parsed.ok) return invalid('assign', parsed.errors, values);
		try {
			await people.assign(getDb(), user, parsed.value, currentDate());
		} catch (e) {
			return refuse(e, 'assign', values);
		}
		return { form: 'assign', saved: true, roleId: parsed.value.roleId };
	},
	unassign: async ({ request }: Event) => {
		const user = requireCapability('people.edit');
		const values = await formValues(request);
		try {
			await people.unassign(getDb(), user, {
				roleId: routeId(values.roleId),
				personId: routeId(values.personId)
			});
		} catch (e) {
			return refuse(e, 'unassign', values);
		}
		return { form: 'unassign', saved: true };
	},
	requirement: async ({ request }: Event) => {
		const user = requireCapability('people.edit');
		const values = await formValues(request);
		const parsed = parseRequirement(values);
		if (!parsed.ok) return invalid('requirement', parsed.errors, values);
		try {
			await people.setRequirement(getDb(), user, parsed.value);
		} catch (e) {
			return refuse(e, 'requirement', values);
		}
		return { form: 'requirement', saved: true };
	},
	training: async ({ request }: Event) => {
		const user = requireCapability('people.edit');
		const values = await formValues(request);
		let personId: number;
		try {
			({ personId } = await people.gapToTraining(
				getDb(),
				user,
				routeId(values.roleId),
				values.personId ? routeId(values.personId) : null,
				currentDate()
			));
		} catch (e) {
			return refuse(e, 'training', values);
		}
		redirect(303, `/people/${personId}#training-h`);
	},
	initiative: async ({ request }: Event) => {
		const user = requireCapability('initiatives.edit');
		const values = await formValues(request);
		let id: number;
		try {
			id = await people.gapToInitiative(getDb(), user, routeId(values.roleId));
		} catch (e) {
			return refuse(e, 'initiative', values);
		}
		redirect(303, `/initiatives/${id}`);
	}
};
