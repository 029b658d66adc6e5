/**
 * What the Office adapter remembers of a workbook between two actions, so that a read can ask for the sheets
 * it needs, sized, in the same round trip as the sheet list (issue 9: one sync to read).
 *
 * It is only ever a hint. A read that relies on it loads the sheet list in the same sync and checks every
 * assumption against it: a remembered sheet that is gone makes that sync fail with ItemNotFound (getItem),
 * and the read starts again from nothing (one round trip lost); a sheet that grew is read on in row blocks
 * sized from its known bytes per row. Nothing wrong is ever returned because of a stale memory.
 */
import { sheetNameKey } from '../../domain/text';

/** How big a sheet was the last time the adapter read or wrote it. */
export interface SheetExtent {
  /** Last used row + 1 and last used column + 1 (the used range, counted from A1). */
  rows: number;
  columns: number;
  /** JSON bytes a read of one row returned (values, value types, number formats). */
  bytesPerRow: number;
}

export interface BookMemory {
  /** Every sheet of the workbook, by name as Excel spells it. */
  sheets: string[];
  /** Every table of the workbook and the sheet it is on. */
  tables: { name: string; sheet: string }[];
  /** Extents of the sheets read or written, by sheetNameKey of their name. */
  extents: Record<string, SheetExtent>;
}

/** Where the memory lives: this runtime only, or storage shared by the task pane and the ribbon command. */
export interface MemoryStore {
  load(): BookMemory | undefined;
  save(memory: BookMemory | undefined): void;
}

export function inProcessMemory(): MemoryStore {
  let memory: BookMemory | undefined;
  return {
    load: () => memory,
    save: (m) => {
      memory = m;
    },
  };
}

/** The part of the Web Storage API the store uses (window.localStorage in the add-in). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function isExtent(x: unknown): x is SheetExtent {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as Record<string, unknown>;
  return [e.rows, e.columns, e.bytesPerRow].every(
    (n) => typeof n === 'number' && Number.isFinite(n) && n >= 0,
  );
}

/** A stored memory, or undefined when what is stored is not one (another version, damaged). */
export function parseMemory(text: string | null): BookMemory | undefined {
  if (!text) return undefined;
  try {
    const m = JSON.parse(text) as Partial<BookMemory>;
    const okSheets = Array.isArray(m.sheets) && m.sheets.every((s) => typeof s === 'string');
    const okTables =
      Array.isArray(m.tables) &&
      m.tables.every((t) => typeof t?.name === 'string' && typeof t?.sheet === 'string');
    const okExtents =
      typeof m.extents === 'object' && m.extents !== null && Object.values(m.extents).every(isExtent);
    return okSheets && okTables && okExtents ? (m as BookMemory) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A memory kept in Web Storage under `key` (one key per workbook), so the ribbon command, which runs apart
 * from the task pane, starts from what the pane learned. Storage that refuses (private mode, quota) just
 * leaves the adapter without a memory.
 */
export function storageMemory(storage: KeyValueStorage, key: string): MemoryStore {
  return {
    load: () => {
      try {
        return parseMemory(storage.getItem(key));
      } catch {
        return undefined;
      }
    },
    save: (m) => {
      try {
        if (m) storage.setItem(key, JSON.stringify(m));
        else storage.removeItem(key);
      } catch {
        // no storage: the next read starts from nothing, which is only one round trip more
      }
    },
  };
}

/** The remembered name of a sheet (Excel's spelling), when the memory says it exists. */
export function rememberedName(memory: BookMemory | undefined, sheet: string): string | undefined {
  const key = sheetNameKey(sheet);
  return memory?.sheets.find((s) => sheetNameKey(s) === key);
}

/**
 * The memory after a read or a write: the sheet and table lists as Excel just gave them; the extents just
 * learned; earlier extents of sheets that still exist and were not touched.
 */
export function remember(
  previous: BookMemory | undefined,
  now: { sheets: string[]; tables: { name: string; sheet: string }[] },
  learned: Record<string, SheetExtent>,
): BookMemory {
  const keys = new Set(now.sheets.map(sheetNameKey));
  const extents: Record<string, SheetExtent> = {};
  for (const [key, extent] of Object.entries({ ...previous?.extents, ...learned }))
    if (keys.has(key)) extents[key] = extent;
  return { sheets: [...now.sheets], tables: now.tables.map((t) => ({ ...t })), extents };
}
