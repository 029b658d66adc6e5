// Types of bin/addin-manifest.js, for the TypeScript tests that import it.

export const DEV_BASE_URL: string;
export class BaseUrlError extends Error {}
export function isLocalHost(hostname: string): boolean;
export function resolveBaseUrl(
  fromEnvOption: string | undefined,
  fromEnvironment: string | undefined,
): string;
export function manifestVersion(packageVersion: string): string;
export function manifestFor(devXml: string, options: { baseUrl: string; version: string }): string;
