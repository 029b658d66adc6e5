// Types of bin/content-policy.js, for the TypeScript that imports it (scripts/preview-server.ts, the tests).

export const APP_CSP: string;
export const APP_CSP_HEADER: string;
