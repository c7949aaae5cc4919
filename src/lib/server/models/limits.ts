// The model file limit on its own, so the request-body check in hooks.server.ts can read it
// without loading bpmn-moddle and bpmn-auto-layout into every server start.

/** Largest file accepted: ARIS/Signavio exports of big processes stay well below. */
export const MAX_BYTES = 5 * 1024 * 1024;
