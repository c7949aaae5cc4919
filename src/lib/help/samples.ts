/**
 * The sample files the help pages offer (served from `static/samples/`), one per import format,
 * with the screen that imports them. `tests/integration/help-samples.test.ts` previews each one
 * through the real import path.
 */
import type { Capability } from '$lib/server/auth/permissions';

export type SampleImporter = 'costs' | 'models' | 'people' | 'kpis' | 'drivers';

export interface Sample {
	file: string;
	importer: SampleImporter;
	/** the format's name as the import screen reports it */
	format: string;
	/** message key of the one-line description */
	description:
		| 'help_sample_generic'
		| 'help_sample_kxx'
		| 'help_sample_vera'
		| 'help_sample_cityvizor'
		| 'help_sample_internet_stream'
		| 'help_sample_bpmn'
		| 'help_sample_staff'
		| 'help_sample_kpi'
		| 'help_sample_drivers';
}

export const SAMPLES: readonly Sample[] = [
	{
		file: 'naklady-obecny-2025.csv',
		importer: 'costs',
		format: 'CSV',
		description: 'help_sample_generic'
	},
	{
		file: 'ucetnictvi-kxx-2024.kxx',
		importer: 'costs',
		format: 'KXX',
		description: 'help_sample_kxx'
	},
	{ file: 'vera-2024.csv', importer: 'costs', format: 'VERA', description: 'help_sample_vera' },
	{
		file: 'cityvizor-2024.csv',
		importer: 'costs',
		format: 'CityVizor',
		description: 'help_sample_cityvizor'
	},
	{
		file: 'internet-stream-SK.csv',
		importer: 'costs',
		format: 'Internet Stream',
		description: 'help_sample_internet_stream'
	},
	{
		file: 'proces-model.bpmn',
		importer: 'models',
		format: 'BPMN 2.0',
		description: 'help_sample_bpmn'
	},
	{ file: 'zamestnanci.csv', importer: 'people', format: 'CSV', description: 'help_sample_staff' },
	{
		file: 'ukazatele-skutecnost.csv',
		importer: 'kpis',
		format: 'CSV',
		description: 'help_sample_kpi'
	},
	{
		file: 'velicny-2025.csv',
		importer: 'drivers',
		format: 'CSV',
		description: 'help_sample_drivers'
	}
];

/** Where a sample is imported. */
export const IMPORT_SCREEN: Record<SampleImporter, string> = {
	costs: '/costs/import',
	models: '/processes',
	people: '/people/import',
	kpis: '/goals/import',
	drivers: '/costs/drivers'
};

/**
 * What a user needs to open the import screen (null: every signed-in user may). The help pages
 * link the screen only for those who may use it, so nobody is sent to a refusal.
 */
export const IMPORT_CAPABILITY: Record<SampleImporter, Capability | null> = {
	costs: 'costs.import',
	models: null,
	people: 'people.edit',
	kpis: null,
	drivers: 'allocation.edit'
};

/** The importers whose screen the user's capabilities open. */
export function importersFor(may: (capability: Capability) => boolean): SampleImporter[] {
	return (Object.keys(IMPORT_CAPABILITY) as SampleImporter[]).filter((importer) => {
		const needed = IMPORT_CAPABILITY[importer];
		return needed === null || may(needed);
	});
}
