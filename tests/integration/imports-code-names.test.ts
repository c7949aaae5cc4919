// A code list beside the export, on both engines: CityVizor exports its events (akce) as
// `events.csv` (`srcId;name`); uploaded with the data file, its names reach the preview's unknown
// codes and their mapping step. Nothing of it is imported, and a list that cannot be read only
// costs the names (one warning), never the import.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engines, type TestDb } from './harness';
import * as build from '../builders';
import { importFile } from '../../src/lib/server/imports/import-file';
import { viewExtras } from '../../src/lib/server/imports/formats/web';
import { fixedClock } from '../../src/lib/server/shared/clock';

const fixture = (name: string) =>
	new Uint8Array(
		readFileSync(new URL(`../fixtures/imports/cityvizor-events/${name}`, import.meta.url))
	);
const data = fixture('data.csv');
const events = fixture('events.csv');
const clock = fixedClock('2024-06-15');

describe.each(engines)('names from a code list beside the export on %s', (engine) => {
	let t: TestDb;
	let actorId: number;

	beforeAll(async () => {
		t = await createTestDb(engine);
		actorId = await build.user(t.db, { username: 'ekonom', display_name: 'E', role: 'finance' });
		await build.orgUnits(t.db, ['110']);
	});
	afterAll(() => t.destroy());

	const preview = (codeList: Uint8Array | null) =>
		importFile(t.db, actorId, data, {
			fileName: 'data.csv',
			kind: 'actual',
			source: 'web',
			dryRun: true,
			clock,
			codeList
		});

	it('names the unknown ORJ and AKCE codes in the preview and its mapping step', async () => {
		const outcome = await preview(events);
		expect(outcome.read.format).toBe('cityvizor');
		const named = outcome.validation.unknown
			.filter((u) => u.field === 'orj' || u.field === 'org')
			.map((u) => [u.field, u.code, u.count, u.name]);
		expect(named).toEqual(
			expect.arrayContaining([
				['orj', '0990', 3, 'Odbor životního prostředí'],
				['org', '42', 2, 'Revitalizace parku Na Výsluní'],
				// a code the list does not have stays without a name
				['org', '77', 1, null]
			])
		);
		// What the import screen shows: the names go with the codes to the mapping selects.
		const view = viewExtras(outcome);
		expect(view.unknownCodes.find((u) => u.field === 'org' && u.code === '42')?.name).toBe(
			'Revitalizace parku Na Výsluní'
		);
		expect(outcome.validation.warnings.filter((w) => w.field === 'file')).toEqual([]);
		const written = await t.db.selectFrom('cost_entry').select('id').execute();
		expect(written).toEqual([]);
	});

	it('without a code list the codes have no names; a list it cannot read says so once', async () => {
		const bare = await preview(null);
		expect(bare.validation.unknown.every((u) => !u.name)).toBe(true);
		const garbled = await preview(new TextEncoder().encode('foo;bar\n1;2\n'));
		expect(garbled.validation.unknown.every((u) => !u.name)).toBe(true);
		expect(
			garbled.validation.warnings.filter((w) => w.key === 'imports_warning_code_list')
		).toHaveLength(1);
		expect(garbled.validation.unknown.map((u) => [u.field, u.code, u.count])).toEqual(
			bare.validation.unknown.map((u) => [u.field, u.code, u.count])
		);
	});

	it('a list naming its column ORJ names ORJ codes only', async () => {
		const orjList = new TextEncoder().encode('ORJ;Název\n0990;Životní prostředí\n42;Nic\n');
		const outcome = await preview(orjList);
		const byCode = Object.fromEntries(
			outcome.validation.unknown.map((u) => [`${u.field}:${u.code}`, u.name])
		);
		expect(byCode['orj:0990']).toBe('Životní prostředí');
		expect(byCode['org:42']).toBeNull();
	});
});
