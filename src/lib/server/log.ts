import pino from 'pino';

/** Structured JSON logs; the level comes from LOG_LEVEL (default info, silent in tests). */
export const log = pino({
	level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
	base: { app: 'dilna' }
});
