import { sql } from 'kysely';

/**
 * A group's `amount` in exact haléře. PostgreSQL sums a bigint column as numeric, which the driver
 * hands over as text; the cast back keeps it a bigint on both engines.
 */
export const amountSum = sql<bigint>`sum(amount)::bigint`.as('amount');
