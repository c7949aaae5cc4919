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
const nullableString = { type: ['string', 'null'] };
const nullableMoney = { oneOf: [money, { type: 'null' }] };

function list(itemSchema: object) {
	return {
		type: 'object',
		required: ['data'],
		properties: { data: { type: 'array', items: itemSchema } }
	};
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
		properties: { error: { type: 'string' }, message: { type: 'string' } }
	};
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
				BadRequest: {
					description: 'A query parameter is not valid',
					content: { 'application/json': { schema: error } }
				},
				Unauthorized: {
					description: 'No token, an unknown or revoked token, or a deactivated user',
					content: { 'application/json': { schema: error } }
				},
				Forbidden: {
					description: "The token's role may not read this",
					content: { 'application/json': { schema: error } }
				}
			}
		},
		paths: {
			'/goals': get(
				'Goals: vision, strategic goals and specific objectives',
				list({
					type: 'object',
					properties: {
						id: { type: 'integer' },
						code: { type: 'string' },
						name: { type: 'string' },
						level: { enum: ['vision', 'strategic', 'objective'] },
						parentId: { type: ['integer', 'null'] },
						owner: nullableString
					}
				})
			),
			'/kpis': get(
				'KPIs with every target and actual up to the year, and the status of each period',
				list({
					type: 'object',
					properties: {
						id: { type: 'integer' },
						code: { type: 'string' },
						name: { type: 'string' },
						goalId: { type: ['integer', 'null'] },
						unit: { type: 'string' },
						direction: { enum: ['higher', 'lower', 'range'] },
						frequency: { enum: ['monthly', 'quarterly', 'yearly'] },
						baseline: nullableString,
						responsible: nullableString,
						periods: {
							type: 'array',
							items: {
								type: 'object',
								properties: {
									period: { type: 'string', examples: ['2026', '2026-Q1', '2026-03'] },
									target: nullableString,
									targetMax: nullableString,
									tolerance: nullableString,
									actual: nullableString,
									status: { enum: ['on_target', 'within_tolerance', 'off_target', 'no_data'] }
								}
							}
						}
					}
				}),
				[year]
			),
			'/processes': get(
				'Processes with their yearly volume, effort and costs',
				list({
					type: 'object',
					properties: {
						id: { type: 'integer' },
						code: { type: 'string' },
						name: { type: 'string' },
						kind: { enum: ['management', 'core', 'support'] },
						status: { enum: ['draft', 'active', 'retired'] },
						orgUnit: nullableString,
						owner: nullableString,
						years: {
							type: 'array',
							items: {
								type: 'object',
								properties: {
									year: { type: 'integer' },
									volume: { type: ['integer', 'null'] },
									fte: nullableString,
									leadTimeDays: nullableString,
									directCost: nullableMoney,
									allocatedCost: nullableMoney,
									fullCost: nullableMoney,
									unitCost: nullableMoney
								}
							}
						}
					}
				}),
				[year]
			),
			'/costs/summary': get(
				'Cost totals per year, kind (actual, budget) and nature',
				list({
					type: 'object',
					properties: {
						year: { type: 'integer' },
						kind: { enum: ['actual', 'budget'] },
						nature: { enum: ['fixed', 'variable', 'investment'] },
						amount: money
					}
				}),
				[year]
			),
			'/initiatives': get(
				'Improvement initiatives: budget, spending from the ledger, savings and payback',
				list({
					type: 'object',
					properties: {
						id: { type: 'integer' },
						code: { type: 'string' },
						name: { type: 'string' },
						status: { enum: ['proposed', 'approved', 'in_progress', 'done', 'cancelled'] },
						owner: nullableString,
						budget: money,
						actualSpending: money,
						expectedSavingsPerYear: money,
						realizedSavings: money,
						paybackMonths: { type: ['integer', 'null'] }
					}
				}),
				[year]
			),
			'/milestones': get(
				'Programme milestones with status and slip',
				list({
					type: 'object',
					properties: {
						id: { type: 'integer' },
						activity: { type: 'string' },
						name: { type: 'string' },
						owner: nullableString,
						baselineDue: { type: 'string', format: 'date' },
						currentDue: { type: 'string', format: 'date' },
						doneDate: { type: ['string', 'null'], format: 'date' },
						status: { enum: ['done', 'late', 'at_risk', 'on_track'] },
						slipDays: { type: 'integer' },
						predecessorIds: { type: 'array', items: { type: 'integer' } }
					}
				})
			),
			'/audit': get(
				'The audit log, newest first (administrators and managers only)',
				{
					type: 'object',
					properties: {
						data: {
							type: 'array',
							items: {
								type: 'object',
								properties: {
									id: { type: 'string' },
									occurredAt: { type: 'string', format: 'date-time' },
									action: { type: 'string' },
									entity: { type: 'string' },
									entityId: nullableString,
									username: nullableString
								}
							}
						},
						next: { type: ['string', 'null'], description: 'pass as `before` for the next page' }
					}
				},
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
