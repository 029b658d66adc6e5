/**
 * The Office adapter's sheet list: every sheet's name, position, visibility and protection, and the sheets that
 * hold a table, queued in the read batch (readSheets.ts) and turned into the port's SheetInfo.
 */
import { sameSheetName } from '../../domain/text';
import type { SheetInfo } from '../port';

const VISIBILITY: Record<string, SheetInfo['visibility']> = {
  Visible: 'visible',
  Hidden: 'hidden',
  VeryHidden: 'veryHidden',
};

/** Loaded worksheet proxies → SheetInfo[] in tab order. */
export function sheetInfos(items: readonly Excel.Worksheet[]): SheetInfo[] {
  return [...items]
    .sort((a, b) => a.position - b.position)
    .map((ws) => ({
      name: ws.name,
      protected: ws.protection.protected,
      visibility: VISIBILITY[ws.visibility] ?? 'visible',
    }));
}

/** Queues the load of every sheet's name, position, visibility and protection. */
export function loadSheetList(context: Excel.RequestContext): Excel.WorksheetCollection {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/position,items/visibility,items/protection/protected');
  return worksheets;
}

/**
 * Queues the load of every table's sheet name. Used with the sheet list: a sheet with a table is replaced by
 * delete-and-add, not in place (see placeSheets).
 */
export function loadTableSheets(context: Excel.RequestContext): Excel.TableCollection {
  const tables = context.workbook.tables;
  tables.load('items/name,items/worksheet/name');
  return tables;
}

/** Names of the sheets holding at least one of the loaded tables, each once. */
export function tableSheetNames(tables: Excel.TableCollection): string[] {
  const names: string[] = [];
  for (const t of tables.items) {
    const sheet = t.worksheet.name;
    if (!names.some((n) => sameSheetName(n, sheet))) names.push(sheet);
  }
  return names;
}
