/**
 * Finishing a changed workbook: recalculation on open, no calculation chain, the tab order the plan asks
 * for, and which tab is active and selected (tabSelection.ts).
 */
import { sameSheetName } from '../../domain/text';
import { isWorksheet, readBook } from './book';
import { type Package, REL } from './opc';
import { ensureChild, WORKBOOK_ORDER } from './schema';
import { deselectTab, editSheetHead, isTabSelected, setSelection, setTabSelected } from './tabSelection';
import { child, children, element, getAttr, prefixOf, setAttr, type XmlElement } from './xml';

export interface FinishOptions {
  activate?: string;
  /** Sheets to move to the front of the tab order, in this order (WritePlan.tabOrder). */
  tabOrder?: string[];
  select?: string;
  /** Sheets replaced by this plan whose old part had the tab selected. */
  replacedSelected: string[];
}

/**
 * Makes Excel and LibreOffice recalculate everything on open (the written formulas carry no results, and
 * updated cells may feed other formulas), drops the calculation chain (it names cells that may no longer
 * hold formulas, which Excel reports as damage), and sets the active tab.
 */
export function finishWorkbook(pkg: Package, options: FinishOptions): void {
  const previousActive = reorderSheets(pkg, options.tabOrder ?? []);
  const book = readBook(pkg);
  const doc = pkg.editXml(book.workbookPart);
  const root = doc.root;
  const calcPr = ensureChild(root, 'calcPr', WORKBOOK_ORDER);
  setAttr(calcPr, 'fullCalcOnLoad', '1');

  const rels = pkg.rels(book.workbookPart);
  const calcChain = rels.find((r) => r.type === REL.calcChain);
  if (calcChain) {
    const actual = pkg.targetPart(book.workbookPart, calcChain);
    if (actual) {
      pkg.remove(actual);
      pkg.removeContentTypeOverride(actual);
    }
    pkg.writeRels(
      book.workbookPart,
      rels.filter((r) => r !== calcChain),
    );
  }

  const bookViews = ensureChild(root, 'bookViews', WORKBOOK_ORDER);
  let view = child(bookViews, 'workbookView');
  if (!view) {
    view = element(`${prefixOf(root.name)}workbookView`);
    bookViews.children.push(view);
  }
  let active = Number(getAttr(view, 'activeTab') ?? 0);
  if (previousActive) active = previousActive(active);
  if (!(active >= 0 && active < book.sheets.length)) active = 0;
  let reselect = false;
  if (options.activate !== undefined) {
    active = book.sheets.findIndex((s) => sameSheetName(s.name, options.activate as string));
    reselect = true;
  } else if (book.sheets[active] && book.sheets[active].visibility !== 'visible') {
    active = Math.max(
      0,
      book.sheets.findIndex((s) => s.visibility === 'visible'),
    );
    reselect = true;
  } else if (
    book.sheets[active] &&
    options.replacedSelected.some((n) => sameSheetName(n, book.sheets[active].name))
  ) {
    reselect = true;
  }
  setAttr(view, 'activeTab', String(active));
  const firstSheet = Number(getAttr(view, 'firstSheet') ?? 0);
  if (firstSheet > active) setAttr(view, 'firstSheet', String(active));

  const target = book.sheets[active];
  const select = options.select && target?.part && isWorksheet(target) ? options.select : undefined;
  let selectTab = false;
  if (reselect) {
    book.sheets.forEach((entry, i) => {
      if (!entry.part || !isWorksheet(entry)) return;
      const selected = isTabSelected(pkg, entry.part);
      if (i === active && !selected) selectTab = true;
      // Other selected tabs would open as a group of sheets; only the active one stays selected.
      if (i !== active && selected && options.activate !== undefined) deselectTab(pkg, entry.part);
    });
  }
  // The active sheet's tab and cell selected in one edit of its head (a big sheet's bytes are copied once).
  if (target?.part && (selectTab || select !== undefined))
    editSheetHead(pkg, target.part, (doc) => {
      if (selectTab) setTabSelected(doc, true);
      if (select !== undefined) setSelection(doc, select);
    });
}

/**
 * Moves the named sheets to the front of <sheets>, in the order given, and renumbers what refers to a sheet
 * by its position (definedName/@localSheetId). Returns how to map an old position to the new one, or
 * undefined when nothing moved.
 */
function reorderSheets(pkg: Package, order: readonly string[]): ((oldIndex: number) => number) | undefined {
  if (order.length === 0) return undefined;
  const book = readBook(pkg);
  const root = pkg.readXml(book.workbookPart).root;
  const sheetsEl = child(root, 'sheets');
  if (!sheetsEl) return undefined;
  const entries = children(sheetsEl, 'sheet');
  const rank = (el: XmlElement): number => {
    const i = order.findIndex((name) => sameSheetName(name, getAttr(el, 'name') ?? ''));
    return i < 0 ? order.length : i;
  };
  const sorted = entries.map((el, i) => ({ el, i })).sort((a, b) => rank(a.el) - rank(b.el) || a.i - b.i);
  if (sorted.every((s, i) => s.i === i)) return undefined;
  const newIndex = new Map(sorted.map((s, i) => [s.i, i]));
  const editable = pkg.editXml(book.workbookPart).root;
  const editableSheets = child(editable, 'sheets') as XmlElement;
  const editableEntries = children(editableSheets, 'sheet');
  editableSheets.children = sorted.map((s) => editableEntries[s.i]);
  const names = child(editable, 'definedNames');
  for (const dn of names ? children(names, 'definedName') : []) {
    const local = getAttr(dn, 'localSheetId');
    if (local !== undefined && newIndex.has(Number(local)))
      setAttr(dn, 'localSheetId', String(newIndex.get(Number(local))));
  }
  return (old) => newIndex.get(old) ?? old;
}
