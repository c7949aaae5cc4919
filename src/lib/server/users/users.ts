import type { Role } from '../db/schema';

export interface User {
	id: number;
	username: string;
	displayName: string;
	role: Role;
	active: boolean;
	createdAt: Date;
	version: number;
}
