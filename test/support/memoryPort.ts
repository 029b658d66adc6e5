/**
 * A WorkbookPort over plain objects: sheets hold the cells a spec wrote (formulas as text, no calculation).
 * For application tests that need neither Excel nor a file.
 */
import { parseA1Cell } from '../../src/domain/a1';
import type { SheetSpec } from '../../src/sheets/spec';
import {
  WorkbookError,
  type RawCell,
  type RawSheet,
  type WorkbookPort,
  type WorkbookSnapshot,
  type WritePlan,
} from '../../src/workbook/port';
import { checkWritePlan } from '../../src/workbook/planRules';

export interface MemorySheet {
  name: string;
  values: RawCell[][];
  formulas: (string | null)[][];
  protected: boolean;
  spec?: SheetSpec;
}

export class MemoryPort implements WorkbookPort {
  sheets: MemorySheet[] = [];
  reads = 0;
  applies = 0;
  activated?: string;

  addUserSheet(name: string, values: RawCell[][] = [], isProtected = false): MemorySheet {
    const s: MemorySheet = {
      name,
      values,
      formulas: values.map((r) => r.map(() => null)),
      protected: isProtected,
    };
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  async read(names: string[]): Promise<WorkbookSnapshot> {
    this.reads += 1;
    const contents: Record<string, RawSheet> = {};
    for (const n of names) {
      const s = this.sheet(n);
      if (s) {
        contents[n] = {
          name: s.name,
          values: s.values.map((r) => [...r]),
          formulas: s.formulas.map((r) => [...r]),
          numberFormats: [],
          hiddenRows: [],
          tables: [],
        };
      }
    }
    return {
      sheets: this.sheets.map((s) => ({
        name: s.name,
        protected: s.protected,
        visibility: s.spec?.visibility ?? 'visible',
      })),
      contents,
    };
  }

  async apply(plan: WritePlan): Promise<void> {
    // The plan rules every adapter holds a plan to (a protected sheet, a bad name, Excel's limits); `applies`
    // counts the plans written.
    checkWritePlan(plan, { sheets: (await this.read([])).sheets, structureProtected: false });
    this.reads -= 1;
    this.applies += 1;
    for (const spec of plan.write) {
      const values: RawCell[][] = spec.cells.map((r) => r.map((v) => (v === '' ? null : v)));
      const formulas: (string | null)[][] = values.map((r) => r.map(() => null));
      for (const f of spec.formulas ?? []) {
        const { row, col } = parseA1Cell(f.cell);
        while (formulas.length <= row) formulas.push([]);
        while (values.length <= row) values.push([]);
        formulas[row][col] = f.formula;
      }
      const next: MemorySheet = { name: spec.name, values, formulas, protected: false, spec };
      const i = this.sheets.findIndex((s) => s.name === spec.name);
      if (i >= 0) this.sheets[i] = next;
      else this.sheets.push(next);
    }
    for (const u of plan.updates ?? []) {
      const s = this.sheet(u.sheet);
      if (!s) throw new WorkbookError('sheetNotFound', u.sheet, 'missing');
      const { row, col } = parseA1Cell(u.cell);
      while (s.values.length <= row) s.values.push([]);
      s.values[row][col] = u.value;
    }
    this.activated = plan.activate;
  }

  /** Sets a cell of an existing sheet as a user would. */
  setCell(sheet: string, cell: string, value: RawCell): void {
    const s = this.sheet(sheet)!;
    const { row, col } = parseA1Cell(cell);
    while (s.values.length <= row) s.values.push([]);
    s.values[row][col] = value;
  }
}

/** A copy of a memory sheet's values (none for a missing sheet). */
export const copyValues = (s: MemorySheet | undefined): RawCell[][] => (s ? s.values.map((r) => [...r]) : []);
