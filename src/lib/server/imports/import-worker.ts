// The worker thread side of an import's read and check steps (off-loop.ts starts it and talks to
// it): the file's bytes → read.ts → the row checks of validate.ts, reporting progress, then the
// rows back in slices so that taking them in never holds the server's request loop for long.
// The module exports its own URL: in the built server it is a chunk of its own (off-loop.ts
// imports it dynamically), under Vitest and tsx its TypeScript source.
import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { readFile } from './read';
import { checkRows, sha256, type CheckContext } from './validate';
import type { ReadOptions, ReadResult, ResolvedRow, ValidateOptions } from './types';
import type { SourceRow } from './source-row';

export const workerUrl = import.meta.url;

/**
 * Rows per message back to the request loop. The worker sends the next slice only when the loop
 * asks for it (Node takes in every queued message in one go, which would hold the loop again).
 */
export const SLICE = 2000;

/** A checked row as it travels: its row by index into the rows sent, unless the check changed it. */
export type WireResolved = Omit<ResolvedRow, 'row'> & { i: number; row?: SourceRow };

export type ToWorker =
	| { type: 'read'; bytes: Uint8Array; options: ReadOptions }
	| { type: 'check'; context: CheckContext; options: Omit<ValidateOptions, 'clock'> }
	| { type: 'more' };

export type FromWorker =
	| { type: 'progress'; phase: 'read' | 'check'; rows: number; total: number | null }
	| { type: 'read'; format: string; kind?: ReadResult['kind']; rowsRead: number }
	| { type: 'rows'; rows: SourceRow[] }
	| { type: 'resolved'; rows: WireResolved[] }
	| {
			type: 'done';
			read: ReadResult;
			checked: Omit<ReturnType<typeof checkRows>, 'resolved'>;
	  }
	| { type: 'error'; message: string; stack?: string };

function serve(port: MessagePort) {
	let bytes: Uint8Array | null = null;
	let read: ReadResult | null = null;
	const send = (m: FromWorker) => port.postMessage(m);
	let more: (() => void) | null = null;
	/** Sends a slice, then waits until the loop has taken it in and asks for the next. */
	const sendSlice = (m: FromWorker) =>
		new Promise<void>((resolve) => {
			more = resolve;
			send(m);
		});
	port.on('message', (m: ToWorker) => {
		if (m.type === 'more') {
			const next = more;
			more = null;
			next?.();
			return;
		}
		void handle(m);
	});
	async function handle(m: Exclude<ToWorker, { type: 'more' }>) {
		try {
			if (m.type === 'read') {
				bytes = m.bytes;
				send({ type: 'progress', phase: 'read', rows: 0, total: null });
				read = await readFile(bytes, m.options);
				send({ type: 'progress', phase: 'read', rows: read.result.rowsRead, total: null });
				send({
					type: 'read',
					format: read.format,
					kind: read.kind,
					rowsRead: read.result.rowsRead
				});
				return;
			}
			const file = read!;
			const checked = checkRows(file, m.context, sha256(bytes!), m.options, (rows, total) =>
				send({ type: 'progress', phase: 'check', rows, total })
			);
			const rows = file.result.rows;
			const index = new Map<SourceRow, number>();
			for (let i = 0; i < rows.length; i += SLICE) {
				const slice = rows.slice(i, i + SLICE);
				slice.forEach((r, k) => index.set(r, i + k));
				await sendSlice({ type: 'rows', rows: slice });
			}
			for (let i = 0; i < checked.resolved.length; i += SLICE) {
				await sendSlice({
					type: 'resolved',
					rows: checked.resolved.slice(i, i + SLICE).map(({ row, ...rest }) => {
						const at = index.get(row);
						return at === undefined ? { ...rest, i: -1, row } : { ...rest, i: at };
					})
				});
			}
			const { resolved: _, ...summary } = checked;
			void _;
			send({
				type: 'done',
				read: { ...file, result: { ...file.result, rows: [] } },
				checked: summary
			});
			bytes = null;
			read = null;
		} catch (e) {
			const error = e as Error;
			send({ type: 'error', message: error?.message ?? String(e), stack: error?.stack });
			bytes = null;
			read = null;
		}
	}
}

if (!isMainThread && workerData?.dilna === 'import-worker' && parentPort) serve(parentPort);
