/**
 * Excel's formula length limit (8,192 characters, "=" included) as the write plan's rule counts it, for both
 * adapters (src/workbook/planRules.ts): surrounding spaces do not count, a formula without "=" gets one, and
 * only a formula past the limit is refused, with its length as Excel counts it.
 */
import { PLAN_ERROR } from '../../src/i18n/plan';
import { EXCEL } from '../../src/workbook/limits';
import { checkWritePlan } from '../../src/workbook/planRules';
import { sheetSpec } from '../support/specBuilder';

const MAX = EXCEL.maxFormulaChars;
const target = { sheets: [], structureProtected: false };

function formulaRefusal(formula: string): string | undefined {
  try {
    checkWritePlan({ write: [sheetSpec('A', [[null]], { formulas: [{ cell: 'A1', formula }] })] }, target);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

describe("a formula at Excel's length limit", () => {
  it.each([
    ['at the limit, "=" included', `=${'1'.repeat(MAX - 1)}`],
    ['at the limit without "=" (one is added)', '1'.repeat(MAX - 1)],
    ['at the limit, with spaces around it', `   =${'1'.repeat(MAX - 1)}   `],
  ])('is written when %s', (_, formula) => {
    expect(formulaRefusal(formula)).toBeUndefined();
  });

  it.each([
    ['one past the limit', `=${'1'.repeat(MAX)}`, MAX + 1],
    ['at the limit without "=", which Excel adds', '1'.repeat(MAX), MAX + 1],
    ['past the limit, spaces not counted', `  =${'1'.repeat(MAX + 4)}  `, MAX + 5],
  ])('is refused %s, with its length', (_, formula, length) => {
    expect(formulaRefusal(formula)).toBe(PLAN_ERROR.formulaTooLong('A', 'A1', length, MAX));
  });
});
