/**
 * Writing a package's zip with the platform's zlib (platformZlib.ts): Node's, given by the CLI, deflates and
 * checksums natively, several times faster than JSZip's JavaScript and without its
 * streams' garbage. Where none is installed (the browser: the web app, the preview, the task pane), Package
 * zips through JSZip as before. This module itself uses no Node API, so the browser bundles build.
 *
 * The zip is the plain kind Excel writes: each entry deflated (or, for an entry copied as it came, in its
 * own method), local headers with the sizes and CRC-32 (no data descriptors), UTF-8 names flagged, no Zip64:
 * a package past its 4 GB or 65,535-entry limits is left to JSZip (`writeZip` returns undefined).
 */

import type { PlatformZlib } from './platformZlib';

/** What writing a zip needs of the platform's zlib. */
type Deflater = Pick<PlatformZlib, 'deflateRaw' | 'crc32'>;

/** An entry as it came in another zip, copied without unzipping it. */
export interface CopiedEntry {
  /** 0 stored, 8 deflated. */
  method: number;
  /** The entry's data as it is in the zip. */
  data: Uint8Array;
  crc32: number;
  uncompressedSize: number;
  /** DOS time (low 16 bits) and date (high 16 bits). */
  dosDateTime: number;
}

export type ZipEntryInput = { name: string; bytes: Uint8Array } | { name: string; copied: CopiedEntry };

const LIMIT = 0xffffffff;
const encoder = new TextEncoder();

/** DOS time and date of `date` (UTC, as JSZip writes them), time in the low 16 bits. */
export function dosDateTime(date: Date): number {
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  return ((day & 0xffff) << 16) | time;
}

/** The zip of `entries`, in order; undefined past what a zip without Zip64 holds. */
export function writeZip(
  entries: readonly ZipEntryInput[],
  deflater: Deflater,
  now: Date = new Date(),
): Uint8Array | undefined {
  if (entries.length >= 0xffff) return undefined;
  const stamp = dosDateTime(now);
  const pieces: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    let method: number;
    let data: Uint8Array;
    let crc: number;
    let size: number;
    let when: number;
    if ('copied' in entry) {
      ({ method, data, uncompressedSize: size, dosDateTime: when } = entry.copied);
      crc = entry.copied.crc32;
    } else {
      method = 8;
      data = deflater.deflateRaw(entry.bytes);
      crc = deflater.crc32(entry.bytes);
      size = entry.bytes.length;
      when = stamp;
    }
    if (size >= LIMIT || data.length >= LIMIT || offset >= LIMIT) return undefined;
    // Bit 11: the name is UTF-8 (set only where it is not plain ASCII, as JSZip does).
    const flags = name.length !== entry.name.length || /[^\x20-\x7e]/.test(entry.name) ? 0x0800 : 0;
    const fields = { method, crc, compressed: data.length, size, when, flags, nameLength: name.length };
    const local = header(30, 0x04034b50, fields);
    local.set(name, 30);
    const dir = header(46, 0x02014b50, fields);
    const view = new DataView(dir.buffer);
    view.setUint32(42, offset, true);
    dir.set(name, 46);
    pieces.push(local, data);
    central.push(dir);
    offset += local.length + data.length;
  }
  const directorySize = central.reduce((n, d) => n + d.length, 0);
  if (offset + directorySize >= LIMIT) return undefined;
  const end = new Uint8Array(22);
  const view = new DataView(end.buffer);
  view.setUint32(0, 0x06054b50, true);
  view.setUint16(8, entries.length, true);
  view.setUint16(10, entries.length, true);
  view.setUint32(12, directorySize, true);
  view.setUint32(16, offset, true);
  const out = new Uint8Array(offset + directorySize + end.length);
  let at = 0;
  for (const piece of [...pieces, ...central, end]) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

/** A local header (30 bytes + name) or a central directory entry (46 + name), the name left to the caller. */
function header(
  fixed: 30 | 46,
  signature: number,
  f: {
    method: number;
    crc: number;
    compressed: number;
    size: number;
    when: number;
    flags: number;
    nameLength: number;
  },
): Uint8Array {
  const bytes = new Uint8Array(fixed + f.nameLength);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, signature, true);
  // The central entry has "version made by" (2.0, MS-DOS) before the fields both share.
  const at = fixed === 46 ? 2 : 0;
  if (fixed === 46) view.setUint16(4, 20, true);
  view.setUint16(4 + at, 20, true); // version needed: 2.0
  view.setUint16(6 + at, f.flags, true);
  view.setUint16(8 + at, f.method, true);
  view.setUint32(10 + at, f.when >>> 0, true);
  view.setUint32(14 + at, f.crc >>> 0, true);
  view.setUint32(18 + at, f.compressed, true);
  view.setUint32(22 + at, f.size, true);
  view.setUint16(26 + at, f.nameLength, true);
  return bytes;
}
