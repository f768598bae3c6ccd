/** The desk's own texts (the roster panel). */
export const deskMessages = {};
