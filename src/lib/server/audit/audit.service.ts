// The audit log as people read it: who did what to which object, when, and what changed, in
// words; filtered by person, object kind and dates; one page at a time or whole for an export.
import * as audit from './audit';
import type { Executor } from './audit';
import {
	auditActionLabel,
	auditChanges,
	auditKindLabel,
	auditLink,
	auditUserIds,
	type AuditChange
} from '$lib/audit-changes';
import { startOfPragueDay } from '../shared/clock';
import { ValidationError } from '../shared/errors';
import { m } from '$lib/paraglide/messages';

export interface LogFilter {
	entity?: string;
	entityId?: string;
	userId?: number;
	/** `YYYY-MM-DD`, inclusive, in the office's time zone */
	from?: string;
	/** `YYYY-MM-DD`, inclusive */
	to?: string;
	before?: bigint;
}

export interface LogEvent {
	id: string;
	occurredAt: Date;
	who: string | null;
	action: string;
	what: string;
	kind: string;
	kindLabel: string;
	entityId: string | null;
	/** The object's present name; null when it no longer exists or may not be shown. */
	objectName: string | null;
	link: string | null;
	changes: AuditChange[];
}

function nextDay(date: string): string {
	const d = new Date(`${date}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + 1);
	return d.toISOString().slice(0, 10);
}

/** A page of the log (newest first), described; `limit` records at most. */
export async function readLog(
	db: Executor,
	filter: LogFilter,
	options: { limit: number; withPeople: boolean }
): Promise<LogEvent[]> {
	if (filter.from && filter.to && filter.from > filter.to) {
		throw new ValidationError({ from: 'audit_date_order' });
	}
	const rows = await audit.list(db, {
		entity: filter.entity,
		entityId: filter.entityId,
		userId: filter.userId,
		from: filter.from ? startOfPragueDay(filter.from) : undefined,
		to: filter.to ? startOfPragueDay(nextDay(filter.to)) : undefined,
		before: filter.before,
		limit: options.limit
	});
	const users = await audit.userNames(db, [
		...new Set(rows.flatMap((r) => auditUserIds(r.before, r.after)))
	]);
	const names = await audit.objectNames(
		db,
		rows.map((r) => ({ entity: r.entity, entityId: r.entity_id })),
		options.withPeople
	);
	return rows.map((r) => ({
		id: r.id.toString(),
		occurredAt: r.occurred_at,
		who: r.display_name,
		action: r.action,
		what: auditActionLabel(r.action),
		kind: r.entity,
		kindLabel: auditKindLabel(r.entity),
		entityId: r.entity_id,
		objectName: names.get(`${r.entity}:${r.entity_id}`) ?? null,
		link: auditLink(r.entity, r.entity_id),
		// A person's record holds their name: only for those who may read names.
		changes:
			r.entity === 'person' && !options.withPeople
				? []
				: auditChanges(r.before, r.after, { entity: r.entity, users })
	}));
}

/** The choices of the log's filters: object kinds (labelled) and the people who changed things. */
export async function logFilters(db: Executor) {
	const [kinds, actors] = await Promise.all([audit.entities(db), audit.actors(db)]);
	return {
		kinds: kinds
			.map((kind) => ({ value: kind, label: auditKindLabel(kind) }))
			.sort((a, b) => a.label.localeCompare(b.label, 'cs')),
		actors
	};
}

/** The log as a table for CSV/XLSX: one row per changed field (or one per record without any). */
export function logTable(events: LogEvent[], name: string) {
	const rows: string[][] = [];
	for (const e of events) {
		const base = [
			e.occurredAt.toISOString(),
			e.who ?? m.audit_system(),
			e.kindLabel,
			e.objectName ?? e.entityId ?? '',
			e.what
		];
		if (e.changes.length === 0) rows.push([...base, '', '', '']);
		for (const c of e.changes) rows.push([...base, c.label, c.before ?? '', c.after]);
	}
	return {
		name,
		title: m.audit_log(),
		columns: [
			m.audit_when(),
			m.audit_who(),
			m.audit_entity(),
			m.name(),
			m.audit_action(),
			m.audit_change(),
			m.audit_before(),
			m.audit_after()
		].map((header) => ({ header })),
		rows
	};
}
