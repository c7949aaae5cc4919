// npm run model:import -- FILE --process CODE [--dry-run] [--json] [--note TEXT]
// Reads a BPMN 2.0 file (from ARIS, ADONIS, Signavio, Bizagi, Camunda…) with the same checks as
// the model page and saves it as the process's next version; --dry-run only reads and counts.
// Exit codes: 0 saved (or, with --dry-run, readable); 1 refused (not BPMN, malformed, too large,
// entity declarations, unknown process); 2 usage; 3 the embedded database is held by the app.
import { existsSync, readFileSync } from 'node:fs';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import * as models from '../src/lib/server/models/models.service';
import { ValidationError } from '../src/lib/server/shared/errors';
import { argValue, catalogue, runCli } from './cli';

const args = process.argv.slice(2);
const file = args.find(
	(a, i) => !a.startsWith('--') && !['--process', '--note'].includes(args[i - 1])
);
const code = argValue(args, '--process');
const note = argValue(args, '--note') ?? null;
const json = args.includes('--json');
const dryRun = args.includes('--dry-run');
if (!file || !code) {
	console.error(
		'Usage: npm run model:import -- FILE --process CODE [--dry-run] [--json] [--note TEXT]'
	);
	process.exit(2);
}
if (!existsSync(file)) {
	console.error(`File not found: ${file}`);
	process.exit(2);
}
const messages = catalogue();

function print(report: Record<string, unknown>, lines: string[]) {
	if (json) console.log(JSON.stringify(report));
	else for (const line of lines) console.log(line);
}

await runCli(async (db) => {
	await migrateToLatest(db);
	const bytes = new Uint8Array(readFileSync(file));
	try {
		const read = await models.readBpmn(bytes);
		const processId = await models.processIdByCode(db, code);
		if (processId === null) {
			print({ file, status: 'refused', error: 'unknown-process', process: code }, [
				`Unknown process: ${code}`
			]);
			return 1;
		}
		const base = await models.latest(db, processId);
		const version = dryRun ? null : await models.save(db, null, processId, bytes, { base, note });
		const c = read.counts;
		print(
			{
				file,
				process: code.toUpperCase(),
				status: dryRun ? 'dry-run' : 'saved',
				version,
				counts: c,
				laidOut: read.laidOut,
				hasDiagram: read.hasDiagram,
				warnings: read.warnings
			},
			[
				`${file}: ${dryRun ? 'dry run, nothing saved' : `saved as version ${version} of ${code}`}`,
				`participants ${c.participants}, lanes ${c.lanes}, tasks ${c.tasks}, sub-processes ${c.subProcesses}, gateways ${c.gateways}, events ${c.events}, sequence flows ${c.sequenceFlows}`,
				...(read.laidOut
					? ['The file had no diagram (BPMNDI); it was laid out automatically.']
					: []),
				...(!read.hasDiagram ? ['The file has no diagram; the model page lists its tasks.'] : []),
				...read.warnings.map((w) => `warning: ${w}`)
			]
		);
		return 0;
	} catch (e) {
		if (!(e instanceof ValidationError)) throw e;
		const key = Object.values(e.errors)[0];
		const message = messages[key] ?? key;
		print({ file, status: 'refused', error: key, message }, [`${file}: ${message}`]);
		return 1;
	}
});
