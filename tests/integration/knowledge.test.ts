import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engines, type TestDb } from './harness';
import * as build from '../builders';
import * as knowledge from '../../src/lib/server/knowledge/knowledge.service';
import * as processes from '../../src/lib/server/processes/processes.service';
import type { SessionUser } from '../../src/lib/server/auth/session';

const text = (segments: { text: string }[]) => segments.map((s) => s.text).join('');

describe.each(engines)('knowledge search on %s', (engine) => {
	let t: TestDb;
	const viewer: SessionUser = { id: 0, username: 'host', displayName: 'host', role: 'viewer' };

	beforeAll(async () => {
		t = await createTestDb(engine);
		viewer.id = await build.user(t.db, { username: 'host' });
		await build.process(t.db, {
			code: 'P-ODP',
			name: 'Odpadové hospodářství',
			description: 'Svoz komunálního odpadu a třídění.'
		});
		await build.process(t.db, {
			code: 'P-ZEL',
			name: 'Údržba veřejné zeleně',
			description: 'Sečení a péče o stromy; odpad ze zeleně odváží svoz.'
		});
		await build.goal(t.db, { code: 'C-ZP', name: 'Čisté životní prostředí' });
		await build.kpi(t.db, {
			code: 'K-ODP',
			name: 'Podíl tříděného odpadu',
			definition: 'Tříděný odpad / všechen odpad'
		});
	});
	afterAll(() => t.destroy());

	it('finds words without their accents and ranks a title match above a description match', async () => {
		const hits = await knowledge.search(t.db, viewer, 'odpad', { kinds: ['process', 'kpi'] });
		expect(hits.map((h) => h.code)).toEqual(['K-ODP', 'P-ODP', 'P-ZEL']);
		expect(hits[0].rank).toBeGreaterThan(hits[2].rank);
		const zelen = await knowledge.search(t.db, viewer, 'UDRZBA zelene');
		expect(zelen.map((h) => h.code)).toEqual(['P-ZEL']);
		expect(zelen[0].title.filter((s) => s.hit).map((s) => s.text)).toEqual(['Údržba', 'zeleně']);
		expect(zelen[0].href).toMatch(/^\/processes\/\d+$/);
	});

	it('needs every word, filters by kind and searches the CAF model texts', async () => {
		expect(await knowledge.search(t.db, viewer, 'odpad stromy')).toHaveLength(1);
		const kpis = await knowledge.search(t.db, viewer, 'odpad', { kinds: ['kpi'] });
		expect(kpis.map((h) => h.code)).toEqual(['K-ODP']);
		const caf = await knowledge.search(t.db, viewer, 'znalosti', { kinds: ['caf'] });
		expect(caf.map((h) => h.code)).toContain('4.4');
		expect(text(caf[0].title)).toBe('Řídí informace a znalosti');
		const en = await knowledge.search(t.db, viewer, 'knowledge', { kinds: ['caf'], lang: 'en' });
		expect(en.map((h) => h.code)).toContain('4.4');
	});

	it('follows an edit and a deletion: a renamed process is found under its new name only, a deleted one not at all', async () => {
		const manager: SessionUser = {
			id: await build.user(t.db, { username: 'vedouci', role: 'manager' }),
			username: 'vedouci',
			displayName: 'vedouci',
			role: 'manager'
		};
		const id = await build.process(t.db, {
			code: 'P-EVO',
			name: 'Evidence obyvatel',
			description: 'Přihlášení k trvalému pobytu.'
		});
		expect((await knowledge.search(t.db, viewer, 'obyvatel')).map((h) => h.code)).toEqual([
			'P-EVO'
		]);
		const card = await processes.get(t.db, id, 2026);
		await processes.update(t.db, manager, id, card.version, {
			...build.processInput(card),
			name: 'Matriční úřad'
		});
		expect(await knowledge.search(t.db, viewer, 'obyvatel')).toEqual([]);
		const renamed = await knowledge.search(t.db, viewer, 'matricni');
		expect(renamed.map((h) => [h.code, text(h.title)])).toEqual([['P-EVO', 'Matriční úřad']]);
		// the description is still searched
		expect((await knowledge.search(t.db, viewer, 'trvalemu pobytu')).map((h) => h.id)).toEqual([
			id
		]);

		await processes.remove(t.db, manager, id);
		expect(await knowledge.search(t.db, viewer, 'matricni')).toEqual([]);
		expect(await knowledge.search(t.db, viewer, 'pobytu')).toEqual([]);
	});

	it('answers nothing for an empty query, punctuation or a role without read', async () => {
		expect(await knowledge.search(t.db, viewer, '  ')).toEqual([]);
		expect(await knowledge.search(t.db, viewer, "'); drop table process; --")).toEqual([]);
		expect(
			await knowledge.search(t.db, { ...viewer, role: 'nobody' as 'viewer' }, 'odpad')
		).toEqual([]);
		expect(await t.db.selectFrom('process').select('id').execute()).toHaveLength(2);
		expect(await t.db.selectFrom('search_entry').select('ref_id').execute()).toHaveLength(4);
	});
});
