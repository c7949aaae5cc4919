import type { SessionUser, Session } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Error {
			message: string;
			id?: string;
		}
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			requestId: string;
		}
		interface PageState {
			// eslint-disable-next-line @typescript-eslint/no-explicit-any
			[key: string]: any;
		}
	}
}

export {};
