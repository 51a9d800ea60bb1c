/** The strict policy every demo page and CSP test page is served with (docs/embedding.md, same origin). */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'";
