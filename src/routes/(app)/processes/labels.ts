import { m } from '$lib/paraglide/messages';

export const kindLabels: Record<string, () => string> = {
	management: m.processes_kind_management,
	core: m.processes_kind_core,
	support: m.processes_kind_support
};
export const statusLabels: Record<string, () => string> = {
	draft: m.processes_status_draft,
	active: m.processes_status_active,
	retired: m.processes_status_retired
};
export const criterionLabels: Record<string, () => string> = {
	volume: m.processes_criterion_volume,
	manual: m.processes_criterion_manual,
	errors: m.processes_criterion_errors,
	impact: m.processes_criterion_impact,
	cost: m.processes_criterion_cost
};
export const assetKindLabels: Record<string, () => string> = {
	system: m.processes_asset_kind_system,
	register: m.processes_asset_kind_register,
	spreadsheet: m.processes_asset_kind_spreadsheet,
	paper: m.processes_asset_kind_paper
};
export const raciLabels: Record<string, () => string> = {
	R: m.processes_raci_r,
	A: m.processes_raci_a,
	C: m.processes_raci_c,
	I: m.processes_raci_i
};
