/**
 * The layers (README, Architecture), held by a test: what each folder of src/ may import. The domain is plain
 * TypeScript (plus the string table); Office.js appears only in the Office adapter, the ribbon command and
 * the pane's Office wiring; ExcelJS only in the .xlsx adapter.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const SRC = path.resolve(__dirname, '..', 'src');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return files(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** Every import of a file, as a path relative to src/ for local modules, or the package name. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
  return specs.map((s) => (s.startsWith('.') ? path.relative(SRC, path.resolve(path.dirname(file), s)) : s));
}

const layer = (rel: string): string =>
  rel
    .split(path.sep)
    .slice(0, rel.startsWith(`workbook${path.sep}`) ? 2 : 1)
    .join('/');

const ALLOWED: Record<string, (target: string) => boolean> = {
  domain: (t) => t.startsWith('domain/') || t === 'i18n/vi',
  i18n: (t) => t.startsWith('i18n/'),
  // workbook/limits: Excel's grid, pure data with one home (a formula down to the last row names it).
  sheets: (t) =>
    t.startsWith('domain/') || t.startsWith('sheets/') || t.startsWith('i18n/') || t === 'workbook/limits',
  'workbook/port.ts': (t) => t.startsWith('sheets/'),
  'workbook/a1.ts': (t) => t.startsWith('domain/'),
  'workbook/planRules.ts': (t) =>
    /^(domain|sheets|i18n)\//.test(t) || ['workbook/port', 'workbook/limits'].includes(t),
  'workbook/office': (t) => /^(workbook|domain|sheets|i18n)\//.test(t),
  'workbook/xlsx': (t) =>
    /^(workbook|domain|sheets|i18n)\//.test(t) || t === 'exceljs' || t === 'jszip' || t.startsWith('node:'),
  app: (t) => /^(app|domain|sheets|workbook\/port|i18n)/.test(t),
};

describe('the layers', () => {
  const all = files(SRC).map((f) => ({ file: path.relative(SRC, f), imports: importsOf(f) }));

  it.each(Object.keys(ALLOWED))('%s imports only what its layer may', (name) => {
    const mine = all.filter((f) =>
      name.endsWith('.ts') ? f.file === name : layer(f.file) === name || f.file.startsWith(`${name}/`),
    );
    expect(mine.length).toBeGreaterThan(0);
    const bad = mine.flatMap((f) =>
      f.imports
        .filter((t) => !ALLOWED[name](t.replace(/\\/g, '/').replace(/\.tsx?$/, '')))
        .map((t) => `${f.file} → ${t}`),
    );
    expect(bad).toEqual([]);
  });

  it('uses Office.js only in the Office adapter, the ribbon command and the pane’s Office wiring', () => {
    const office = all
      .filter((f) =>
        /\b(Excel\.run|Office\.)/.test(
          fs.readFileSync(path.join(SRC, f.file), 'utf8').replace(/\/\/.*|\/\*[\s\S]*?\*\//g, ''),
        ),
      )
      .map((f) => f.file.split(path.sep).join('/'));
    for (const f of office)
      expect(f).toMatch(/^(workbook\/office\/|commands\/|taskpane\/(officeActions|index)\.tsx?$)/);
  });

  it('uses ExcelJS only in the .xlsx adapter', () => {
    const users = all
      .filter((f) => f.imports.includes('exceljs'))
      .map((f) => f.file.split(path.sep).join('/'));
    for (const f of users) expect(f).toMatch(/^workbook\/xlsx\//);
  });

  it('has one plan checker: Excel’s limits are numbers only in limits.ts, and only planRules.ts checks a plan', () => {
    const code = (f: string): string =>
      fs.readFileSync(path.join(SRC, f), 'utf8').replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '');
    const unix = (f: string): string => f.split(path.sep).join('/');
    // Rows, columns, characters of a cell and of a formula, written as numbers anywhere but limits.ts.
    const literal = /(?<![\w.])(1_?048_?576|16_?384|32_?767|8_?192)(?![\w.])/;
    const limitCopies = all
      .filter((f) => unix(f.file) !== 'workbook/limits.ts' && literal.test(code(f.file)))
      .map((f) => unix(f.file));
    expect(limitCopies).toEqual([]);
    // The write-side limits and the sheet-name rule are read by the plan checker alone (the reader holds a
    // file to the cell and formula limits too, so those are not listed).
    const rules = /maxSheetNameChars|maxValidation\w+Chars|\[\[\\]:\*\?\/\\\\\]/;
    const checkers = all
      .filter(
        (f) => /^workbook\/(office|xlsx|planRules)/.test(unix(f.file)) || unix(f.file).startsWith('app/'),
      )
      .filter((f) => rules.test(code(f.file)))
      .map((f) => unix(f.file));
    expect(checkers).toEqual(['workbook/planRules.ts']);
    // Both adapters hand every plan to it before writing.
    for (const adapter of ['workbook/office/officeWorkbook.ts', 'workbook/xlsx/xlsxWorkbook.ts'])
      expect(code(adapter)).toMatch(/checkWritePlan\(plan,/);
  });
});
