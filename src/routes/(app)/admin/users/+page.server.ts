import { requireCapability } from '$lib/server/auth/guard';
import { isRole } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/db';
import { formValues } from '$lib/server/shared/form';
import { invalid, refuse, routeId, versionOf } from '$lib/server/shared/http';
import * as users from '$lib/server/users/users.service';
import { parseNewUser } from '$lib/server/users/users.validation';
import * as guests from '$lib/server/guests/guests.service';
import { parseInvite } from '$lib/server/guests/guests.validation';
import * as notifications from '$lib/server/notifications/notifications.service';
import { mailerFromEnv, originFromEnv } from '$lib/server/notifications/scheduler';
import { currentDate, systemClock } from '$lib/server/shared/clock';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	requireCapability('users.manage');
	const db = getDb();
	const [staff, guestList, choices] = await Promise.all([
		users.list(db),
		guests.list(db),
		guests.choices(db)
	]);
	return {
		users: staff,
		guests: guestList,
		choices,
		today: currentDate(),
		mailConfigured: mailerFromEnv() !== null
	};
};

/**
 * The invitation goes out through the job queue at once; without SMTP it waits there and the
 * admin gets the link to pass on (shown once, never stored in the clear).
 */
async function sendInvitation(link: string) {
	const mailer = mailerFromEnv();
	if (mailer) await notifications.sendDue(getDb(), mailer, systemClock);
	return mailer ? null : link;
}

// Each user's row has its own forms (role, active, password), refused as the row `user-<id>`.
const row = (id: number) => `user-${id}`;

export const actions: Actions = {
	create: async ({ request }) => {
		const actor = requireCapability('users.manage');
		const values = await formValues(request);
		// The password is never sent back to the page.
		const echo = { ...values, password: '' };
		const parsed = parseNewUser(values);
		if (!parsed.ok) return invalid('create', parsed.errors, echo);
		try {
			const user = await users.create(getDb(), actor.id, parsed.value);
			return { created: user.username };
		} catch (e) {
			return refuse(e, 'create', echo);
		}
	},
	invite: async ({ request }) => {
		const actor = requireCapability('users.manage');
		const data = await request.formData();
		const values = await formValues(data);
		const parsed = parseInvite(
			values,
			{ cafRounds: data.getAll('cafRound'), processes: data.getAll('process') },
			currentDate()
		);
		const echo = {
			...values,
			cafRound: data.getAll('cafRound').map(String).join(','),
			process: data.getAll('process').map(String).join(',')
		};
		if (!parsed.ok) return invalid('invite', parsed.errors, echo);
		try {
			const { link } = await guests.invite(
				getDb(),
				actor.id,
				parsed.value,
				systemClock,
				originFromEnv()
			);
			return { invited: parsed.value.email, link: await sendInvitation(link) };
		} catch (e) {
			return refuse(e, 'invite', echo);
		}
	},
	reinvite: async ({ request }) => {
		const actor = requireCapability('users.manage');
		const values = await formValues(request);
		const id = routeId(values.id);
		try {
			const link = await guests.reinvite(
				getDb(),
				actor.id,
				id,
				versionOf(values, { required: true }),
				systemClock,
				originFromEnv()
			);
			return { invited: values.username ?? '', link: await sendInvitation(link) };
		} catch (e) {
			return refuse(e, `guest-${id}`, values);
		}
	},
	revoke: async ({ request }) => {
		const actor = requireCapability('users.manage');
		const values = await formValues(request);
		const id = routeId(values.id);
		try {
			await guests.revoke(getDb(), actor.id, id, versionOf(values, { required: true }));
		} catch (e) {
			return refuse(e, `guest-${id}`, values);
		}
		return { revoked: id };
	},
	role: async ({ request }) => {
		const actor = requireCapability('users.manage');
		const values = await formValues(request);
		const id = routeId(values.id);
		const version = versionOf(values, { required: true });
		const role = values.role;
		if (!isRole(role)) return invalid(row(id), { role: 'error_role' }, values);
		try {
			await users.update(getDb(), actor.id, id, version, { role });
		} catch (e) {
			return refuse(e, row(id), values);
		}
		return { saved: id };
	},
	active: async ({ request }) => {
		const actor = requireCapability('users.manage');
		const values = await formValues(request);
		const id = routeId(values.id);
		const version = versionOf(values, { required: true });
		try {
			await users.update(getDb(), actor.id, id, version, { active: values.active === 'true' });
		} catch (e) {
			return refuse(e, row(id), values);
		}
		return { saved: id };
	},
	resetPassword: async ({ request }) => {
		const actor = requireCapability('users.manage');
		const values = await formValues(request);
		const id = routeId(values.id);
		try {
			await users.resetPassword(getDb(), actor.id, id, values.password ?? '');
		} catch (e) {
			return refuse(e, row(id), { ...values, password: '' });
		}
		return { saved: id };
	}
};
