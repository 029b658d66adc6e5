/**
 * Writes every workbook of the hostile-workbook corpus (test/corpus/cases.ts) to a folder, to open them in
 * Excel or LibreOffice or to run `cchc` on them by hand:
 *
 *   npx tsx scripts/make-corpus.ts [DIR] [--only ID,ID…]     (default DIR: out/corpus)
 *   npx tsx scripts/make-corpus.ts [DIR] --hostile            the hostile corpus and the files at every
 *                                                            limit instead (test/corpus/hostile.ts)
 *
 * The LibreOffice case needs `soffice` on the PATH. Hostile files are crafted to hurt: zip bombs among them
 * unzip to gigabytes, so open them with `cchc`, not with an archive tool.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

import { corpusCases, disposeCorpusScratch } from '../test/corpus/cases';
import { atLimitCases, hostileCases } from '../test/corpus/hostile';
import { disposeLibreOffice } from '../test/support/libreoffice';

async function main(argv: string[]): Promise<void> {
  const onlyAt = argv.indexOf('--only');
  const only = onlyAt >= 0 ? new Set((argv[onlyAt + 1] ?? '').split(',')) : undefined;
  const positional = argv.filter((a, i) => !a.startsWith('--') && (onlyAt < 0 || i !== onlyAt + 1));
  const dir = path.resolve(positional[0] ?? 'out/corpus');
  await fs.mkdir(dir, { recursive: true });
  try {
    const cases = argv.includes('--hostile') ? [...hostileCases(), ...atLimitCases()] : corpusCases();
    for (const c of cases) {
      if (only && !only.has(c.id)) continue;
      const started = Date.now();
      const file = path.join(dir, `${c.id}${'ext' in c && c.ext ? c.ext : '.xlsx'}`);
      await fs.writeFile(file, await c.build());
      console.log(`${file}  (${Date.now() - started} ms) — ${c.title}`);
    }
  } finally {
    await disposeLibreOffice();
    await disposeCorpusScratch();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
