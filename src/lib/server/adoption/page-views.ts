// This process's page-view counter: the hooks count every signed-in page view into it, and the
// adoption page writes what it holds before reading the counts, so its own figures are never a
// few seconds behind the views this process has served.
import { getDb } from '../db';
import { log } from '../log';
import { countViews } from './adoption.service';
import { createViewCounter } from './view-counter';

/** Page views counted in memory and written every few seconds in one statement. */
export const pageViews = createViewCounter(
	(counts) => countViews(getDb(), counts),
	(error: unknown) => log.warn({ error: String(error) }, 'counting page views failed')
);
