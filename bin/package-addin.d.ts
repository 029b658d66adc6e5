// Types of bin/package-addin.js, for the TypeScript tests that import it.

export function packageAddin(options: { distDir: string; outDir: string; version: string }): string;
