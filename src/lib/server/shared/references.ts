import type { Executor } from '../audit/audit';
import { ValidationError } from './errors';

// Checks every area makes before it writes a record that names others: its code is free, what it
// points at exists, its owner is an active user. Each refuses at the form field concerned.

/** The records with a code: codes are unique within each table. */
type CodedTable = 'process' | 'kpi' | 'goal' | 'org_unit' | 'initiative';

/** Refuses a code another record of the table already has (`id` is the record being saved). */
export async function assertCodeFree(
	db: Executor,
	table: CodedTable,
	code: string,
	id: number | null,
	error = 'processes_error_code_taken'
): Promise<void> {
	const clash = await db.selectFrom(table).select('id').where('code', '=', code).executeTakeFirst();
	if (clash && clash.id !== id) throw new ValidationError({ code: error });
}

/** Refuses a reference to a row that does not exist, at the form field that chose it. */
export async function assertExists(
	db: Executor,
	table: 'goal' | 'org_unit' | 'process',
	id: number | null,
	field: string
): Promise<void> {
	if (id === null) return;
	const row = await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
	if (!row) throw new ValidationError({ [field]: 'error_choice' });
}

/** Owners and responsible people must be active users. */
export async function assertActiveUser(
	db: Executor,
	userId: number | null,
	field: string
): Promise<void> {
	if (userId === null) return;
	const user = await db
		.selectFrom('app_user')
		.select('id')
		.where('id', '=', userId)
		.where('active', '=', true)
		.executeTakeFirst();
	if (!user) throw new ValidationError({ [field]: 'error_choice' });
}
