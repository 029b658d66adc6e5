/**
 * The platform's own zlib, where it has one: the package unzips (partInflate.ts) and zips (zipWriter.ts) with
 * JSZip's JavaScript in the browser (the web app, the preview, the task pane), and with what is given here
 * otherwise. The CLI gives Node's (nodeZlib.ts, in src/cli/main.ts), several times faster and with less
 * garbage. This module imports nothing, so the browser builds never see `node:zlib`.
 */

/** Raw DEFLATE (RFC 1951, a zip entry's data without header) both ways, and zip's CRC-32. */
export interface PlatformZlib {
  /**
   * Unzips `data` into at most `maxBytes` bytes; throws when the data is damaged or would unzip to more.
   */
  inflateRaw(data: Uint8Array, maxBytes: number): Uint8Array;
  /** `bytes` compressed as raw DEFLATE. */
  deflateRaw(bytes: Uint8Array): Uint8Array;
  /**
   * The bytes of `chunks`, in order, compressed as raw DEFLATE: the same bytes as deflateRaw of them joined,
   * without joining them. Optional: without it the chunks are joined.
   */
  deflateRawChunks?(chunks: readonly Uint8Array[]): Promise<Uint8Array>;
  /** The CRC-32 (ISO 3309, as zip uses it) of `bytes`; of the bytes before them and them, given the former's. */
  crc32(bytes: Uint8Array, before?: number): number;
}

let given: PlatformZlib | undefined;

/** Unzip and zip with `zlib` from now on (undefined: with JSZip again). */
export function usePlatformZlib(zlib: PlatformZlib | undefined): void {
  given = zlib;
}

/** The zlib given to usePlatformZlib, if any. */
export function platformZlib(): PlatformZlib | undefined {
  return given;
}
