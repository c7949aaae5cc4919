import { m } from '$lib/paraglide/messages';

export const levelLabels: Record<string, () => string> = {
	vision: m.goals_level_vision,
	strategic: m.goals_level_strategic,
	objective: m.goals_level_objective
};
export const lifecycleLabels: Record<string, () => string> = {
	planned: m.goals_lifecycle_planned,
	active: m.goals_lifecycle_active,
	achieved: m.goals_lifecycle_achieved,
	dropped: m.goals_lifecycle_dropped
};
export const directionLabels: Record<string, () => string> = {
	higher: m.goals_direction_higher,
	lower: m.goals_direction_lower,
	range: m.goals_direction_range
};
export const frequencyLabels: Record<string, () => string> = {
	monthly: m.goals_frequency_monthly,
	quarterly: m.goals_frequency_quarterly,
	yearly: m.goals_frequency_yearly
};
