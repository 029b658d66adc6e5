/**
 * The cells the preview lets the user edit, each written back through the port's single-cell update: a
 * tracker row's "Trạng thái" (a list) and "Ngày hoàn thành" (a date), a Hồ sơ TTHC row's counts and
 * reason, and the words of a Kết quả theo kỳ row (its result and planned work, written as text). A typed cell is written when the user presses Enter or leaves it, as in Excel.
 */
import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { PREVIEW } from '../i18n/ui';
import { STATUS_LABEL } from '../i18n/vi';
import type { PreviewWorkbook } from './previewWorkbook';
import { completedOnValue, countValue } from './sheetModel';

const useStyles = makeStyles({
  editor: {
    width: '100%',
    minWidth: '11ch',
    boxSizing: 'border-box',
    font: 'inherit',
    color: 'inherit',
    backgroundColor: 'transparent',
    border: `${tokens.strokeWidthThin} solid currentColor`,
    borderRadius: tokens.borderRadiusSmall,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

const STATUS_CHOICES: readonly string[] = [
  STATUS_LABEL.notStarted,
  STATUS_LABEL.inProgress,
  STATUS_LABEL.done,
];

export interface EditorProps {
  workbook: PreviewWorkbook;
  sheet: string;
  cell: string;
  row: number;
}

export function StatusEditor({
  workbook,
  sheet,
  cell,
  row,
  value,
}: EditorProps & { value: string }): React.JSX.Element {
  const styles = useStyles();
  const choices =
    value !== '' && !STATUS_CHOICES.includes(value) ? [...STATUS_CHOICES, value] : STATUS_CHOICES;
  return (
    <select
      className={styles.editor}
      aria-label={PREVIEW.statusEdit(row)}
      data-cell={cell}
      value={value}
      onChange={(e) => void workbook.editCell(sheet, cell, e.target.value === '' ? null : e.target.value)}
    >
      <option value="">{PREVIEW.blankStatus}</option>
      {choices.map((c) => (
        <option key={c} value={c}>
          {c}
        </option>
      ))}
    </select>
  );
}

/** A text box showing `shown` that hands what was typed to `commit` on Enter and when the user leaves it. */
function TypedCell({
  cell,
  shown,
  label,
  commit,
  ...extra
}: {
  cell: string;
  shown: string;
  label: string;
  commit: (text: string) => void;
} & Pick<React.InputHTMLAttributes<HTMLInputElement>, 'placeholder' | 'inputMode'>): React.JSX.Element {
  const styles = useStyles();
  return (
    <input
      className={styles.editor}
      aria-label={label}
      data-cell={cell}
      defaultValue={shown}
      {...extra}
      onBlur={(e) => commit(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit(e.currentTarget.value);
      }}
    />
  );
}

export function DateEditor({
  workbook,
  sheet,
  cell,
  row,
  shown,
}: EditorProps & { shown: string }): React.JSX.Element {
  const commit = (text: string) => {
    if (text.trim() === shown) return;
    const { value, numberFormat } = completedOnValue(text);
    void workbook.editCell(sheet, cell, value, numberFormat);
  };
  return (
    <TypedCell
      cell={cell}
      shown={shown}
      label={PREVIEW.completedOnEdit(row)}
      placeholder={PREVIEW.datePlaceholder}
      commit={commit}
    />
  );
}

/** A count or the reason of a Hồ sơ TTHC row, typed as in Excel. */
export function TthcEditor({
  workbook,
  sheet,
  cell,
  row,
  shown,
  label,
  numeric,
}: EditorProps & { shown: string; label: string; numeric: boolean }): React.JSX.Element {
  const commit = (text: string) => {
    if (text === shown) return;
    if (numeric) {
      const { value, numberFormat } = countValue(text);
      void workbook.editCell(sheet, cell, value, numberFormat);
    } else void workbook.editCell(sheet, cell, text.trim() === '' ? null : text, '@');
  };
  return (
    <TypedCell
      cell={cell}
      shown={shown}
      label={PREVIEW.tthcEdit(label, row)}
      inputMode={numeric ? 'numeric' : undefined}
      commit={commit}
    />
  );
}

/** The words of a Kết quả theo kỳ row (result, planned work), written as text as Excel keeps them there. */
export function WordsEditor({
  workbook,
  sheet,
  cell,
  row,
  shown,
  label,
}: EditorProps & { shown: string; label: string }): React.JSX.Element {
  const commit = (text: string) => {
    if (text === shown) return;
    void workbook.editCell(sheet, cell, text.trim() === '' ? null : text, '@');
  };
  return <TypedCell cell={cell} shown={shown} label={PREVIEW.tthcEdit(label, row)} commit={commit} />;
}
