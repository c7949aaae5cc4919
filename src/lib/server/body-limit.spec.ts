import { describe, expect, it } from 'vitest';
import { BODY_LIMITS, bodyLimitFor, discardBody, readWithin, sizeText } from './body-limit';

/** A POST whose body comes in chunks with no Content-Length, as `Transfer-Encoding: chunked`. */
function chunkedPost(total: number, chunk = 1000, sender = { sent: 0, cancelled: false }): Request {
	let sent = 0;
	const body = new ReadableStream<Uint8Array>({
		cancel() {
			// adapter-node destroys the socket here: the sender would never see the 413.
			sender.cancelled = true;
		},
		pull(controller) {
			if (sent >= total) return controller.close();
			const n = Math.min(chunk, total - sent);
			sent += n;
			sender.sent = sent;
			controller.enqueue(new Uint8Array(n).fill(97));
		}
	});
	return new Request('http://localhost/initiatives', {
		method: 'POST',
		body,
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		duplex: 'half'
	} as RequestInit);
}

describe('request body limits', () => {
	it('gives sign-in a small limit, the import screens the file size, other forms a megabyte', () => {
		expect(bodyLimitFor('/login')).toBe(16 * 1024);
		expect(bodyLimitFor('/costs/import')).toBe(BODY_LIMITS.import);
		expect(bodyLimitFor('/goals/import')).toBe(BODY_LIMITS.import);
		expect(bodyLimitFor('/costs/import/other')).toBe(BODY_LIMITS.form);
		expect(bodyLimitFor('/initiatives/3')).toBe(BODY_LIMITS.form);
		expect(BODY_LIMITS.import).toBeGreaterThan(50 * 1024 * 1024);
	});

	it('lets the staff import take a file and a process model its 5 MB diagram', () => {
		expect(bodyLimitFor('/people/import')).toBe(BODY_LIMITS.import);
		expect(bodyLimitFor('/processes/15/model')).toBe(BODY_LIMITS.model);
		expect(BODY_LIMITS.model).toBeGreaterThan(5 * 1024 * 1024);
		expect(bodyLimitFor('/knowledge/documents')).toBe(BODY_LIMITS.document);
		expect(bodyLimitFor('/knowledge/documents/7')).toBe(BODY_LIMITS.document);
		expect(bodyLimitFor('/knowledge/documents/7/file/1')).toBe(BODY_LIMITS.form);
		expect(BODY_LIMITS.document).toBeGreaterThan(10 * 1024 * 1024);
		expect(bodyLimitFor('/processes/15')).toBe(BODY_LIMITS.form);
	});

	it('reads a chunked body over the limit to a refusal (413), not to a form that fails (500)', async () => {
		// Before: the hook only cut the stream, and the route's request.formData() threw → 500.
		expect(await readWithin(chunkedPost(3000), 2048)).toBeNull();
		const within = await readWithin(chunkedPost(1500), 2048);
		expect(within).not.toBeNull();
		expect((await within!.arrayBuffer()).byteLength).toBe(1500);
		expect(within!.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
	});

	it('reads a refused body to its end and never cuts the connection under the sender', async () => {
		const sender = { sent: 0, cancelled: false };
		expect(await readWithin(chunkedPost(300_000, 1000, sender), 2048)).toBeNull();
		expect(sender).toEqual({ sent: 300_000, cancelled: false });

		// Past the drain budget the rest stays unread, still without cancelling.
		const flood = { sent: 0, cancelled: false };
		expect(await readWithin(chunkedPost(10_000_000, 1000, flood), 2048, 50_000)).toBeNull();
		expect(flood.sent).toBeLessThan(60_000);
		expect(flood.cancelled).toBe(false);

		const declared = { sent: 0, cancelled: false };
		await discardBody(chunkedPost(40_000, 1000, declared));
		expect(declared).toEqual({ sent: 40_000, cancelled: false });
	});

	it('names sizes the way the message shows them', () => {
		expect(sizeText(16 * 1024)).toBe('16 kB');
		expect(sizeText(BODY_LIMITS.import)).toBe('51 MB');
	});
});
