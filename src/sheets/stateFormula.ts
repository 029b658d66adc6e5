/**
 * The Tình trạng hạn formula: the rule of src/domain/deadline.ts written for Excel 2010+ and LibreOffice
 * (IF/AND/OR/NOT/TRIM/INT/TODAY/IS… only), reading every cell as src/domain/sheetRules.ts says:
 * - a blank task row (TRIM of Nội dung empty) shows nothing;
 * - "Lỗi dữ liệu" when Nội dung is an error value, Trạng thái is neither blank nor one of the list's values
 *   (compared as LOWER(TRIM()) with EXACT against every accepted spelling: "Đã hoàn thành", "hoan thanh", a
 *   no-break space, a number, an error value are not), or a date cell holds anything but a date serial in range
 *   or blanks (a date typed as text, a number stored as text, TRUE, an error value);
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
  LISTED_STATUS_SPELLINGS,
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
function unreadableDate(x: string): string {
  return (
    `IF(ISNUMBER(${x}),OR(${x}<${FIRST_DATE_SERIAL},${x}>=${END_DATE_SERIAL}),` +
    `IF(ISTEXT(${x}),TRIM(${x})<>"",NOT(ISBLANK(${x}))))`
  );
}

const list = (spellings: readonly string[]): string => `{${spellings.map(q).join(',')}}`;

/** Each spelling list as a formula array, made once: a tracker of 20,000 rows writes 20,000 formulas. */
const lists = new Map<readonly string[], string>();
function listOf(spellings: readonly string[]): string {
  let made = lists.get(spellings);
  if (made === undefined) {
    made = list(spellings);
    lists.set(spellings, made);
  }
  return made;
}

/** TRUE where the status `s` is one of `spellings` (lower case) as sheetRules.readStatusCell compares it. */
function statusIn(s: string, spellings: readonly string[]): string {
  return `OR(EXACT(LOWER(TRIM(${s})),${listOf(spellings)}))`;
}

/**
 * TRUE where the formula cannot read the status `s`: not blank (nor spaces only) and not a list value; a number,
 * TRUE/FALSE and an error value included (ISTEXT is FALSE for them, ISBLANK too).
 */
function unreadableStatus(s: string): string {
  return `IF(ISTEXT(${s}),IF(TRIM(${s})="",FALSE,NOT(${statusIn(s, LISTED_STATUS_SPELLINGS)})),NOT(ISBLANK(${s})))`;
}

/** The warning days as the formula reads them: a number from 0 to 365 (whole part), else the default. */
function warningDaysExpr(ref: string): string {
  return (
    `IF(ISNUMBER(${ref}),IF(AND(${ref}>=0,${ref}<=${MAX_WARNING_DAYS}),INT(${ref}),${DEFAULT_WARNING_DAYS}),` +
    `${DEFAULT_WARNING_DAYS})`
  );
}

export function stateFormula(r: StateFormulaRefs): string {
  const label = (k: keyof typeof STATE_LABEL): string => q(STATE_LABEL[k]);
  const { task, status, deadline: d, completedOn: c } = r;
  const unreadable = `OR(${unreadableStatus(status)},${unreadableDate(d)},${unreadableDate(c)})`;
  // Reached only where the status is blank or a list value (text): LOWER and TRIM see no error value.
  const doneAtT = `AND(${statusIn(status, DONE_SPELLINGS)},IF(ISNUMBER(${c}),INT(${c})<=TODAY(),TRUE))`;
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
