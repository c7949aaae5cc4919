// The security headers every response carries: pages, endpoints, error pages and the static files
// adapter-node serves before SvelteKit sees the request. Plain JavaScript, so the hooks
// (src/hooks.server.ts) and the server start (scripts/serve.js) read the one list.

/** @type {Readonly<Record<string, string>>} */
export const SECURITY_HEADERS = Object.freeze({
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'same-origin',
	'X-Frame-Options': 'DENY',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Resource-Policy': 'same-origin'
});

/** Strict-Transport-Security, sent only over https (a year; browsers then refuse plain http). */
export const HSTS = 'max-age=31536000; includeSubDomains';
