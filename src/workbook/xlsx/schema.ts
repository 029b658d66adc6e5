/**
 * The SpreadsheetML schema sequences that the writers insert elements by (children of an OOXML element must
 * come in the order its schema type lists them), and ensureChild, which finds or inserts a child in order.
 */
import { child, element, insertInOrder, prefixOf, type XmlElement } from './xml';

/** CT_Worksheet's sequence. */
export const WORKSHEET_ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
] as const;

/** CT_Workbook's sequence. */
export const WORKBOOK_ORDER = [
  'fileVersion',
  'fileSharing',
  'workbookPr',
  'workbookProtection',
  'bookViews',
  'sheets',
  'functionGroups',
  'externalReferences',
  'definedNames',
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
] as const;

/** CT_SheetView's sequence. */
export const SHEET_VIEW_ORDER = ['pane', 'selection', 'pivotSelection', 'extLst'] as const;

/** CT_Cell's sequence. */
export const CELL_ORDER = ['f', 'v', 'is', 'extLst'] as const;

/** `parent`'s child `name`, inserted (empty, with the parent's prefix) in schema `order` when missing. */
export function ensureChild(parent: XmlElement, name: string, order: readonly string[]): XmlElement {
  let el = child(parent, name);
  if (!el) {
    el = element(`${prefixOf(parent.name)}${name}`);
    insertInOrder(parent, el, order);
  }
  return el;
}
