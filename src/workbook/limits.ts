/**
 * Every limit the add-in holds a workbook to, in one place: Excel's own grid, and the resource caps that keep
 * a crafted or damaged .xlsx file from crashing, hanging or ballooning the tool. Each cap is far above what
 * a real tracker reaches (a district-wide tracker of 20,000 rows is a 2 MB file whose largest part unzips to
 * 20 MB) and low enough that a file at every cap at once is read within 1 GB of memory and a few seconds
 * (`npm run bench` measures both on the hostile corpus, test/corpus/hostile.ts).
 *
 * Pure data: both adapters and the CLI read it; none of them defines a limit of its own.
 */
import { MAX_COLUMNS, MAX_ROWS } from '../domain/a1';
import type { LimitName } from '../i18n/xlsx';

/** Excel's grid (rows 1…1,048,576, columns A…XFD) and what one cell holds. */
export const EXCEL = {
  maxRows: MAX_ROWS,
  maxColumns: MAX_COLUMNS,
  /** Characters of text in a cell. */
  maxCellChars: 32_767,
  /** Characters of a formula. */
  maxFormulaChars: 8_192,
} as const;

export const FILE_LIMITS = {
  /** The .xlsx file itself, as stored on disk. */
  maxFileBytes: 100 * 1024 * 1024,
  /** Entries in the zip package (a workbook with a hundred pictures has a few hundred). */
  maxZipEntries: 10_000,
  /** One part, unzipped. */
  maxPartBytes: 64 * 1024 * 1024,
  /**
   * The whole package, unzipped, by the sizes its directory declares; a part that unzips to more than it
   * declared is damaged, so what is really unzipped never passes this either.
   */
  maxUnzippedBytes: 256 * 1024 * 1024,
  /** Sheets in a workbook (each needs a part of its own; a big office workbook has a few hundred). */
  maxSheets: 10_000,
  /** Elements nested inside one another in an XML part (real parts nest a few dozen deep). */
  maxXmlDepth: 256,
  /**
   * Cells stored in the sheets read at once (Nhiệm vụ, Cài đặt, Danh mục), plus the entries of the shared
   * string table and the cell formats of the stylesheet: the objects the cell reader (ExcelJS) makes, each
   * costing about a kilobyte and ten microseconds. The 20,000-row tracker stores 240,000.
   */
  maxCellsRead: 300_000,
  /**
   * XML handed to the cell reader at once: the sheets read, the shared strings and the stylesheet. The
   * 20,000-row tracker's sheet is 20 MB; reading and checking costs about a tenth of a second per megabyte.
   */
  maxReadBytes: 32 * 1024 * 1024,
  /**
   * Cells of the grid a sheet is read into (its used range, or, for a sparse sheet, the stored rows up to
   * their last value): Excel on the web refuses a range of more than 5 million cells too.
   */
  maxGridCells: 5_000_000,
} as const;

export const LOCK_LIMITS = {
  /** How long a second `cchc` waits for the first to finish writing the same workbook. */
  waitMs: 20_000,
  /** How often it looks again. */
  pollMs: 100,
  /** A lock older than this is stale whoever holds it (a crashed run on another computer, say). */
  staleMs: 10 * 60_000,
} as const;

/** The value of each limit a message names (i18n/xlsx.ts words them). */
export const LIMIT_VALUES: Record<LimitName, number> = {
  fileBytes: FILE_LIMITS.maxFileBytes,
  zipEntries: FILE_LIMITS.maxZipEntries,
  sheets: FILE_LIMITS.maxSheets,
  partBytes: FILE_LIMITS.maxPartBytes,
  unzippedBytes: FILE_LIMITS.maxUnzippedBytes,
  xmlDepth: FILE_LIMITS.maxXmlDepth,
  cellsRead: FILE_LIMITS.maxCellsRead,
  readBytes: FILE_LIMITS.maxReadBytes,
  gridCells: FILE_LIMITS.maxGridCells,
  rows: EXCEL.maxRows,
  columns: EXCEL.maxColumns,
  cellChars: EXCEL.maxCellChars,
  formulaChars: EXCEL.maxFormulaChars,
};
