import { redirect } from '@sveltejs/kit';
import { throttledFailure } from '$lib/server/auth/throttled';
import { requireUser } from '$lib/server/auth/guard';
import { checkOwnPassword } from '$lib/server/auth/login.service';
import { safeRedirect } from '$lib/server/auth/redirect';
import * as twoFactor from '$lib/server/auth/two-factor.service';
import { totpQrSvg } from '$lib/server/auth/totp-qr';
import { getDb } from '$lib/server/db';
import { formValues } from '$lib/server/shared/form';
import { invalid, refuse } from '$lib/server/shared/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireUser();
	return {
		status: await twoFactor.status(getDb(), user.id),
		required: user.role === 'admin' && twoFactor.adminTwoFactorRequired(),
		back: safeRedirect(url.searchParams.get('redirectTo'))
	};
};

export const actions: Actions = {
	begin: async () => {
		const user = requireUser();
		try {
			// The key is shown once, in this answer; the page never loads it again.
			const setup = await twoFactor.beginSetup(getDb(), user.id);
			return { form: 'begin', ...setup, qr: totpQrSvg(setup.uri) };
		} catch (e) {
			return refuse(e, 'begin');
		}
	},
	confirm: async ({ request, getClientAddress, setHeaders }) => {
		const user = requireUser();
		const { code = '', key = '', uri = '' } = await formValues(request);
		// The key goes back to the page so the user can try another code; it is the user's own.
		const values = { key, uri };
		const qr = { qr: totpQrSvg(uri) };
		if (!code.trim()) return invalid('confirm', { code: 'error_required' }, values, qr);
		const result = await twoFactor.confirmSetup(getDb(), user.id, code, getClientAddress());
		if (!result.ok && result.reason === 'throttled') {
			return throttledFailure('confirm', result.retryAfter, setHeaders, values, qr);
		}
		if (!result.ok) return invalid('confirm', { code: 'login_code_invalid' }, values, qr);
		return { form: 'confirm', recoveryCodes: result.recoveryCodes };
	},
	disable: async ({ request, getClientAddress, setHeaders }) => {
		const user = requireUser();
		const { password = '', code = '' } = await formValues(request);
		if (!password || !code.trim()) {
			return invalid('disable', {
				...(password ? {} : { password: 'error_required' }),
				...(code.trim() ? {} : { code: 'error_required' })
			});
		}
		const check = await checkOwnPassword(getDb(), user.id, password, getClientAddress());
		if (!check.ok && check.reason === 'throttled') {
			return throttledFailure('disable', check.retryAfter, setHeaders);
		}
		if (!check.ok) return invalid('disable', { password: 'error_current_password' });
		const result = await twoFactor.disable(getDb(), user.id, code, getClientAddress());
		if (!result.ok && result.reason === 'throttled') {
			return throttledFailure('disable', result.retryAfter, setHeaders);
		}
		if (!result.ok) return invalid('disable', { code: 'login_code_invalid' });
		return { form: 'disable', disabled: true };
	},
	done: async ({ url }) => {
		requireUser();
		redirect(303, safeRedirect(url.searchParams.get('redirectTo')) ?? '/account');
	}
};
