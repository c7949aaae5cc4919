import { expect, test } from '@playwright/test';
import { request as httpRequest } from 'node:http';

/** A POST whose body is sent chunked (no Content-Length), `size` bytes in 16 kB pieces. */
function chunkedPost(url: string, size: number, headers: Record<string, string>) {
	return new Promise<{ status: number; body: string }>((resolve, reject) => {
		const req = httpRequest(url, { method: 'POST', headers }, (res) => {
			let body = '';
			res.on('data', (c) => (body += c));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
		});
		// The server reads a refused body to its end before it answers: a cut connection (EPIPE,
		// ECONNRESET) before the answer is what a browser shows as "connection reset", not a 413.
		req.on('error', reject);
		let sent = 0;
		const pump = () => {
			while (sent < size) {
				const n = Math.min(16 * 1024, size - sent);
				sent += n;
				if (!req.write(Buffer.alloc(n, 'a'))) return req.once('drain', pump);
			}
			req.end();
		};
		pump();
	});
}

test('a chunked body over its route limit is a 413 with the limit named, not a 500', async ({
	baseURL
}) => {
	const headers = {
		origin: baseURL!,
		accept: 'application/json',
		'x-sveltekit-action': 'true',
		'content-type': 'application/x-www-form-urlencoded'
	};
	const signIn = await chunkedPost(`${baseURL}/login`, 200 * 1024, headers);
	expect(signIn.status).toBe(413);
	expect(JSON.parse(signIn.body)).toEqual({
		type: 'error',
		error: { message: expect.stringContaining('16 kB') }
	});
	const form = await chunkedPost(`${baseURL}/initiatives`, 2 * 1024 * 1024, headers);
	expect(form.status).toBe(413);
	const health = await fetch(`${baseURL}/healthz`);
	expect(health.status).toBe(200);
});
