import { LISTS_HEADER, SHEET, SIGNER_LABEL, STATE_LABEL, STATUS_LABEL } from '../i18n/vi';
import { SECTIONS } from '../domain/plan';
import { BODIES } from '../domain/bodies';
import { TTHC_FIELDS } from '../domain/tthc';
import { DEADLINE_STATES } from '../domain/deadline';
import { colToLetters, quoteSheet } from '../domain/a1';
import { BODY_FONT, HEADER_FILL, HEADER_FONT, STATE_COLORS } from './palette';
import { listPageSetup } from './pageSetup';
import type { SheetSpec, StyleRun } from './spec';

const STATUS_VALUES = [STATUS_LABEL.notStarted, STATUS_LABEL.inProgress, STATUS_LABEL.done];

/**
 * Dropdown source for Cơ quan chủ trì: every non-blank entry of column A below the header, so the list
 * grows as the user adds bodies (OFFSET/COUNTA work in Excel 2010+ and LibreOffice).
 */
export function leadListSource(): string {
  const s = quoteSheet(SHEET.lists);
  return `=OFFSET(${s}!$A$2,0,0,MAX(1,COUNTA(${s}!$A:$A)-1),1)`;
}

export function statusListSource(): string {
  return `=${quoteSheet(SHEET.lists)}!$B$2:$B$${STATUS_VALUES.length + 1}`;
}

const SIGNER_VALUES = [SIGNER_LABEL.chairman, SIGNER_LABEL.viceChairman];
const SECTION_IDS = SECTIONS.map((s) => s.id);

/** Dropdown source for Cài đặt › Người ký. */
export function signerListSource(): string {
  return `=${quoteSheet(SHEET.lists)}!$E$2:$E$${SIGNER_VALUES.length + 1}`;
}

/** Dropdown source for Mục: the plan's sections (a Mục outside them is counted under "Khác"). */
export function sectionListSource(): string {
  return `=${quoteSheet(SHEET.lists)}!$D$2:$D$${SECTION_IDS.length + 1}`;
}

/** Column (0-based) of the fields (Lĩnh vực) on a Danh mục the add-in writes: F. */
export const FIELD_LIST_COLUMN = LISTS_HEADER.length - 1;

/**
 * Dropdown source for Hồ sơ TTHC › Lĩnh vực: every non-blank entry below the header of the Danh mục column
 * that holds the fields (F on a Danh mục the add-in wrote; another where it was added to a user's edited list),
 * so the list grows as the office adds fields.
 */
export function fieldListSource(column: number = FIELD_LIST_COLUMN): string {
  const s = quoteSheet(SHEET.lists);
  const L = colToLetters(column);
  return `=OFFSET(${s}!$${L}$2,0,0,MAX(1,COUNTA(${s}!$${L}:$${L})-1),1)`;
}

/**
 * Danh mục: the bodies (editable), the status vocabulary, a legend of the deadline-state colours, the plan's
 * sections (Mục), who may sign, and the fields of the one-stop shop's dossiers (editable).
 */
export function buildListsSheet(
  bodies: readonly string[] = BODIES,
  fields: readonly string[] = TTHC_FIELDS,
): SheetSpec {
  const rows = Math.max(
    bodies.length,
    STATUS_VALUES.length,
    DEADLINE_STATES.length,
    SECTION_IDS.length,
    fields.length,
  );
  const cells: (string | null)[][] = [[...LISTS_HEADER]];
  for (let i = 0; i < rows; i++) {
    const state = DEADLINE_STATES[i];
    cells.push([
      bodies[i] ?? null,
      STATUS_VALUES[i] ?? null,
      state ? STATE_LABEL[state] : null,
      SECTION_IDS[i] ?? null,
      SIGNER_VALUES[i] ?? null,
      fields[i] ?? null,
    ]);
  }
  const legend: StyleRun[] = DEADLINE_STATES.flatMap((state, i) => {
    const c = STATE_COLORS[state];
    return c ? [{ range: `C${i + 2}`, style: { fill: c.fill, font: { color: c.font } } }] : [];
  });
  return {
    name: SHEET.lists,
    kind: 'lists',
    defaultFont: BODY_FONT,
    cells,
    styles: [
      {
        range: 'A1:F1',
        style: {
          font: { bold: true, color: HEADER_FONT },
          fill: HEADER_FILL,
          alignment: { horizontal: 'center', wrap: true },
        },
      },
      { range: `A2:A${rows + 1}`, style: { numberFormat: '@' } },
      { range: `D2:F${rows + 1}`, style: { numberFormat: '@' } },
      ...legend,
    ],
    columnWidths: [45, 20, 24, 10, 32, 32],
    freeze: { rows: 1, columns: 0 },
    page: listPageSetup(),
  };
}
