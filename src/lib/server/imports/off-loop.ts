// Steps 1 and 2 off the request loop: the file is read and its rows checked in a worker thread
// (import-worker.ts), so a 200,000-row file or a ZIP that lies about its size never holds other
// users' requests. The database parts of validation (the saved choices and lookups before the
// checks, duplicates and the replace plan after) stay here, on the app's own connection.
// Progress (rows read, rows checked) goes to the caller's callback as it comes.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { threadId, Worker } from 'node:worker_threads';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import type { Executor } from '../audit/audit';
import { checkContext, finishValidation, sha256 } from './validate';
import type { FromWorker, ToWorker, WireResolved } from './import-worker';
import type { ReadOptions, ReadResult, ResolvedRow, ValidateOptions, Validation } from './types';
import type { SourceRow } from './source-row';

export interface ImportProgress {
	phase: 'read' | 'check' | 'write';
	/** rows read or checked so far */
	rows: number;
	/** all rows, once known */
	total: number | null;
}
export type OnProgress = (progress: ImportProgress) => void;

/** Idle workers kept for the next import (each one's modules are loaded once). */
const idle: Worker[] = [];
const KEEP_IDLE = 2;

/**
 * Under Vitest or tsx the worker's module is TypeScript, which a worker thread of Node 20 cannot
 * load: it is bundled once per process with esbuild (tsx's own compiler) into node_modules/.cache,
 * where its packages resolve as they do for the app.
 */
let bundled: Promise<URL> | null = null;
function bundleForDev(source: URL): Promise<URL> {
	bundled ??= (async () => {
		const require = createRequire(import.meta.url);
		const esbuild = (await import(pathToFileURL(require.resolve('esbuild')).href)) as {
			build(options: Record<string, unknown>): Promise<unknown>;
		};
		const result = (await esbuild.build({
			entryPoints: [fileURLToPath(source)],
			bundle: true,
			write: false,
			platform: 'node',
			format: 'esm',
			target: 'node20',
			packages: 'external',
			alias: { $lib: path.resolve('src/lib') },
			logLevel: 'error'
		})) as { outputFiles: { contents: Uint8Array }[] };
		const code = result.outputFiles[0].contents;
		// Named by its content: test files running side by side never write over one in use.
		const dir = path.resolve('node_modules/.cache/dilna');
		const out = path.join(dir, `import-worker-${sha256(code).slice(0, 16)}.mjs`);
		if (!existsSync(out)) {
			mkdirSync(dir, { recursive: true });
			const temp = `${out}.${process.pid}.${threadId}`;
			writeFileSync(temp, code);
			renameSync(temp, out);
		}
		return pathToFileURL(out);
	})();
	return bundled;
}

async function startWorker(): Promise<Worker> {
	// Imported dynamically so that the build gives the worker's module a chunk of its own.
	const { workerUrl } = await import('./import-worker');
	let url = new URL(workerUrl);
	if (url.pathname.endsWith('.ts')) url = await bundleForDev(url);
	// A worker inherits the process's flags; `--input-type` (a server started with `node -e`)
	// would make it refuse to load its file.
	const execArgv = process.execArgv.filter((a) => !a.startsWith('--input-type'));
	const worker = new Worker(url, { workerData: { dilna: 'import-worker' }, execArgv });
	worker.unref();
	return worker;
}

function release(worker: Worker) {
	worker.removeAllListeners('message');
	worker.removeAllListeners('error');
	worker.removeAllListeners('exit');
	if (idle.length < KEEP_IDLE) idle.push(worker);
	else void worker.terminate();
}

/** Reads and validates `bytes` as validate(readFile(…)) would, the heavy part in a worker thread. */
export async function readAndValidate(
	db: Executor,
	bytes: Uint8Array,
	readOptions: ReadOptions,
	validateOptions: ValidateOptions,
	onProgress?: OnProgress
): Promise<{ read: ReadResult; validation: Validation }> {
	const worker = idle.pop() ?? (await startWorker());
	const rows: SourceRow[] = [];
	const resolved: ResolvedRow[] = [];
	let failed = false;
	try {
		const result = await new Promise<Extract<FromWorker, { type: 'done' }>>((resolve, reject) => {
			const post = (m: ToWorker) => worker.postMessage(m);
			worker.on('error', (e) => {
				failed = true;
				reject(e);
			});
			worker.on('exit', (code) => {
				failed = true;
				reject(new Error(`import worker stopped (${code})`));
			});
			worker.on('message', (m: FromWorker) => {
				if (m.type === 'progress') onProgress?.({ phase: m.phase, rows: m.rows, total: m.total });
				else if (m.type === 'read') {
					const kind = m.kind ?? validateOptions.kind;
					checkContext(db, m.format, validateOptions.clock).then(
						(context) => {
							const { clock: _, ...options } = validateOptions;
							void _;
							post({ type: 'check', context, options: { ...options, kind } });
						},
						(e) => {
							failed = true;
							reject(e);
						}
					);
				} else if (m.type === 'rows') {
					for (const r of m.rows) rows.push(r);
					setImmediate(() => post({ type: 'more' }));
				} else if (m.type === 'resolved') {
					for (const r of m.rows as WireResolved[]) {
						const { i, row, ...rest } = r;
						resolved.push({ ...rest, row: row ?? rows[i] });
					}
					setImmediate(() => post({ type: 'more' }));
				} else if (m.type === 'done') resolve(m);
				else if (m.type === 'error') {
					const error = new Error(m.message);
					error.stack = m.stack;
					reject(error);
				}
			});
			post({ type: 'read', bytes, options: readOptions });
		});
		const read: ReadResult = { ...result.read, result: { ...result.read.result, rows } };
		const kind = read.kind ?? validateOptions.kind;
		const validation = await finishValidation(
			db,
			read,
			{ ...result.checked, resolved },
			{ ...validateOptions, kind }
		);
		return { read, validation };
	} finally {
		if (failed) void worker.terminate();
		else release(worker);
	}
}
