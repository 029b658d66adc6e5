/**
 * A written sheet's print area and print titles, as the defined names Excel keeps them in (_xlnm.Print_Area,
 * _xlnm.Print_Titles, scoped to the sheet), replacing the names scoped to the sheet it replaces.
 */
import { formatRange, formatRows, parseA1Range, parseRows, qualify } from '../../domain/a1';
import { PLAN_ERROR } from '../../i18n/plan';
import { WorkbookError } from '../port';
import { WORKBOOK_ORDER } from './schema';
import type { WrittenSheet } from './sheetWriter';
import {
  child,
  childElements,
  children,
  element,
  getAttr,
  insertInOrder,
  prefixOf,
  removeChildren,
  textNode,
  type XmlDocument,
  type XmlElement,
} from './xml';

/**
 * Print area and print titles of sheet `index`: sheet-scoped defined names, replacing the old sheet's.
 * Returns the user's names (not Excel's own _xlnm.*) that were scoped to the old sheet and went with it.
 */
export function setPrintNames(workbookDoc: XmlDocument, index: number, w: WrittenSheet): string[] {
  const root = workbookDoc.root;
  const prefix = prefixOf(root.name);
  let definedNames = child(root, 'definedNames');
  const dropped: string[] = [];
  if (definedNames) {
    // Names scoped to the old sheet go with it, as when Excel deletes a sheet.
    const local = (dn: XmlElement): boolean => getAttr(dn, 'localSheetId') === String(index);
    for (const dn of children(definedNames, 'definedName').filter(local)) {
      const name = getAttr(dn, 'name') ?? '';
      if (!name.startsWith('_xlnm.')) dropped.push(name);
    }
    removeChildren(definedNames, local);
  }
  const page = w.spec.page;
  const add: [string, string][] = [];
  if (page?.printArea) {
    add.push([
      '_xlnm.Print_Area',
      qualify(w.spec.name, formatRange(parseA1Range(page.printArea), ABSOLUTE_PAIR)),
    ]);
  }
  if (page?.printTitleRows) {
    const rows = parseRows(page.printTitleRows);
    if (!rows)
      throw new WorkbookError(
        'unsupported',
        w.spec.name,
        PLAN_ERROR.badAddress(w.spec.name, page.printTitleRows),
      );
    add.push(['_xlnm.Print_Titles', qualify(w.spec.name, formatRows(rows.first, rows.last, true))]);
  }
  if (!add.length) {
    if (definedNames && !childElements(definedNames).length) removeChildren(root, (e) => e === definedNames);
    return dropped;
  }
  if (!definedNames) {
    definedNames = element(`${prefix}definedNames`);
    insertInOrder(root, definedNames, WORKBOOK_ORDER);
  }
  for (const [name, text] of add) {
    definedNames.children.push(
      element(
        `${prefix}definedName`,
        [
          ['name', name],
          ['localSheetId', String(index)],
        ],
        [textNode(text)],
      ),
    );
  }
  return dropped;
}

const ABSOLUTE_PAIR = { absolute: true, pair: true } as const;

/** What a removed part is, for the loss report; undefined for parts nobody would miss. */
