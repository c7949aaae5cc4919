// /healthz for load balancers: 200 with the version while the database answers, 503 when not.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

async function healthz(env: Record<string, string>) {
	vi.resetModules();
	for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
	const { GET } = await import('../../src/routes/healthz/+server');
	const { getDb } = await import('../../src/lib/server/db');
	const response = await (GET as () => Promise<Response>)();
	await getDb().destroy();
	return { status: response.status, body: await response.json() };
}

describe('/healthz', () => {
	afterEach(() => vi.unstubAllEnvs());

	it('answers 200 with the version when the database answers', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'dilna-health-'));
		try {
			const { status, body } = await healthz({ DATABASE_URL: '', DATA_DIR: dir });
			expect(status).toBe(200);
			expect(body).toEqual({
				status: 'ok',
				db: 'ok',
				version: expect.stringMatching(/^\d+\.\d+\.\d+/)
			});
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('answers 503 when the database does not answer', async () => {
		// Nothing listens on port 9 (discard) of this machine.
		const { status, body } = await healthz({
			DATABASE_URL: 'postgres://postgres@127.0.0.1:9/none'
		});
		expect(status).toBe(503);
		expect(body).toMatchObject({ status: 'error', db: 'unavailable' });
	});
});
