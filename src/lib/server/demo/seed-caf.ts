import type { Transaction } from 'kysely';
import { CAF_CODES } from '../../caf/model';
import type { SessionUser } from '../auth/session';
import type { Database } from '../db/schema';
import * as initiatives from '../initiatives/initiatives.service';
import { addDays } from '../programme/milestone-status';
import type { SeedContext } from './seed';

type Trx = Transaction<Database>;

// Areas for improvement the demo panel found, by subcriterion: the action each became.
const FINDINGS: Record<string, [string, string]> = {
	'2.3': [
		'Cíle odborů nejsou odvozené ze strategie',
		'Odvodit roční cíle odborů ze strategického plánu'
	],
	'4.4': ['Směrnice se hledají po sdílených discích', 'Zavést znalostní bázi směrnic a formulářů'],
	'5.1': ['Polovina procesů nemá garanta ani popis', 'Popsat klíčové procesy v BPMN s garanty'],
	'6.1': ['Spokojenost občanů se měří jen jednou za dva roky', 'Zavést roční průzkum spokojenosti'],
	'7.1': ['Chybí průzkum spokojenosti zaměstnanců', 'Zavést průzkum spokojenosti zaměstnanců'],
	'3.2': ['Vzdělávání se neplánuje podle kompetencí', 'Zavést individuální plány vzdělávání']
};

/** A deterministic score per round, member and subcriterion (no randomness: the demo is repeatable). */
function scoreOf(code: string, base: number, member: number): number {
	const [c, s] = code.split('.').map(Number);
	const value = base + ((c * 7 + s * 5 + member * 11) % 25) - (c >= 6 ? 8 : 0);
	return Math.max(0, Math.min(100, value));
}

/**
 * The demo town's CAF story: a closed round a year before the seeding day (every consensus in,
 * actions, two of them turned into initiatives) and this year's round in consensus now (every
 * member has scored, the leader has agreed most subcriteria, one action is already an initiative).
 * Evidence links tie result subcriteria to the town's KPIs.
 */
export async function seedCaf(trx: Trx, ctx: SeedContext): Promise<void> {
	const u = ctx.userIds;
	const rel = (days: number) => addDays(ctx.today, days);
	const actorOf = (username: string, role: SessionUser['role']): SessionUser => ({
		id: u[username],
		username,
		displayName: username,
		role
	});

	const rounds = [
		{
			name: `CAF ${ctx.year - 1}`,
			dates: [-430, -405, -385, -365],
			status: 'closed' as const,
			leader: 'tajemnik',
			actor: actorOf('tajemnik', 'manager'),
			panel: ['tajemnik', 'ekonom', 'garant', 'projekt'],
			base: 38,
			agreed: CAF_CODES.length,
			findings: ['2.3', '4.4', '5.1', '6.1'],
			toInitiative: ['4.4', '5.1']
		},
		{
			name: `CAF ${ctx.year}`,
			dates: [-40, -12, 10, 40],
			status: 'consensus' as const,
			leader: 'projekt',
			actor: actorOf('projekt', 'project_manager'),
			panel: ['projekt', 'garant', 'ekonom'],
			base: 50,
			agreed: 20,
			findings: ['7.1', '3.2', '6.1'],
			toInitiative: ['7.1']
		}
	];

	for (const r of rounds) {
		const round = await trx
			.insertInto('caf_round')
			.values({
				name: r.name,
				start_date: rel(r.dates[0]),
				scoring_due: rel(r.dates[1]),
				consensus_due: rel(r.dates[2]),
				end_date: rel(r.dates[3]),
				status: r.status,
				leader_user_id: u[r.leader],
				closed_at: r.status === 'closed' ? new Date(`${rel(r.dates[3])}T12:00:00Z`) : null
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await trx
			.insertInto('caf_panel_member')
			.values(r.panel.map((name) => ({ round_id: round.id, user_id: u[name] })))
			.execute();
		await trx
			.insertInto('caf_score')
			.values(
				r.panel.flatMap((name, member) =>
					CAF_CODES.map((code) => ({
						round_id: round.id,
						subcriterion_code: code,
						user_id: u[name],
						// One member sees 5.1 far higher than the rest: a disagreement to talk over.
						score: code === '5.1' && member === 1 ? 80 : scoreOf(code, r.base, member),
						strengths: null,
						improvements: FINDINGS[code]?.[0] ?? null,
						evidence: null,
						updated_by: u[name]
					}))
				)
			)
			.execute();
		await trx
			.insertInto('caf_consensus')
			.values(
				CAF_CODES.slice(0, r.agreed).map((code) => ({
					round_id: round.id,
					subcriterion_code: code,
					score: scoreOf(code, r.base, 1),
					strengths: 'Postupy jsou popsané a vedení je pravidelně vyhodnocuje.',
					improvements: r.findings.includes(code) ? FINDINGS[code][0] : null,
					evidence: null,
					updated_by: u[r.leader]
				}))
			)
			.execute();
		const kpis = await trx
			.selectFrom('kpi')
			.select(['id', 'code'])
			.where('code', 'in', ['KPI-31', 'KPI-09', 'KPI-34', 'KPI-12', 'KPI-15'])
			.execute();
		const kpi = (code: string) => kpis.find((k) => k.code === code)?.id;
		const links: [string, string][] = [
			['6.1', 'KPI-31'],
			['6.2', 'KPI-09'],
			['7.2', 'KPI-34'],
			['8.2', 'KPI-12'],
			['9.2', 'KPI-15']
		];
		const present = links.filter(([, k]) => kpi(k) !== undefined);
		if (present.length) {
			await trx
				.insertInto('caf_evidence_link')
				.values(
					present.map(([code, k]) => ({
						round_id: round.id,
						subcriterion_code: code,
						kpi_id: kpi(k)!
					}))
				)
				.execute();
		}
		for (const [i, code] of r.findings.entries()) {
			const action = await trx
				.insertInto('caf_action')
				.values({
					round_id: round.id,
					subcriterion_code: code,
					title: FINDINGS[code][1],
					description: FINDINGS[code][0],
					owner_user_id: u[r.panel[i % r.panel.length]],
					impact: 3 - (i % 3),
					effort: 1 + (i % 3),
					due_date: rel(r.dates[3] + 120 + i * 30)
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			if (!r.toInitiative.includes(code)) continue;
			const initiativeId = await initiatives.insert(trx, r.actor, {
				code: `CAF-${round.id}-${action.id}`,
				name: FINDINGS[code][1],
				description: `${r.name}, ${code}\n${FINDINGS[code][0]}`,
				ownerUserId: u[r.panel[i % r.panel.length]],
				expectedCzk: 0n,
				expectedHours: '0',
				valuationOrgUnitId: null,
				activityId: null
			});
			await trx
				.updateTable('caf_action')
				.set({ initiative_id: initiativeId })
				.where('id', '=', action.id)
				.execute();
		}
	}
}
