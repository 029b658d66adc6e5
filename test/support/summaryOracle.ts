/**
 * Compares a recalculated Tổng hợp (as LibreOffice or any spreadsheet computed it) with the domain's roll-up:
 * every figure of every row of every block. Returns the mismatches, as readable lines (empty when they agree).
 */
import { completionRate, type Rollup, type RollupRow, type StateCounts } from '../../src/domain/rollup';
import { SUMMARY_COLUMNS, type SummaryColumn } from '../../src/sheets/summaryCells';
import { type SummaryLayout } from '../../src/sheets/summarySheet';
import type { RawSheet } from '../../src/workbook/port';

function expected(counts: StateCounts, column: SummaryColumn): number | string {
  if (column === 'rate') {
    const rate = completionRate(counts);
    return rate === null ? '' : Math.round(rate * 1e9) / 1e9;
  }
  return counts[column];
}

function actual(sheet: RawSheet, row: number, letter: string): number | string | null {
  let col = 0;
  for (const ch of letter) col = col * 26 + ch.charCodeAt(0) - 64;
  const v = sheet.values[row - 1]?.[col - 1] ?? null;
  if (typeof v === 'number') return Math.round(v * 1e9) / 1e9;
  if (v === null) return '';
  return typeof v === 'object' ? `#${v.error}` : String(v);
}

export function summaryMismatches(sheet: RawSheet, layout: SummaryLayout, roll: Rollup): string[] {
  const rows: Record<SummaryLayout['blocks'][number]['key'], RollupRow[]> = {
    section: roll.bySection,
    lead: roll.byLead,
    quarter: roll.byQuarter,
    period: roll.byPeriod,
  };
  const out: string[] = [];
  const compare = (
    row: number,
    counts: StateCounts,
    what: string,
    columns: readonly SummaryColumn[],
  ): void => {
    for (const column of columns) {
      const want = expected(counts, column);
      const got = actual(sheet, row, layout.columns[column]);
      if (want !== got)
        out.push(
          `${what} ${column} (${layout.columns[column]}${row}): sheet ${JSON.stringify(got)}, domain ${JSON.stringify(want)}`,
        );
    }
  };
  for (const block of layout.blocks) {
    const columns =
      block.key === 'period' ? SUMMARY_COLUMNS : SUMMARY_COLUMNS.filter((c) => c !== 'notYetInPeriod');
    const mine = rows[block.key];
    if (mine.map((r) => r.key).join('|') !== block.keys.join('|'))
      out.push(`${block.key}: rows ${block.keys.join('|')} vs domain ${mine.map((r) => r.key).join('|')}`);
    block.keys.forEach((key, i) =>
      compare(block.firstRow + i, mine[i].counts, `${block.key} ${key}`, columns),
    );
    if (block.totalRow > 0) compare(block.totalRow, roll.total, `${block.key} total`, columns);
  }
  return out;
}
