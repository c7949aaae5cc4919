/** Code of the org unit that takes imported rows whose ORJ nobody has mapped yet. */
export const UNMAPPED_ORG_UNIT_CODE = 'NEZAŘAZENO';
