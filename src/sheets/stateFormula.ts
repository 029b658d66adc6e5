/**
 * The Tình trạng hạn formula: the rule of src/domain/deadline.ts written for Excel 2010+ and LibreOffice
 * (IF/AND/OR/NOT/TRIM/INT/TODAY/IS… only), reading every cell as src/domain/sheetRules.ts says:
 * - a blank task row (TRIM of Nội dung empty) shows nothing;
 * - "Lỗi dữ liệu" when Nội dung or Trạng thái is an error value, or a date cell holds anything but a date
 *   serial in range or blanks (a date typed as text, a number stored as text, TRUE, an error value);
 * - otherwise the rule, with dates taken by INT() (a time of day does not move a deadline) and the warning
 *   days read as sheetRules.warningDaysOf reads them.
 * Excel's IF evaluates only the branch it takes, so no function sees a value it cannot handle.
 */
import { STATE_LABEL } from '../i18n/vi';
import {
  DEFAULT_WARNING_DAYS,
  DONE_SPELLINGS,
  END_DATE_SERIAL,
  FIRST_DATE_SERIAL,
  MAX_WARNING_DAYS,
} from '../domain/sheetRules';

export interface StateFormulaRefs {
  task: string;
  deadline: string;
  status: string;
  completedOn: string;
  /** Absolute reference to the warning-days setting, e.g. 'Cài đặt'!$B$6. */
  warningDays: string;
}

const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** TRUE where the formula cannot read the date cell `x` (neither blank nor a date serial in range). */
export function unreadableDate(x: string): string {
  return (
    `IF(ISNUMBER(${x}),OR(${x}<${FIRST_DATE_SERIAL},${x}>=${END_DATE_SERIAL}),` +
    `IF(ISTEXT(${x}),TRIM(${x})<>"",NOT(ISBLANK(${x}))))`
  );
}

/** The warning days as the formula reads them: a number from 0 to 365 (whole part), else the default. */
export function warningDaysExpr(ref: string): string {
  return (
    `IF(ISNUMBER(${ref}),IF(AND(${ref}>=0,${ref}<=${MAX_WARNING_DAYS}),INT(${ref}),${DEFAULT_WARNING_DAYS}),` +
    `${DEFAULT_WARNING_DAYS})`
  );
}

export function stateFormula(r: StateFormulaRefs): string {
  const label = (k: keyof typeof STATE_LABEL): string => q(STATE_LABEL[k]);
  const { task, status, deadline: d, completedOn: c } = r;
  const doneSpellings = `{${DONE_SPELLINGS.map(q).join(',')}}`;
  const unreadable = `OR(ISERROR(${status}),${unreadableDate(d)},${unreadableDate(c)})`;
  const doneAtT = `AND(OR(TRIM(${status})=${doneSpellings}),IF(ISNUMBER(${c}),INT(${c})<=TODAY(),TRUE))`;
  const done =
    `IF(OR(NOT(ISNUMBER(${d})),NOT(ISNUMBER(${c}))),${label('doneOnTime')},` +
    `IF(INT(${c})<=INT(${d}),${label('doneOnTime')},${label('doneLate')}))`;
  const open =
    `IF(NOT(ISNUMBER(${d})),${label('ongoing')},IF(INT(${d})<TODAY(),${label('overdue')},` +
    `IF(INT(${d})<=TODAY()+${warningDaysExpr(r.warningDays)},${label('dueSoon')},${label('onTrack')})))`;
  return (
    `=IF(ISERROR(${task}),${label('dataError')},IF(TRIM(${task})="","",` +
    `IF(${unreadable},${label('dataError')},IF(${doneAtT},${done},${open}))))`
  );
}
