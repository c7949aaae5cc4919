import type { Capability } from '$lib/server/auth/permissions';
import { m } from '$lib/paraglide/messages';

/** The help pages, one per area of Dílna: `/help/<slug>`, with the area's own page. */
export const HELP_AREAS = [
	'goals',
	'processes',
	'costs',
	'programme',
	'caf',
	'people',
	'adoption'
] as const;

export type HelpArea = (typeof HELP_AREAS)[number];

export function isHelpArea(value: string): value is HelpArea {
	return (HELP_AREAS as readonly string[]).includes(value);
}

interface HelpText {
	title: () => string;
	lead: () => string;
	steps: (() => string)[];
	/** the area's own page */
	path: string;
	/** what opening that page needs, when not every signed-in user may */
	needs?: Capability;
}

export const HELP: Record<HelpArea, HelpText> = {
	goals: {
		title: m.goals_title,
		lead: m.help_goals_lead,
		steps: [m.help_goals_1, m.help_goals_2, m.help_goals_3, m.help_goals_4],
		path: '/goals'
	},
	processes: {
		title: m.help_processes_title,
		lead: m.help_processes_lead,
		steps: [m.help_processes_1, m.help_processes_2, m.help_processes_3, m.help_processes_4],
		path: '/processes'
	},
	costs: {
		title: m.help_costs_title,
		lead: m.help_costs_lead,
		steps: [m.help_costs_1, m.help_costs_2, m.help_costs_3, m.help_costs_4, m.help_costs_5],
		path: '/costs'
	},
	programme: {
		title: m.help_programme_title,
		lead: m.help_programme_lead,
		steps: [m.help_programme_1, m.help_programme_2, m.help_programme_3, m.help_programme_4],
		path: '/programme'
	},
	caf: {
		title: m.help_caf_title,
		lead: m.help_caf_lead,
		steps: [m.help_caf_1, m.help_caf_2, m.help_caf_3, m.help_caf_4],
		path: '/caf'
	},
	people: {
		title: m.people_nav,
		lead: m.help_people_lead,
		steps: [m.help_people_1, m.help_people_2, m.help_people_3, m.help_people_4],
		path: '/people'
	},
	adoption: {
		title: m.help_adoption_title,
		lead: m.help_adoption_lead,
		steps: [m.help_adoption_1, m.help_adoption_2, m.help_adoption_3, m.help_adoption_4],
		path: '/admin/adoption',
		needs: 'adoption.manage'
	}
};

/** Which help page the header's "Help" link opens on a page: its area's, else the overview. */
const AREA_OF_SEGMENT: Record<string, HelpArea> = {
	goals: 'goals',
	processes: 'processes',
	costs: 'costs',
	programme: 'programme',
	initiatives: 'programme',
	caf: 'caf',
	knowledge: 'caf',
	people: 'people',
	admin: 'adoption'
};

export function helpPathFor(pathname: string): string {
	const area = AREA_OF_SEGMENT[pathname.split('/')[1] ?? ''];
	return area ? `/help/${area}` : '/help';
}
