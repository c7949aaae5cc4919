// The knowledge base's upload limits, in a module of their own so the body limits read them at
// server start without loading the file readers.

/** The largest file a document version may be. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/** What an Office file may unpack to while its type and text are read. */
export const MAX_UNPACKED_BYTES = 50 * 1024 * 1024;
