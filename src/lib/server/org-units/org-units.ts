export interface OrgUnit {
	id: number;
	code: string;
	name: string;
	parentId: number | null;
	description: string | null;
	version: number;
	/** 0 for a root, 1 for its children… (list order is depth-first) */
	depth: number;
}

export interface OrgUnitYear {
	orgUnitId: number;
	year: number;
	/** numeric string */
	fte: string;
	/** haléře per hour */
	hourlyCost: bigint | null;
	version: number;
}

export interface OrgUnitInput {
	code: string;
	name: string;
	parentId: number | null;
	description: string | null;
}

export interface OrgUnitYearInput {
	year: number;
	fte: string;
	hourlyCost: bigint | null;
}
