/**
 * The Tình trạng hạn formula: the rule of src/domain/deadline.ts written for Excel 2010+ and LibreOffice
 * (IF/AND/OR/TRIM/TODAY only). A blank task row shows nothing.
 */
import { STATE_LABEL, STATUS_LABEL } from '../i18n/vi';

export interface StateFormulaRefs {
  task: string;
  deadline: string;
  status: string;
  completedOn: string;
  /** Absolute reference to the warning-days setting, e.g. 'Cài đặt'!$B$6. */
  warningDays: string;
}

const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;

export function stateFormula(r: StateFormulaRefs): string {
  const n = `IF(ISNUMBER(${r.warningDays}),${r.warningDays},7)`;
  const doneAtT = `AND(TRIM(${r.status})=${q(STATUS_LABEL.done)},OR(${r.completedOn}="",${r.completedOn}<=TODAY()))`;
  const onTime = `OR(${r.deadline}="",${r.completedOn}="",${r.completedOn}<=${r.deadline})`;
  const done = `IF(${onTime},${q(STATE_LABEL.doneOnTime)},${q(STATE_LABEL.doneLate)})`;
  const open =
    `IF(${r.deadline}="",${q(STATE_LABEL.ongoing)},IF(${r.deadline}<TODAY(),${q(STATE_LABEL.overdue)},` +
    `IF(${r.deadline}<=TODAY()+${n},${q(STATE_LABEL.dueSoon)},${q(STATE_LABEL.onTrack)})))`;
  return `=IF(TRIM(${r.task})="","",IF(${doneAtT},${done},${open}))`;
}
