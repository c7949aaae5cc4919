import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { SeedContext } from './seed';

/** Seeds the costs area of the demo town. */
export async function seedCosts(trx: Transaction<Database>, ctx: SeedContext): Promise<void> {
	void trx;
	void ctx;
}
