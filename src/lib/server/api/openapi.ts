// The OpenAPI 3.1 description of the read API. Kept beside the endpoints it describes; the
// integration test checks that every endpoint under src/routes/api/v1 appears here.
import { FIRST_YEAR, YEARS_AHEAD } from '../shared/http';

const money = {
	type: 'string',
	pattern: '^-?\\d+\\.\\d{2}$',
	description: 'CZK as an exact decimal string'
};
const year = {
	name: 'year',
	in: 'query',
	required: false,
	description: `A calendar year from ${FIRST_YEAR} to ${YEARS_AHEAD} years after the current one.`,
	schema: { type: 'integer', minimum: FIRST_YEAR }
};
const integer = { type: 'integer' };
const string = { type: 'string' };
const date = { type: 'string', format: 'date' };
const nullableInteger = { type: ['integer', 'null'] };
const nullableString = { type: ['string', 'null'] };
const nullableMoney = { oneOf: [money, { type: 'null' }] };
const oneOf = (...values: string[]) => ({ enum: values });
const object = (properties: Record<string, object>) => ({ type: 'object', properties });
const arrayOf = (items: object) => ({ type: 'array', items });
/** A record with an id, a code and a name, and fields of its own. */
const coded = (properties: Record<string, object>) =>
	object({ id: integer, code: string, name: string, ...properties });

/** The `{ data: [...] }` every list endpoint answers with. */
function list(itemSchema: object) {
	return { type: 'object', required: ['data'], properties: { data: arrayOf(itemSchema) } };
}

function get(summary: string, schema: object, parameters: object[] = [], tag = 'data') {
	return {
		get: {
			summary,
			tags: [tag],
			parameters,
			responses: {
				'200': { description: 'OK', content: { 'application/json': { schema } } },
				'400': { $ref: '#/components/responses/BadRequest' },
				'401': { $ref: '#/components/responses/Unauthorized' },
				'403': { $ref: '#/components/responses/Forbidden' }
			}
		}
	};
}

/** The JSON report of an import: the same as `npm run costs:import -- FILE --json` prints. */
const rowMessage = object({
	line: { type: 'integer', description: 'the line as the file shows it; 0 for the whole file' },
	field: nullableString,
	key: string,
	message: string
});
const importReport = {
	type: 'object',
	required: ['file', 'status', 'format', 'rowsRead', 'rowsImported', 'total', 'errors'],
	properties: {
		file: string,
		status: oneOf('imported', 'pending', 'invalid', 'duplicate'),
		format: {
			type: 'string',
			examples: ['kxx', 'internet-stream', 'vera', 'cityvizor', 'csv', 'xlsx', 'ods']
		},
		encoding: nullableString,
		kind: { enum: ['actual', 'budget', null] },
		mode: oneOf('replace', 'append'),
		rowsRead: integer,
		rowsImported: integer,
		rowsValid: integer,
		skipped: object({ revenue: integer, financing: integer, ignored: integer }),
		total: money,
		batchId: { type: ['integer', 'null'], description: 'the batch a clerk sees and can roll back' },
		pendingId: { type: 'integer', description: '202 only: the file waiting on /costs/import' },
		duplicateOf: nullableInteger,
		errors: arrayOf(rowMessage),
		warnings: arrayOf(rowMessage),
		unknown: arrayOf(
			object({
				field: oneOf('polozka', 'paragraf', 'orj', 'org'),
				code: string,
				count: integer,
				amount: money,
				choice: {
					description: 'the choice saved for the source; null: nobody has decided yet',
					oneOf: [
						{ type: 'null' },
						object({ action: oneOf('map', 'accept', 'skip'), target: string })
					]
				}
			})
		),
		unmappedRows: integer,
		unverifiedRows: integer,
		skippedUnknown: object({ rows: integer, total: money }),
		replaces: object({ months: arrayOf(string), batches: arrayOf(object({})) }),
		months: arrayOf(object({ month: string, rows: integer, file: money, ledger: nullableMoney })),
		classes: arrayOf(object({ month: string, class: string, file: money, ledger: money }))
	}
};

const pushParameters = [
	{
		name: 'kind',
		in: 'query',
		schema: { enum: ['actual', 'budget'], default: 'actual' },
		description: 'Actual spending or budget, for files that do not say it themselves (KXX does).'
	},
	{
		name: 'year',
		in: 'query',
		schema: { type: 'integer', minimum: FIRST_YEAR },
		description: 'The year of lines without a date (CityVizor, yearly tables).'
	},
	{
		name: 'column',
		in: 'query',
		schema: { enum: ['approved', 'amended', 'final', 'actual'] },
		description: "A yearly table's amount column; by kind without it."
	},
	{
		name: 'format',
		in: 'query',
		schema: {
			enum: ['auto', 'kxx', 'internet-stream', 'vera', 'cityvizor', 'csv', 'xlsx', 'ods', 'zip']
		},
		description: 'Force a format instead of recognising it from the content.'
	},
	{
		name: 'mode',
		in: 'query',
		schema: { enum: ['replace', 'append'] },
		description:
			'Default: the accounting formats replace the months they cover from the same source.'
	},
	{
		name: 'encoding',
		in: 'query',
		schema: { enum: ['auto', 'utf-8', 'windows-1250', 'utf-16le'], default: 'auto' }
	},
	{
		name: 'X-File-Name',
		in: 'header',
		schema: { type: 'string' },
		description:
			'With a raw body: the file name (URL-encoded when not ASCII); its extension helps ' +
			'recognise the format.'
	}
];

export function openApiDocument(version: string, serverUrl: string) {
	const error = {
		type: 'object',
		required: ['error'],
		properties: { error: string, message: string }
	};
	const failure = (description: string) => ({
		description,
		content: { 'application/json': { schema: error } }
	});
	const report = (description: string) => ({
		description,
		content: { 'application/json': { schema: importReport } }
	});
	return {
		openapi: '3.1.0',
		info: {
			title: 'Dílna API',
			version,
			description:
				'JSON for BI tools and the open-data portal, and one endpoint the accounting system ' +
				'pushes its exports to. Authenticate with an API token issued by an administrator: ' +
				"`Authorization: Bearer dilna_…`. A token acts with its user's current role and does " +
				'only what its scope says: a read token reads (GET), an import token pushes files to ' +
				'POST /imports and reads nothing. Revoked tokens and deactivated users get 401.'
		},
		servers: [{ url: serverUrl }],
		security: [{ bearer: [] }],
		components: {
			securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
			schemas: { Error: error, Money: money, ImportReport: importReport },
			responses: {
				BadRequest: failure('A query parameter is not valid'),
				Unauthorized: failure('No token, an unknown or revoked token, or a deactivated user'),
				Forbidden: failure(
					"The token's role may not do this, or its scope is another (`insufficient_scope`)"
				)
			}
		},
		paths: {
			'/imports': {
				post: {
					summary:
						'Push an accounting export (KXX, Internet Stream, VERA, CityVizor, CSV, XLSX, ODS, ' +
						'or a ZIP of them) into the ledger',
					description:
						'Needs a token of scope `costs_import` whose user may import costs. The file goes ' +
						'through the same pipeline as the import screen and `costs:import`: all or ' +
						'nothing, and the months it covers replace what the same source imported before. ' +
						'Send the file as the raw body (`Content-Type: application/octet-stream`, or its own ' +
						'type such as `text/csv` or `application/zip`, but not `text/plain`) with its ' +
						'name in `X-File-Name`, options as query parameters. `multipart/form-data` (the ' +
						'file in the field `file`) is taken too, but the framework refuses a form post ' +
						'from another origin: a multipart client must send `Origin` equal to the ' +
						"server's own. Each " +
						'import is a batch finance sees in the batch list and can roll back. A code nobody ' +
						'has decided on (a položka, paragraf, ORJ or ORG with no choice saved for the ' +
						'source) stops the file: nothing is written, the file waits whole on ' +
						'/costs/import until a clerk decides the codes and confirms (202). The body may ' +
						'be at most 51 MB (the file limit is 50 MB).',
					tags: ['imports'],
					parameters: pushParameters,
					requestBody: {
						required: true,
						content: {
							'multipart/form-data': {
								schema: {
									type: 'object',
									required: ['file'],
									properties: { file: { type: 'string', format: 'binary' } }
								}
							},
							'application/octet-stream': { schema: { type: 'string', format: 'binary' } }
						}
					},
					responses: {
						'201': report('Imported whole: `batchId` names the batch'),
						'202': report(
							'Waiting for a clerk: `pendingId`, and in `unknown` the codes with `choice` null'
						),
						'400': { $ref: '#/components/responses/BadRequest' },
						'401': { $ref: '#/components/responses/Unauthorized' },
						'403': { $ref: '#/components/responses/Forbidden' },
						'409': report('The same file was imported already (`duplicateOf`); nothing written'),
						'413': failure('The body is over the import limit'),
						'422': report('Refused: rows that cannot be imported, listed by line; nothing written')
					}
				}
			},
			'/goals': get(
				'Goals: vision, strategic goals and specific objectives',
				list(
					coded({
						level: oneOf('vision', 'strategic', 'objective'),
						parentId: nullableInteger,
						owner: nullableString
					})
				)
			),
			'/kpis': get(
				'KPIs with every target and actual up to the year, and the status of each period',
				list(
					coded({
						goalId: nullableInteger,
						unit: string,
						direction: oneOf('higher', 'lower', 'range'),
						frequency: oneOf('monthly', 'quarterly', 'yearly'),
						baseline: nullableString,
						responsible: nullableString,
						periods: arrayOf(
							object({
								period: { type: 'string', examples: ['2026', '2026-Q1', '2026-03'] },
								target: nullableString,
								targetMax: nullableString,
								tolerance: nullableString,
								actual: nullableString,
								status: oneOf('on_target', 'within_tolerance', 'off_target', 'no_data')
							})
						)
					})
				),
				[year]
			),
			'/processes': get(
				'Processes with their yearly volume, effort and costs',
				list(
					coded({
						kind: oneOf('management', 'core', 'support'),
						status: oneOf('draft', 'active', 'retired'),
						orgUnit: nullableString,
						owner: nullableString,
						years: arrayOf(
							object({
								year: integer,
								volume: nullableInteger,
								fte: nullableString,
								leadTimeDays: nullableString,
								directCost: nullableMoney,
								allocatedCost: nullableMoney,
								fullCost: nullableMoney,
								unitCost: nullableMoney
							})
						)
					})
				),
				[year]
			),
			'/costs/summary': get(
				'Cost totals per year, kind (actual, budget) and nature',
				list(
					object({
						year: integer,
						kind: oneOf('actual', 'budget'),
						nature: oneOf('fixed', 'variable', 'investment', 'capital'),
						amount: money
					})
				),
				[year]
			),
			'/costs/investment-share': get(
				'The investment share per year: improvement investment ÷ (fixed + variable operating costs + improvement investment); capital spending is outside it',
				list(
					object({
						year: integer,
						improvement: money,
						operating: money,
						capital: money,
						sharePercent: nullableString
					})
				),
				[year]
			),
			'/initiatives': get(
				'Improvement initiatives: budget, spending from the ledger, savings and payback',
				list(
					coded({
						status: oneOf('proposed', 'approved', 'in_progress', 'done', 'cancelled'),
						owner: nullableString,
						budget: money,
						actualSpending: money,
						expectedSavingsPerYear: money,
						realizedSavings: money,
						paybackMonths: nullableInteger
					})
				),
				[year]
			),
			'/milestones': get(
				'Programme milestones with status and slip',
				list(
					object({
						id: integer,
						activity: string,
						name: string,
						owner: nullableString,
						baselineDue: date,
						currentDue: date,
						doneDate: { type: ['string', 'null'], format: 'date' },
						status: oneOf('done', 'late', 'at_risk', 'on_track'),
						slipDays: integer,
						predecessorIds: arrayOf(integer)
					})
				)
			),
			'/audit': get(
				'The audit log, newest first (administrators and managers only)',
				object({
					data: arrayOf(
						object({
							id: string,
							occurredAt: { type: 'string', format: 'date-time' },
							action: string,
							entity: string,
							entityId: nullableString,
							username: nullableString
						})
					),
					next: { type: ['string', 'null'], description: 'pass as `before` for the next page' }
				}),
				[
					{
						name: 'limit',
						in: 'query',
						schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 }
					},
					{ name: 'before', in: 'query', schema: { type: 'string' } }
				],
				'audit'
			)
		}
	};
}
