// Tables of the overview area. Add one interface per table and list it in OverviewTables.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface OverviewTables {}
