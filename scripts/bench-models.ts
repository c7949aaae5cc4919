// The process models' part of `npm run bench` (issue 19, "Performance"):
//  - the JavaScript of the model page (/processes/[id]/model), gzip: what the page loads itself
//    and, apart from that, the bpmn-js chunks it loads dynamically (viewer for readers, modeler
//    for editors); and a check that no other page's JavaScript includes a bpmn-js chunk;
//  - the import of a 2,000-element model (read, validate with bpmn-moddle, store a version), which
//    must take under 2 s.
// Used by scripts/bench.ts (import on each engine) and scripts/bench-pages.ts (the JavaScript, on
// the bench build); `npx tsx scripts/bench-models.ts` measures both alone, on the `build/` that
// `npm run build` (or the e2e server) made and an embedded database.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Db } from '../src/lib/server/db';
import { openDatabase } from '../src/lib/server/db/engine';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { generatedModel } from '../src/lib/server/models/generate';
import * as models from '../src/lib/server/models/models.service';

interface ManifestChunk {
	file: string;
	src?: string;
	imports?: string[];
	dynamicImports?: string[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const MODEL_PAGE = 'src/routes/(app)/processes/[id]/model/+page.svelte';

/** Gzip size of the JavaScript of the model page and its bpmn-js chunks, from the build's manifest. */
export function modelPageJs(kitOut: string, buildDir: string) {
	const manifest: Record<string, ManifestChunk> = JSON.parse(
		readFileSync(path.join(kitOut, 'output', 'client', '.vite', 'manifest.json'), 'utf8')
	);
	const gzip = (file: string) => {
		const full = path.join(buildDir, 'client', file);
		if (existsSync(full + '.gz')) return readFileSync(full + '.gz').length;
		return gzipSync(readFileSync(full), { level: 9 }).length;
	};
	const kb = (files: Iterable<string>) =>
		round1([...files].reduce((sum, f) => sum + gzip(f), 0) / 1024);
	/** The chunks `keys` load statically (themselves included), by manifest key. */
	const closure = (keys: string[]) => {
		const seen = new Set<string>();
		const queue = [...keys];
		while (queue.length) {
			const key = queue.pop()!;
			if (seen.has(key) || !manifest[key]) continue;
			seen.add(key);
			queue.push(...(manifest[key].imports ?? []));
		}
		return seen;
	};
	const nodes = Object.keys(manifest).filter((k) => k.includes('/client-optimized/nodes/'));
	const bpmnEntries = Object.keys(manifest).filter(
		(k) => k.startsWith('node_modules/bpmn-js/') && k.endsWith('.js')
	);
	const pageNodes = nodes.filter((k) =>
		(manifest[k].dynamicImports ?? []).some((d) => bpmnEntries.includes(d))
	);
	if (pageNodes.length !== 1) {
		throw new Error(`expected one page loading bpmn-js (${MODEL_PAGE}), found ${pageNodes.length}`);
	}
	const page = closure(pageNodes);
	const files = (keys: Iterable<string>) => new Set([...keys].map((k) => manifest[k].file));
	// bpmn-js and what only it needs: the dynamic entries' chunks the page does not load itself.
	const lazyOf = (entry: string) => files([...closure([entry])].filter((k) => !page.has(k)));
	const viewer = lazyOf('node_modules/bpmn-js/lib/NavigatedViewer.js');
	const modeler = lazyOf('node_modules/bpmn-js/lib/Modeler.js');
	const bpmnFiles = new Set([...viewer, ...modeler]);
	// Every other page (and the app's entry, which every page loads) must not load them statically.
	const entries = Object.keys(manifest).filter((k) => k.includes('/client-optimized/app.js'));
	const others = [...nodes.filter((k) => k !== pageNodes[0]), ...entries];
	const othersWithBpmn = others.filter((k) =>
		[...files(closure([k]))].some((f) => bpmnFiles.has(f))
	);
	return {
		/** the page's own scripts (node and static imports, shared chunks included) */
		pageKb: kb(files(page)),
		/** loaded by the page for readers: bpmn-js NavigatedViewer */
		viewerKb: kb(viewer),
		/** loaded by the page for editors: bpmn-js Modeler (includes the viewer) */
		modelerKb: kb(modeler),
		bpmnFiles: [...bpmnFiles].map((f) => path.basename(f)),
		/** manifest keys of other pages whose static JavaScript includes a bpmn-js chunk (want none) */
		otherPagesWithBpmn: othersWithBpmn,
		otherPagesChecked: others.length
	};
}

/**
 * Imports a generated model of 1,000 tasks (with its events, flows and lanes over 2,000 elements)
 * into a throwaway process, as the command line and the upload do, and removes it again.
 */
export async function modelImport(db: Db) {
	const xml = generatedModel(1000);
	const { id } = await db
		.insertInto('process')
		.values({ code: 'BENCH-MODEL', name: 'Benchmark model', kind: 'support' })
		.returning('id')
		.executeTakeFirstOrThrow();
	try {
		const read = await models.readBpmn(xml);
		const elements =
			read.counts.tasks +
			read.counts.events +
			read.counts.gateways +
			read.counts.sequenceFlows +
			read.counts.lanes +
			read.counts.participants;
		const times: number[] = [];
		for (let i = 0; i < 3; i++) {
			const t = performance.now();
			await models.save(db, null, id, xml, { base: i === 0 ? null : i, note: 'bench' });
			times.push(performance.now() - t);
		}
		times.sort((a, b) => a - b);
		const ms = Math.round(times[1]);
		return {
			model_import_elements: elements,
			model_import_ms: ms,
			model_import_under_2s: ms < 2000
		};
	} finally {
		await db.deleteFrom('process').where('id', '=', id).execute();
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
	const js = modelPageJs(
		process.env.BENCH_KIT_OUT_DIR ?? process.env.KIT_OUT_DIR ?? '.svelte-kit',
		process.env.BENCH_BUILD_DIR ?? process.env.BUILD_DIR ?? 'build'
	);
	const dir = mkdtempSync(path.join(tmpdir(), 'dilna-bench-models-'));
	const db = openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'pgdata') });
	try {
		await migrateToLatest(db);
		const pglite = await modelImport(db);
		console.log(JSON.stringify({ modelPageJsGzipKb: js, modelImport: { pglite } }));
	} finally {
		await db.destroy();
		rmSync(dir, { recursive: true, force: true });
	}
}
