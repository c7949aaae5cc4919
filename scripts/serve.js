// Starts the built server (adapter-node's build/index.js) so that every response carries the
// security headers, static files included: adapter-node serves `build/client` itself, before
// SvelteKit's hooks run, so they are set here on the response before any handler writes it.
// SvelteKit's own responses set the same names again (and the pages their CSP) on top.
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HSTS, SECURITY_HEADERS } from '../src/lib/security-headers.js';

/** The import's file limit plus room for the form around it (see src/lib/server/body-limit.ts). */
export const DEFAULT_BODY_SIZE_LIMIT = '52M';

export async function serve(buildDir) {
	process.env.BODY_SIZE_LIMIT ??= DEFAULT_BODY_SIZE_LIMIT;
	const https = (process.env.ORIGIN ?? '').startsWith('https:');
	// Behind a proxy that names the scheme (adapter-node's PROTOCOL_HEADER), https is per request.
	const protocolHeader = (process.env.PROTOCOL_HEADER ?? '').toLowerCase();
	const createServer = http.createServer;
	http.createServer = (...args) => {
		const server = createServer(...args);
		server.prependListener('request', (req, res) => {
			for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
			if (https || (protocolHeader && req.headers[protocolHeader] === 'https')) {
				res.setHeader('Strict-Transport-Security', HSTS);
			}
		});
		return server;
	};
	await import(pathToFileURL(path.join(buildDir, 'index.js')).href);
}
