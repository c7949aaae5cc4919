import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { SeedContext } from './seed';

/** Seeds the process-map area of the demo town. */
export async function seedProcessMap(trx: Transaction<Database>, ctx: SeedContext): Promise<void> {
	void trx;
	void ctx;
}
