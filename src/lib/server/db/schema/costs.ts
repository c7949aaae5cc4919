// Tables of the costs area. Add one interface per table and list it in CostTables.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CostTables {}
