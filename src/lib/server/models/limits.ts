// The model file limit on its own, so the request-body check in hooks.server.ts can read it
// without loading bpmn-moddle and bpmn-auto-layout into every server start.

/** Largest file accepted: ARIS/Signavio exports of big processes stay well below. */
export const MAX_BYTES = 5 * 1024 * 1024;

/** Largest SVG picture kept with a saved version; a bigger one is dropped (the report lists tasks). */
export const MAX_SVG_BYTES = 2 * 1024 * 1024;
