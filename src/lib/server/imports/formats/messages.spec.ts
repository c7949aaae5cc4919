import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const catalogue = (locale: string) =>
	Object.keys(JSON.parse(readFileSync(resolve(root, `messages/${locale}/imports.json`), 'utf8')))
		.filter((k) => k !== '$schema')
		.sort();

describe('import message keys', () => {
	it('exist in Czech and English for every key the adapters use', () => {
		const dir = resolve(root, 'src/lib/server/imports/formats');
		const used = new Set<string>();
		for (const file of readdirSync(dir).filter(
			(f) => f.endsWith('.ts') && !f.endsWith('.spec.ts')
		)) {
			for (const m of readFileSync(resolve(dir, file), 'utf8').matchAll(
				/'(imports_[a-z0-9_]+)'/g
			)) {
				used.add(m[1]);
			}
		}
		const cs = catalogue('cs');
		expect(catalogue('en')).toEqual(cs);
		expect([...used].filter((k) => !cs.includes(k))).toEqual([]);
		expect(used.size).toBeGreaterThan(30);
	});
});
