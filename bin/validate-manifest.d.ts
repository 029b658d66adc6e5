// Types of bin/validate-manifest.js, for the TypeScript tests that import it.

export interface ManifestCheck {
  ok: boolean;
  problems: string[];
  warnings: string[];
  summary: string;
}

export function checkManifest(
  manifestPath: string,
  options?: { rootDir?: string; commandsDir?: string; shipped?: boolean },
): ManifestCheck;
export function checkManifestText(
  xml: string,
  options: { rootDir: string; commandsDir?: string; shipped?: boolean },
): ManifestCheck;
export function readPngSize(buffer: Buffer): { width: number; height: number } | { error: string };
export function registeredFunctionNames(dir: string): Set<string>;
export function defaultManifests(cwd?: string): string[];
export const EXPECTED: {
  defaultLocale: string;
  host: string;
  permissions: string;
  minExcelApi: string;
  taskpaneId: string;
  functionNames: string[];
  reportQuery: string;
  version: string;
};
