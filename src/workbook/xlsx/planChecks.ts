/**
 * Checks made on a write plan before anything in the package is changed: what only the package shows, after
 * the plan rules both adapters share (planRules.ts).
 */
import { sameSheetName, sheetNameKey } from '../../domain/text';
import { PLAN_ERROR } from '../../i18n/plan';
import { messages } from '../../i18n/xlsx';
import type { SheetSpec } from '../../sheets/spec';
import type { CellUpdate } from '../port';
import { WorkbookError } from '../port';
import { type Book, isWorksheet } from './book';
import { type Package, REL } from './opc';
import { child, children, getAttr } from './xml';

/**
 * A cell update aimed at a chart sheet, and a table name already taken by a table or defined name elsewhere
 * in the workbook. Throws WorkbookError.
 */
export function checkPlan(pkg: Package, book: Book, specs: SheetSpec[], updates: CellUpdate[]): void {
  for (const update of updates) {
    if (specs.some((spec) => sameSheetName(spec.name, update.sheet))) continue;
    const existing = book.sheets.find((s) => sameSheetName(s.name, update.sheet));
    if (existing && !isWorksheet(existing))
      throw new WorkbookError('unsupported', existing.name, messages.notAWorksheet(existing.name));
  }
  checkTableNames(pkg, book, specs);
}

/** Table names are unique in a workbook, among tables and defined names alike (case-insensitive). */
function checkTableNames(pkg: Package, book: Book, specs: SheetSpec[]): void {
  const replaced = new Set(
    specs
      .map((spec) => book.sheets.find((s) => sameSheetName(s.name, spec.name))?.part)
      .filter((p): p is string => !!p),
  );
  /** Each name taken, with the sheet whose table has it (undefined for a defined name). */
  const taken = new Map<string, string | undefined>();
  for (const entry of book.sheets) {
    if (!entry.part || replaced.has(entry.part)) continue;
    for (const part of pkg.relatedParts(entry.part, REL.table)) {
      const root = pkg.readXml(part).root;
      for (const attr of ['name', 'displayName']) {
        const v = getAttr(root, attr);
        if (v) taken.set(sheetNameKey(v), entry.name);
      }
    }
  }
  const definedNames = child(pkg.readXml(book.workbookPart).root, 'definedNames');
  for (const dn of definedNames ? children(definedNames, 'definedName') : []) {
    const v = getAttr(dn, 'name');
    if (v && !taken.has(sheetNameKey(v))) taken.set(sheetNameKey(v), undefined);
  }
  for (const spec of specs) {
    if (!spec.table) continue;
    const key = sheetNameKey(spec.table.name);
    if (taken.has(key)) {
      const sheet = taken.get(key);
      throw new WorkbookError(
        'unsupported',
        sheet ?? spec.name,
        PLAN_ERROR.tableNameTaken(spec.table.name, sheet),
      );
    }
    taken.set(key, spec.name);
  }
}
