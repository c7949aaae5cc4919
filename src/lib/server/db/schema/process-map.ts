// Tables of the process-map area. Add one interface per table and list it in ProcessMapTables.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ProcessMapTables {}
