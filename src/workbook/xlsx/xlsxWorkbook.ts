/**
 * The .xlsx adapter of the workbook port: an .xlsx file held in memory, read and written through ExcelJS
 * without ExcelJS ever re-saving the user's workbook as a whole (see graft.ts for why and how).
 *
 * Node and browser alike: the input and output are bytes; files are the caller's business (files.ts for
 * Node).
 */
import ExcelJS from 'exceljs';

import {
  type RawSheet,
  type SheetInfo,
  type WorkbookPort,
  type WorkbookSnapshot,
  type WritePlan,
  WorkbookError,
} from '../port';
import { sameSheetName } from '../../domain/text';
import { type Book, isSheetProtected, isWorksheet, readBook, type SheetEntry } from './book';
import { applyUpdates } from './cellUpdates';
import { finishWorkbook } from './finish';
import { SheetGrafter } from './graft';
import { describeRemoved, type RemovedPart } from './lostParts';
import { checkPlan } from './planChecks';
import { isTabSelected } from './tabSelection';
import { describeLoss, messages } from '../../i18n/xlsx';
import { EXCEL } from '../limits';
import { checkWritePlan } from '../planRules';
import { Package, PartNotInflated, REL, sourceOfRels, withInflatedParts } from './opc';
import { partsToRead, readTables, readWorksheets } from './reader';
import { unreadable } from './unreadable';
import { type WrittenSheet, writeScratchSheet } from './sheetWriter';
import { defaultFont } from './styles';
import { child, children, getAttr, type XmlDocument } from './xml';

/** How ExcelJS zips a workbook this adapter unzips again at once (a scratch or a blank one): stored, as
 * deflating it would be work thrown away. What the adapter saves is deflated by Package.toZip. */
const SCRATCH_ZIP = { compression: 'STORE' } as const;

export interface SheetLayout {
  /** Merged ranges, A1 ("A1:C2"). */
  merges: string[];
  columnWidths: number[];
}

export interface ToBufferOptions {
  /** Save even when something of the workbook would be lost (see lossReport()). */
  allowLoss?: boolean;
}

export class XlsxWorkbook implements WorkbookPort {
  private removed: RemovedPart[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  /** @internal Use openXlsx(). */
  constructor(
    private pkg: Package,
    private readonly originalParts: ReadonlySet<string>,
  ) {}

  async read(sheetNames: string[]): Promise<WorkbookSnapshot> {
    return this.serialized(() =>
      withInflatedParts(this.pkg, async () => {
        try {
          return await this.readNow(sheetNames);
        } catch (error) {
          throw toWorkbookError(error);
        }
      }),
    );
  }

  private async readNow(sheetNames: string[]): Promise<WorkbookSnapshot> {
    const book = this.book();
    // Every sheet's part (for its protection flag), and what the requested ones need.
    const requested = book.sheets.filter((s) => sheetNames.some((n) => sameSheetName(s.name, n)));
    await this.pkg.inflate([
      ...book.sheets.map((s) => s.part).filter((p): p is string => !!p),
      ...partsToRead(this.pkg, book, requested),
    ]);
    const wanted: { requested: string; entry: SheetEntry }[] = [];
    for (const requested of sheetNames) {
      const entry = book.sheets.find((s) => sameSheetName(s.name, requested));
      if (entry) wanted.push({ requested, entry });
    }
    const contents: Record<string, RawSheet> = {};
    const worksheets = wanted.filter((w) => isWorksheet(w.entry));
    let raw: RawSheet[];
    try {
      raw = await readWorksheets(
        this.pkg,
        book,
        worksheets.map((w) => w.entry),
      );
    } catch (error) {
      throw toWorkbookError(error);
    }
    worksheets.forEach((w, i) => {
      contents[w.requested] = raw[i];
    });
    // After the read: the sheets it scanned told their protection (isSheetProtected need not scan them).
    const sheets = sheetInfos(this.pkg, book);
    // A chartsheet has no cells.
    for (const w of wanted) {
      if (!isWorksheet(w.entry)) {
        contents[w.requested] = {
          name: w.entry.name,
          values: [],
          formulas: [],
          numberFormats: [],
          hiddenRows: [],
          tables: readTables(this.pkg, w.entry),
        };
      }
    }
    return { sheets, contents };
  }

  async apply(plan: WritePlan): Promise<void> {
    return this.serialized(() => this.applyNow(plan));
  }

  /**
   * How a sheet is laid out beyond its cells, for a viewer (the browser preview): its merged ranges and its
   * column widths in characters (0 where the sheet sets none). undefined when there is no such worksheet.
   */
  async layoutOf(sheetName: string): Promise<SheetLayout | undefined> {
    return this.serialized(async () => {
      const entry = this.book().sheets.find((s) => sameSheetName(s.name, sheetName));
      if (!entry?.part || !isWorksheet(entry)) return undefined;
      await this.pkg.inflate([entry.part]);
      const root = this.pkg.readXml(entry.part).root;
      const merges = children(child(root, 'mergeCells') ?? root, 'mergeCell')
        .map((m) => getAttr(m, 'ref'))
        .filter((ref): ref is string => !!ref);
      const columnWidths: number[] = [];
      for (const col of children(child(root, 'cols') ?? root, 'col')) {
        const [min, max, width] = ['min', 'max', 'width'].map((a) => Number(getAttr(col, a)));
        // A run to the sheet's last column is the default for the rest, not a column of the layout.
        if (!(min >= 1 && max >= min && max < EXCEL.maxColumns && width >= 0)) continue;
        for (let c = min; c <= max; c++) columnWidths[c - 1] = width;
      }
      return { merges, columnWidths: Array.from(columnWidths, (w) => w ?? 0) };
    });
  }

  private async applyNow(plan: WritePlan): Promise<void> {
    const updates = plan.updates ?? [];
    if (!plan.write.length && !updates.length && plan.activate === undefined && plan.select === undefined)
      return;
    const book = this.book();
    await this.pkg.inflate(this.partsToApply(book, plan));
    try {
      const { replacedSelected, baseFont } = await withInflatedParts(this.pkg, () => {
        checkWritePlan(plan, {
          sheets: sheetInfos(this.pkg, book),
          structureProtected: book.structureLocked,
        });
        checkPlan(this.pkg, book, plan.write, updates);
        return {
          replacedSelected: plan.write
            .map((spec) => book.sheets.find((s) => sameSheetName(s.name, spec.name)))
            .filter((s): s is SheetEntry => !!s?.part && isWorksheet(s))
            .filter((s) => isTabSelected(this.pkg, s.part as string))
            .map((s) => s.name),
          baseFont: defaultFont(stylesDocument(this.pkg, book)),
        };
      });
      // Everything is built on a copy; the workbook changes only when all of it succeeded. A part met still
      // compressed is unzipped and the copy built again (withInflatedParts).
      const { work, removed } = await withInflatedParts(this.pkg, async () => {
        const copy = this.pkg.clone();
        const grafter = plan.write.length ? new SheetGrafter(copy) : undefined;
        // Sheet by sheet, each through a scratch workbook of its own that is dropped once grafted: a big
        // tracker's ExcelJS model, its XML and its tree are never alive beside another sheet's.
        for (const spec of plan.write) {
          const { scratch, written } = await scratchWorkbook(spec, baseFont);
          grafter?.add(scratch, [written]);
        }
        const gone = grafter ? grafter.finish() : [];
        applyUpdates(copy, updates);
        finishWorkbook(copy, {
          activate: plan.activate,
          select: plan.select,
          tabOrder: plan.tabOrder,
          replacedSelected,
        });
        return { work: copy, removed: gone };
      });
      this.pkg = work;
      this.removed.push(...removed);
    } catch (error) {
      if (error instanceof WorkbookError) throw error;
      throw new WorkbookError('unsupported', undefined, messages.internal((error as Error).message));
    }
  }

  /**
   * The parts applying `plan` reads, unzipped ahead of it: the stylesheet, every sheet (tab selection,
   * protection) and its tables, and whatever a sheet being replaced refers to (what its loss would report).
   */
  private partsToApply(book: Book, plan: WritePlan): string[] {
    const parts = partsToRead(this.pkg, book, book.sheets);
    for (const spec of plan.write) {
      const existing = book.sheets.find((s) => sameSheetName(s.name, spec.name));
      if (existing?.part) parts.push(...this.pkg.reachableFrom([existing.part]));
    }
    return parts;
  }

  /**
   * What saving would lose, in Vietnamese: content that lived only on sheets replaced since opening
   * (charts, pictures, comments, pivot tables, …), and, as a safety net, any other part of the original file
   * that is no longer there. Empty when nothing is lost.
   */
  lossReport(): string[] {
    const losses = this.removed.map(describeRemoved).filter((s): s is string => !!s);
    const accounted = new Set(this.removed.map((r) => r.part));
    for (const part of this.originalParts) {
      if (this.pkg.has(part) || accounted.has(part) || isRegenerated(part)) continue;
      // The relationships of a part that is still there were rewritten with it (a replaced sheet's).
      const source = sourceOfRels(part);
      if (source && this.pkg.has(source)) continue;
      losses.push(describeLoss('other', part, undefined));
    }
    return losses;
  }

  /** The workbook as .xlsx bytes. Throws WorkbookError('unsupported') when something would be lost, unless allowed. */
  async toBuffer(options: ToBufferOptions = {}): Promise<Uint8Array> {
    return this.serialized(() => this.toBufferNow(options));
  }

  private async toBufferNow(options: ToBufferOptions): Promise<Uint8Array> {
    const book = this.book();
    if (!book.sheets.length) throw new WorkbookError('unsupported', undefined, messages.emptyWorkbook);
    const losses = this.lossReport();
    if (losses.length && !options.allowLoss) {
      throw new WorkbookError('unsupported', undefined, messages.lossRefused(losses));
    }
    return this.pkg.toZip();
  }

  /** Calls run one after another, each on the state the previous one left (apply awaits in the middle). */
  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private book(): Book {
    try {
      return readBook(this.pkg);
    } catch (error) {
      throw toWorkbookError(error);
    }
  }
}

/**
 * The worksheet ExcelJS writes for `spec`, in a scratch workbook of its own, unzipped (stored, not deflated: it
 * is unzipped again at once, never saved), with what the graft step needs to know about it.
 */
async function scratchWorkbook(
  spec: WritePlan['write'][number],
  baseFont: { name: string; size: number },
): Promise<{ scratch: Package; written: WrittenSheet }> {
  const workbook = new ExcelJS.Workbook();
  const written = writeScratchSheet(workbook, spec, baseFont);
  // ExcelJS's typings say Buffer (their own ArrayBuffer-like); in Node it is a Node Buffer.
  const bytes = await workbook.xlsx.writeBuffer({ zip: SCRATCH_ZIP });
  const scratch = await Package.load(bytes as unknown as Uint8Array);
  await scratch.inflate(scratch.names());
  return { scratch, written };
}

/** Parts that a save drops on purpose and the spreadsheet program rebuilds. */
function isRegenerated(part: string): boolean {
  return /(^|\/)calcChain\.xml$/i.test(part);
}

function stylesDocument(pkg: Package, book: Book): XmlDocument | undefined {
  const part = pkg.relatedPart(book.workbookPart, REL.styles);
  return part ? pkg.readXml(part) : undefined;
}

/** Name, protection and visibility of every sheet (the sheet parts must be unzipped). */
function sheetInfos(pkg: Package, book: Book): SheetInfo[] {
  return book.sheets.map((entry) => ({
    name: entry.name,
    protected: isSheetProtected(pkg, entry),
    visibility: entry.visibility,
  }));
}

/**
 * A failure while reading, as the adapter reports it: the reason the reader gave (UnreadableWorkbookError), or
 * for anything else it met in the file, a damaged file. Never an English message or a stack trace.
 */
function toWorkbookError(error: unknown): WorkbookError {
  if (error instanceof WorkbookError) return error;
  if (error instanceof PartNotInflated) throw error; // withInflatedParts unzips the part and reads again
  return unreadable({ kind: 'damaged' });
}

/**
 * Opens an .xlsx file; `null` gives a new workbook with no sheet, and `{ firstSheet }` one with a single empty
 * sheet of that name, as Excel makes a new workbook ("Trang tính1" in Vietnamese Excel).
 */
export async function openXlsx(
  source: Uint8Array | ArrayBuffer | null | { firstSheet: string },
): Promise<XlsxWorkbook> {
  let pkg: Package;
  try {
    if (source === null || 'firstSheet' in source) {
      const blank = new ExcelJS.Workbook();
      blank.creator = 'CCHC plan tracker';
      blank.lastModifiedBy = 'CCHC plan tracker';
      if (source !== null) blank.addWorksheet(source.firstSheet);
      // See apply(): ExcelJS's Buffer type vs the Node Buffer it returns.
      pkg = await Package.load((await blank.xlsx.writeBuffer({ zip: SCRATCH_ZIP })) as unknown as Uint8Array);
      await pkg.inflate(pkg.names());
    } else {
      pkg = await Package.load(source);
      await pkg.inflate([pkg.officeDocument()]);
    }
    readBook(pkg);
  } catch (error) {
    throw toWorkbookError(error);
  }
  return new XlsxWorkbook(pkg, new Set(source === null ? [] : pkg.names()));
}
