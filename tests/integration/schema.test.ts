// The typed schema module (src/lib/server/db/schema*.ts) must describe the migrated database
// exactly: same tables, same columns, same nullability, and Generated<> exactly where the
// database fills a value by default.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { sql } from 'kysely';
import { createTestDb, engines, type TestDb } from './harness';

interface ColumnShape {
	nullable: boolean;
	generated: boolean;
}
type TableShapes = Record<string, Record<string, ColumnShape>>;

const schemaDir = path.resolve('src/lib/server/db');

function readTypedSchema(): TableShapes {
	const files = [
		path.join(schemaDir, 'schema.ts'),
		...readdirSync(path.join(schemaDir, 'schema')).map((f) => path.join(schemaDir, 'schema', f))
	];
	const interfaces = new Map<string, ts.InterfaceDeclaration>();
	const aliases = new Map<string, ts.TypeNode>();
	for (const file of files) {
		const source = ts.createSourceFile(
			file,
			readFileSync(file, 'utf8'),
			ts.ScriptTarget.Latest,
			true
		);
		source.forEachChild((node) => {
			if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, node);
			if (ts.isTypeAliasDeclaration(node)) aliases.set(node.name.text, node.type);
		});
	}
	const isGenerated = (type: ts.TypeNode): boolean => {
		if (ts.isTypeReferenceNode(type)) {
			const name = type.typeName.getText();
			if (name === 'Generated' || name === 'GeneratedAlways') return true;
			const alias = aliases.get(name);
			if (alias) return isGenerated(alias) || alias.getText().includes('undefined');
		}
		return false;
	};
	const isNullable = (type: ts.TypeNode): boolean => {
		if (ts.isUnionTypeNode(type)) return type.types.some((t) => t.getText() === 'null');
		if (ts.isTypeReferenceNode(type) && type.typeArguments?.length) {
			return type.typeArguments.some((a) => isNullable(a));
		}
		return false;
	};
	const tables: TableShapes = {};
	const collect = (name: string) => {
		const decl = interfaces.get(name);
		if (!decl) throw new Error(`interface ${name} not found`);
		for (const clause of decl.heritageClauses ?? []) {
			for (const t of clause.types) collect(t.expression.getText());
		}
		for (const member of decl.members) {
			if (!ts.isPropertySignature(member) || !member.type) continue;
			const tableName = member.name.getText();
			const tableDecl = interfaces.get(member.type.getText());
			if (!tableDecl) throw new Error(`table interface ${member.type.getText()} not found`);
			tables[tableName] = columnsOf(tableName, tableDecl);
		}
	};
	// A table's columns, those of the table interfaces it extends included.
	const columnsOf = (tableName: string, decl: ts.InterfaceDeclaration): TableShapes[string] => {
		const columns: TableShapes[string] = {};
		for (const clause of decl.heritageClauses ?? []) {
			for (const t of clause.types) {
				const base = interfaces.get(t.expression.getText());
				if (!base) throw new Error(`table interface ${t.expression.getText()} not found`);
				Object.assign(columns, columnsOf(tableName, base));
			}
		}
		for (const col of decl.members) {
			if (!ts.isPropertySignature(col) || !col.type) continue;
			if (col.questionToken) {
				throw new Error(`${tableName}.${col.name.getText()}: use T | null, not ?`);
			}
			columns[col.name.getText()] = {
				nullable: isNullable(col.type),
				generated: isGenerated(col.type)
			};
		}
		return columns;
	};
	collect('Database');
	return tables;
}

describe.each(engines)('schema module against the migrated database on %s', (engine) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await createTestDb(engine);
	});
	afterAll(() => t.destroy());

	it('lists the same tables and columns, nullability and defaults', async () => {
		const rows = await sql<{
			table_name: string;
			column_name: string;
			is_nullable: string;
			column_default: string | null;
			is_identity: string;
			is_generated: string;
		}>`select table_name, column_name, is_nullable, column_default, is_identity, is_generated
			from information_schema.columns
			where table_schema = 'public' and table_name not like 'kysely_%'`.execute(t.db);
		const views = await sql<{ table_name: string }>`
			select table_name from information_schema.views where table_schema = 'public'`.execute(t.db);
		const viewNames = new Set(views.rows.map((v) => v.table_name));
		const actual: TableShapes = {};
		for (const r of rows.rows) {
			actual[r.table_name] ??= {};
			actual[r.table_name][r.column_name] = {
				nullable: r.is_nullable === 'YES',
				generated:
					!viewNames.has(r.table_name) &&
					(r.column_default !== null || r.is_identity === 'YES' || r.is_generated === 'ALWAYS')
			};
		}
		const typed = readTypedSchema();
		for (const view of viewNames) {
			// Views are typed too, but nothing is generated in them.
			for (const col of Object.values(typed[view] ?? {})) col.generated = false;
		}
		expect(typed).toEqual(actual);
	});
});
