// One SMTP sink for the tests that follow a mail: an smtp-server on a loopback port that keeps
// what it is sent (no mail leaves the machine), optionally refusing the first messages with 451 to
// test the retry. The e2e server is pointed at it by playwright.config.ts (E2E_PORT + 21000).
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Received {
	to: string[];
	body: string;
}

export interface SmtpSink {
	received: Received[];
	port: number;
	close(): Promise<void>;
}

/** The port the e2e server sends its mail to. */
export const e2eSinkPort = () => Number(process.env.E2E_PORT ?? 4173) + 21000;

export async function startSmtpSink({ port = 0, refuse = 0 } = {}): Promise<SmtpSink> {
	const received: Received[] = [];
	let refused = 0;
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', () => {
				if (refused < refuse) {
					refused++;
					callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
					return;
				}
				received.push({
					to: session.envelope.rcptTo.map((r) => r.address),
					body: Buffer.concat(chunks).toString('utf8')
				});
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	return {
		received,
		port: (server.server.address() as AddressInfo).port,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

/** The text part of a message, quoted-printable undone. */
export function decoded(body: string): string {
	const soft = body.replace(/=\r?\n/g, '');
	const bytes = soft.replace(/=([0-9A-F]{2})/g, (_, h: string) =>
		String.fromCharCode(parseInt(h, 16))
	);
	return Buffer.from(bytes, 'latin1').toString('utf8');
}
