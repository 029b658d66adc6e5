/**
 * Keeping each context.sync() under Excel on the web's request limit (5 MB): the adapter estimates the JSON
 * bytes of what it queues and syncs early only when the next piece would not fit. A workbook that fits is
 * written in one sync; a bigger one takes as many syncs as its payload needs, whatever its row count.
 */

/** Default ceiling for one sync, leaving a margin under the 5 MB limit for the protocol's own overhead. */
export const DEFAULT_MAX_SYNC_BYTES = 4 * 1024 * 1024;

/** Estimated bytes of one queued action besides its data (object path, action type, property name). */
export const OPERATION_BYTES = 200;

/** UTF-8 bytes of a string as JSON, quotes and escapes included; an upper bound. */
export function stringJsonBytes(s: string): number {
  let bytes = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22 || c === 0x5c) bytes += 2;
    else if (c === 0x08 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d)
      bytes += 2; // \b \t \n \f \r
    else if (c < 0x20) bytes += 6;
    else if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 6; // a surrogate pair is 4 bytes; a lone surrogate is escaped as \uXXXX (6)
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) bytes += 6;
    else bytes += 3;
  }
  return bytes;
}

/** JSON bytes of one cell of a values / formulas / numberFormat array, with its separating comma. */
export function cellJsonBytes(v: unknown): number {
  if (v === null || v === undefined) return 5;
  if (typeof v === 'string') return stringJsonBytes(v) + 1;
  if (typeof v === 'boolean') return 6;
  if (typeof v === 'number') return String(v).length + 1;
  return stringJsonBytes(JSON.stringify(v)) + 1;
}

/** JSON bytes of one row of a 2-D array, brackets and separating comma included. */
export function rowJsonBytes(row: readonly unknown[]): number {
  let bytes = 3;
  for (const v of row) bytes += cellJsonBytes(v);
  return bytes;
}

/** Counts queued bytes and syncs before a piece that would push the current request past the limit. */
export class SyncBudget {
  private pending = 0;

  /**
   * @param sync runs context.sync()
   * @param maxBytes ceiling for one request
   * @param onNextBatch called after an early sync, to re-queue per-request settings (screen updating)
   */
  constructor(
    private readonly sync: () => Promise<void>,
    readonly maxBytes: number = DEFAULT_MAX_SYNC_BYTES,
    private readonly onNextBatch: () => void = () => undefined,
  ) {}

  /** Bytes still free in the current request. */
  get room(): number {
    return this.maxBytes - this.pending;
  }

  /** Call before queueing `bytes`: syncs first when they would not fit beside what is already queued. */
  async reserve(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.maxBytes) await this.flush();
    this.pending += bytes;
  }

  /** Syncs what is queued early, to make room (nothing happens when nothing is queued). */
  async flush(): Promise<void> {
    if (this.pending === 0) return;
    await this.sync();
    this.pending = 0;
    this.onNextBatch();
  }

  /** The final sync of a batch: always runs, so queued work without a size estimate is sent too. */
  async finish(): Promise<void> {
    await this.sync();
    this.pending = 0;
  }
}

/** Reserves `bytes` of the budget (syncing first when they would not fit), then queues the operations. */
export async function queue(budget: SyncBudget, bytes: number, enqueue: () => void): Promise<void> {
  await budget.reserve(bytes);
  enqueue();
}

/** The payload estimate of `operations` operations carrying `data`. */
export function estimate(operations: number, data: unknown): number {
  return operations * OPERATION_BYTES + stringJsonBytes(JSON.stringify(data) ?? '');
}
