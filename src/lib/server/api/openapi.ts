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
	return {
		openapi: '3.1.0',
		info: {
			title: 'Dílna read API',
			version,
			description:
				'Read-only JSON for BI tools and the open-data portal. Authenticate with a personal API ' +
				'token issued by an administrator: `Authorization: Bearer dilna_…`. A token acts with ' +
				"its user's current role; revoked tokens and deactivated users get 401."
		},
		servers: [{ url: serverUrl }],
		security: [{ bearer: [] }],
		components: {
			securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
			schemas: { Error: error, Money: money },
			responses: {
				BadRequest: failure('A query parameter is not valid'),
				Unauthorized: failure('No token, an unknown or revoked token, or a deactivated user'),
				Forbidden: failure("The token's role may not read this")
			}
		},
		paths: {
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
