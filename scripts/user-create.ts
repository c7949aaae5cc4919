// npm run user:create -- --username NAME --role ROLE [--name "Full Name"]
// The password is read from DILNA_PASSWORD (for scripts) or asked for on the terminal.
import { createInterface } from 'node:readline/promises';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { parseNewUser } from '../src/lib/server/users/users.validation';
import * as users from '../src/lib/server/users/users.service';
import { ValidationError } from '../src/lib/server/shared/errors';
import { ROLES } from '../src/lib/server/auth/permissions';
import { m } from '../src/lib/paraglide/messages';
import { argValue, runCli } from './cli';

const args = process.argv.slice(2);
const username = argValue(args, '--username');
const role = argValue(args, '--role');
if (!username || !role) {
	console.error(
		`Usage: npm run user:create -- --username NAME --role ${ROLES.join('|')} [--name "Full Name"]`
	);
	process.exit(2);
}

async function askPassword(): Promise<string> {
	if (process.env.DILNA_PASSWORD) return process.env.DILNA_PASSWORD;
	if (!process.stdin.isTTY) {
		console.error('No terminal to ask for the password: set DILNA_PASSWORD.');
		process.exit(2);
	}
	const rl = createInterface({ input: process.stdin, output: process.stderr });
	const password = await rl.question('Password (at least 12 characters): ');
	rl.close();
	return password;
}

await runCli(async (db) => {
	await migrateToLatest(db);
	const parsed = parseNewUser({
		username,
		role,
		displayName: argValue(args, '--name') ?? username,
		password: await askPassword()
	});
	if (!parsed.ok) {
		const messages = m as unknown as Record<string, (i: object, o: { locale: 'en' }) => string>;
		for (const [field, key] of Object.entries(parsed.errors)) {
			console.error(`${field}: ${messages[key]?.({}, { locale: 'en' }) ?? key}`);
		}
		return 2;
	}
	try {
		const user = await users.create(db, null, parsed.value);
		console.log(`Created user ${user.username} (${user.role}).`);
	} catch (error) {
		if (error instanceof ValidationError) {
			console.error(`User ${parsed.value.username} already exists.`);
			return 2;
		}
		throw error;
	}
});
