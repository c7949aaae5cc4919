import type { Role } from '../db/schema';

/**
 * What a token may do: `read` the read API with its user's role, or `costs_import`: push
 * accounting files to POST /api/v1/imports (its user needs the costs.import capability too) and
 * nothing else, so the accounting system's token opens no data.
 */
export type TokenScope = 'read' | 'costs_import';
export const TOKEN_SCOPES: readonly TokenScope[] = ['read', 'costs_import'];

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
	scope: TokenScope;
}

/** The user a valid token acts as: its owner, with the owner's current role. */
export interface ApiUser {
	id: number;
	username: string;
	displayName: string;
	role: Role;
	tokenId: number;
	scope: TokenScope;
}

/** Tokens start with this prefix, so a secret scanner (and a person) can tell them apart. */
export const TOKEN_PREFIX = 'dilna_';
