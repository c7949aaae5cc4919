// Second factor (TOTP, RFC 6238): the user's key, when it was turned on, the last time step a code
// was accepted for (a code is never accepted twice), the key being set up until it is confirmed,
// recovery codes stored as SHA-256 hashes, and the short-lived challenge between the password and
// the code at sign-in (stored as the SHA-256 of its token, like sessions).

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	await db.schema
		.alterTable('app_user')
		.addColumn('totp_key', 'text')
		.addColumn('totp_pending_key', 'text')
		.addColumn('totp_enabled_at', 'timestamptz')
		.addColumn('totp_last_step', 'bigint')
		.execute();
	await db.schema
		.createTable('totp_recovery_code')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('user_id', 'integer', (c) =>
			c.notNull().references('app_user.id').onDelete('cascade')
		)
		.addColumn('code_hash', 'text', (c) => c.notNull())
		.addColumn('used_at', 'timestamptz')
		.execute();
	await db.schema
		.createIndex('totp_recovery_code_user')
		.on('totp_recovery_code')
		.column('user_id')
		.execute();
	await db.schema
		.createTable('login_challenge')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'integer', (c) =>
			c.notNull().references('app_user.id').onDelete('cascade')
		)
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.execute();
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
	await db.schema.dropTable('login_challenge').execute();
	await db.schema.dropTable('totp_recovery_code').execute();
	await db.schema
		.alterTable('app_user')
		.dropColumn('totp_key')
		.dropColumn('totp_pending_key')
		.dropColumn('totp_enabled_at')
		.dropColumn('totp_last_step')
		.execute();
}
