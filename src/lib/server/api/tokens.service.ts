import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { sql } from 'kysely';
import * as audit from '../audit/audit';
import type { Executor } from '../audit/audit';
import type { Db } from '../db';
import { systemClock } from '../shared/clock';
import { ValidationError } from '../shared/errors';
import { FormReader, type Parsed } from '../shared/form';
import { expectVersion, updateVersioned } from '../shared/versioned';
import * as repo from './tokens.repository';
import { TOKEN_PREFIX, TOKEN_SCOPES, type ApiToken, type ApiUser, type TokenScope } from './tokens';

const NAME_MAX = 100;
/** last_used_at is refreshed at most this often, so reads do not turn into writes. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export function generateToken(): string {
	return TOKEN_PREFIX + encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
}

export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function list(db: Executor): Promise<ApiToken[]> {
	const rows = await repo.all(db);
	return rows.map((r) => ({
		id: r.id,
		name: r.name,
		userId: r.user_id,
		username: r.username,
		displayName: r.display_name,
		role: r.role,
		createdAt: r.created_at,
		lastUsedAt: r.last_used_at,
		revokedAt: r.revoked_at,
		version: r.version,
		scope: r.scope
	}));
}

export interface IssueInput {
	userId: number;
	name: string;
	/** `read` unless the form asks for an import token */
	scope?: TokenScope;
}

/** Parses the issue form: a user and a name that says what the token is for. */
export function parseIssue(form: Record<string, unknown>): Parsed<IssueInput> {
	const f = new FormReader(form);
	const name = f.raw('name');
	if (!name) f.errors.name = 'overview_error_token_name';
	else if (name.length > NAME_MAX) f.errors.name = 'overview_error_token_name_long';
	const userId = f.id('userId');
	if (userId === null) f.errors.userId = 'overview_error_token_user';
	const scope = f.choice('scope', TOKEN_SCOPES, { required: false }) ?? 'read';
	return f.result({ userId: userId ?? 0, name, scope });
}

/** Issues a token for a user. The plain token is returned once and never stored. */
export async function issue(
	db: Db,
	actorId: number,
	input: IssueInput
): Promise<{ id: number; token: string }> {
	return db.transaction().execute(async (trx) => {
		const user = await repo.findUser(trx, input.userId);
		if (!user || !user.active) throw new ValidationError({ userId: 'overview_error_token_user' });
		const token = generateToken();
		const row = await repo.insert(trx, {
			user_id: user.id,
			name: input.name,
			token_hash: hashToken(token),
			created_by: actorId,
			scope: input.scope ?? 'read'
		});
		await audit.record(trx, {
			userId: actorId,
			action: 'api_token.issue',
			entity: 'api_token',
			entityId: row.id,
			after: { name: input.name, user: user.username, scope: input.scope ?? 'read' }
		});
		return { id: row.id, token };
	});
}

export async function revoke(db: Db, actorId: number, id: number, version: number): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const row = await repo.lockById(trx, id);
		// The conflict shows what the list shows, never the token's hash.
		expectVersion(row, version, (r) => ({
			id: r.id,
			name: r.name,
			revoked_at: r.revoked_at,
			version: r.version
		}));
		if (row.revoked_at) return;
		await updateVersioned(trx, 'api_token', id, { revoked_at: sql`now()`, revoked_by: actorId });
		await audit.record(trx, {
			userId: actorId,
			action: 'api_token.revoke',
			entity: 'api_token',
			entityId: id,
			before: { name: row.name, revoked: false },
			after: { name: row.name, revoked: true }
		});
	});
}

/**
 * The user behind a bearer token, or null when the token is unknown, revoked or its user is
 * deactivated. The role is the user's current one, so a role change applies to their tokens too.
 */
export async function authenticate(db: Executor, token: string): Promise<ApiUser | null> {
	if (!/^dilna_[a-z2-7]{32}$/.test(token)) return null;
	const row = await repo.findByHash(db, hashToken(token));
	if (!row || row.revoked_at || !row.active) return null;
	// Written and compared on the app's clock, not the database's (they differ on another host).
	const now = systemClock();
	if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > TOUCH_EVERY_MS) {
		await repo.touch(db, row.id, now);
	}
	return {
		id: row.user_id,
		username: row.username,
		displayName: row.display_name,
		role: row.role,
		tokenId: row.id,
		scope: row.scope
	};
}
