import * as audit from '../audit/audit';
import type { Executor } from '../audit/audit';
import type { Db } from '../db';
import { ConflictError } from '../shared/errors';
import {
	INVESTMENT_TARGET_KEY,
	OFFICE_KEY,
	PUBLIC_PAGE_KEY,
	REMINDERS_KEY,
	toOfficeName,
	toPublicPageSettings,
	toReminderSettings,
	type PublicPageSettings,
	type ReminderSettingsValue
} from './settings';
import * as repo from './settings.repository';

export interface Stored<T> {
	value: T;
	/** When it was last saved (ISO); the form posts it back to detect concurrent edits. */
	version: string;
}

/**
 * A setting as stored, read by `parse` (which gives the default for a missing or odd value); its
 * version is when it was last saved, empty when never.
 */
async function read<T>(
	db: Executor,
	key: string,
	parse: (value: unknown) => T
): Promise<Stored<T>> {
	const row = await repo.find(db, key);
	return { value: parse(row?.value), version: row ? row.updated_at.toISOString() : '' };
}

export function getPublicPage(db: Executor): Promise<Stored<PublicPageSettings>> {
	return read(db, PUBLIC_PAGE_KEY, toPublicPageSettings);
}

/** The investment share the office aims for (0–1), shown beside the actual one; null if unset. */
export function getInvestmentShareTarget(db: Executor): Promise<Stored<number | null>> {
	return read(db, INVESTMENT_TARGET_KEY, (value) => {
		const bp = (value as { basisPoints?: unknown } | undefined)?.basisPoints;
		return typeof bp === 'number' && Number.isInteger(bp) ? bp / 10000 : null;
	});
}

/**
 * Saves the public page settings. `version` is what the form loaded; if someone saved in between,
 * nothing is written and ConflictError carries the current settings.
 */
export function savePublicPage(
	db: Db,
	actorId: number,
	version: string,
	next: PublicPageSettings
): Promise<void> {
	return save(db, actorId, PUBLIC_PAGE_KEY, version, getPublicPage, next);
}

/** Saves the target in basis points (1250 = 12.5 %), or clears it with null. */
export function saveInvestmentShareTarget(
	db: Db,
	actorId: number,
	version: string,
	basisPoints: number | null
): Promise<void> {
	return save(db, actorId, INVESTMENT_TARGET_KEY, version, getInvestmentShareTarget, {
		basisPoints
	});
}

/** When owners are reminded of what is due and their manager told of what is overdue. */
export function getReminders(db: Executor): Promise<Stored<ReminderSettingsValue>> {
	return read(db, REMINDERS_KEY, toReminderSettings);
}

export function saveReminders(
	db: Db,
	actorId: number,
	version: string,
	next: ReminderSettingsValue
): Promise<void> {
	return save(db, actorId, REMINDERS_KEY, version, getReminders, next);
}

async function save<T>(
	db: Db,
	actorId: number,
	key: string,
	version: string,
	current: (db: Executor) => Promise<Stored<T>>,
	next: unknown
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await repo.lockKey(trx, key);
		const before = await current(trx);
		if (before.version !== version) throw new ConflictError(before);
		await repo.upsert(trx, key, next);
		await audit.record(trx, {
			userId: actorId,
			action: 'setting.update',
			entity: 'setting',
			entityId: key,
			before: before.value,
			after: next
		});
	});
}

/** The office's name for the council report's cover and header; null until an admin sets it. */
export function getOffice(db: Executor): Promise<Stored<string | null>> {
	return read(db, OFFICE_KEY, toOfficeName);
}

export function saveOffice(
	db: Db,
	actorId: number,
	version: string,
	name: string | null
): Promise<void> {
	return save(db, actorId, OFFICE_KEY, version, getOffice, { name });
}
