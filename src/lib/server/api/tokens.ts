import type { Role } from '../db/schema';

export interface ApiToken {
	id: number;
	name: string;
	userId: number;
	username: string;
	displayName: string;
	role: Role;
	createdAt: Date;
	lastUsedAt: Date | null;
	revokedAt: Date | null;
	version: number;
}

/** The user a valid token acts as: its owner, with the owner's current role. */
export interface ApiUser {
	id: number;
	username: string;
	displayName: string;
	role: Role;
	tokenId: number;
}

/** Tokens start with this prefix, so a secret scanner (and a person) can tell them apart. */
export const TOKEN_PREFIX = 'dilna_';
