/**
 * A mobile number as people type it — `138 0013 8000`, `138-0013-8000`, `(+86) 138…`, `0086…` —
 * reduced to its 11 digits; anything else comes back without its separators, for the validator.
 */
const SEPARATORS = /[\s\u3000\-‐‑–—－·.()（）]/g;
const COUNTRY_CODE = /^(?:\+|00)?86(?=1\d{10}$)/;

export function normalizePhone(text: string): string {
  return text.replace(SEPARATORS, "").replace(COUNTRY_CODE, "");
}
