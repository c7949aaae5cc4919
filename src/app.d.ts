import type { SessionUser, Session } from '$lib/server/auth/session';
import type { GuestScope } from '$lib/server/guests/scope';

declare global {
	namespace App {
		interface Error {
			message: string;
			id?: string;
		}
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			/** a guest's scope (null for staff), read with the session */
			guest?: GuestScope | null;
			/**
			 * The data version read with the session on a signed-in GET, for figures kept per data
			 * version; null otherwise (a form post changes data before its page is drawn again).
			 */
			dataVersion: bigint | null;
			/** the session's expiry moved on this request, so its cookie goes out with the answer */
			sessionRenewed: boolean;
			requestId: string;
		}
		interface PageState {
			// eslint-disable-next-line @typescript-eslint/no-explicit-any
			[key: string]: any;
		}
	}
}

export {};
