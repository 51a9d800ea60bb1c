/** The strict policy every demo page and CSP test page is served with. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'";
