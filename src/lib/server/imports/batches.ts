// The import batches as finance lists them.
import type { Executor } from '../audit/audit';

export async function list(db: Executor, limit = 200) {
	return db
		.selectFrom('import_batch as b')
		.leftJoin('app_user as u', 'u.id', 'b.imported_by')
		.leftJoin('app_user as r', 'r.id', 'b.rolled_back_by')
		.select([
			'b.id',
			'b.source',
			'b.format',
			'b.file_name',
			'b.kind',
			'b.rows_read',
			'b.rows_imported',
			'b.rows_skipped',
			'b.total',
			'b.month_from',
			'b.month_to',
			'b.status',
			'b.imported_at',
			'b.rolled_back_at',
			'b.version',
			'b.content_hash',
			'u.display_name as imported_by_name',
			'r.display_name as rolled_back_by_name'
		])
		.orderBy('b.id', 'desc')
		.limit(limit)
		.execute();
}
