// Tables of the programme area. Add one interface per table and list it in ProgrammeTables.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ProgrammeTables {}
