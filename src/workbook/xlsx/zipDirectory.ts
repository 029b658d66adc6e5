/**
 * The zip directory of a package, read and judged before anything is unzipped: what the file is (an .xlsx, an
 * old .xls, a password-protected workbook, something else), and whether its directory is one the reader can
 * trust — every entry named once and inside the package, its data within the file and apart from every other
 * entry's, unencrypted, and the whole within the limits of limits.ts by the sizes it declares.
 *
 * Only the directory is read (a few bytes per entry), so judging a file costs time proportional to its
 * number of entries, whatever its parts would unzip to. Runs in Node and in the browser (DataView only).
 */
import { FILE_LIMITS } from '../limits';
import { limitExceeded, unreadable } from './unreadable';

interface ZipEntryInfo {
  /** As the directory names it (UTF-8). */
  name: string;
  directory: boolean;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the local header, from the start of the zip (prepended bytes accounted for). */
  localOffset: number;
  /** Offset of the entry's data (past its local header), set once the local header is checked. */
  dataOffset: number;
  crc32: number;
  /** DOS time (low 16 bits) and date (high 16 bits). */
  dosDateTime: number;
}

export interface ZipDirectory {
  entries: ZipEntryInfo[];
  /** Sum of the declared unzipped sizes. */
  unzippedBytes: number;
}

const SIG = {
  local: 0x04034b50,
  central: 0x02014b50,
  end: 0x06054b50,
  end64: 0x06064b50,
  end64Locator: 0x07064b50,
} as const;

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** "EncryptedPackage" in UTF-16LE: the stream an encrypted OOXML file keeps the real package in. */
const ENCRYPTED_PACKAGE = utf16le('EncryptedPackage');

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i += 1) out[i * 2] = text.charCodeAt(i);
  return out;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i += 1) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** Whether `needle` occurs in `bytes` (a linear scan; the needle is short and fixed). */
function contains(bytes: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  const last = bytes.length - needle.length;
  for (let i = 0; i <= last; i += 1) {
    if (bytes[i] !== first) continue;
    let j = 1;
    while (j < needle.length && bytes[i + j] === needle[j]) j += 1;
    if (j === needle.length) return true;
  }
  return false;
}

const decoder = new TextDecoder('utf-8');

/**
 * Reads and checks the zip directory of `bytes`. Throws UnreadableWorkbookError: an old .xls or an encrypted
 * workbook (both Compound File Binary files) by name, anything else that is not a zip as notXlsx, a broken
 * directory as damaged, and duplicate or outside names, encryption and limits by their reason.
 */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  if (bytes.length > FILE_LIMITS.maxFileBytes) {
    throw limitExceeded('fileBytes', { found: bytes.length });
  }
  if (startsWith(bytes, CFB_MAGIC)) {
    throw unreadable({ kind: contains(bytes, ENCRYPTED_PACKAGE) ? 'encrypted' : 'legacyXls' });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { count, start, directoryEnd, shift } = locateDirectory(bytes, view);

  const entries: ZipEntryInfo[] = [];
  const seen = new Map<string, string>();
  let unzippedBytes = 0;
  let pos = start;
  for (let i = 0; i < count; i += 1) {
    const { entry, flags, next } = readDirectoryEntry(bytes, view, pos, directoryEnd);
    pos = next;
    // Bit 0: encrypted; method 99: AES (WinZip). A zip with a password, which Excel never writes.
    if (flags & 0x1 || entry.method === 99) throw unreadable({ kind: 'encrypted' });
    if (entry.method !== 0 && entry.method !== 8) damaged();
    if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) damaged();
    checkEntryName(entry.name);
    if (!entry.directory) {
      const key = entry.name.toLowerCase(); // part names are case-insensitive (OPC)
      if (seen.has(key)) throw unreadable({ kind: 'duplicateEntry', name: entry.name });
      seen.set(key, entry.name);
      unzippedBytes += entry.uncompressedSize;
      if (unzippedBytes > FILE_LIMITS.maxUnzippedBytes) {
        throw limitExceeded('unzippedBytes', { found: unzippedBytes });
      }
    }
    entry.localOffset += shift;
    entries.push(entry);
  }
  checkEntryData(view, entries, start);
  return { entries, unzippedBytes };
}

function damaged(): never {
  throw unreadable({ kind: 'damaged' });
}

/**
 * Where the directory is, from the end-of-directory record (or its Zip64 form): its entry count, its start
 * and end in `bytes`, and how far bytes before the zip proper (a self-extracting stub, say) shift every
 * offset it declares.
 */
function locateDirectory(
  bytes: Uint8Array,
  view: DataView,
): { count: number; start: number; directoryEnd: number; shift: number } {
  const end = findEndOfDirectory(view);
  if (end < 0) {
    // A zip's local header at the start but no directory at the end: cut short.
    throw unreadable({ kind: startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) ? 'damaged' : 'notXlsx' });
  }
  if (view.getUint16(end + 4, true) !== 0 || view.getUint16(end + 6, true) !== 0) damaged(); // multi-disk
  let count = view.getUint16(end + 10, true);
  let size = view.getUint32(end + 12, true);
  let offset = view.getUint32(end + 16, true);
  let directoryEnd = end;
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || view.getUint32(locator, true) !== SIG.end64Locator) damaged();
    const end64 = safeNumber(view, locator + 8) ?? damaged();
    if (end64 + 56 > locator || view.getUint32(end64, true) !== SIG.end64) damaged();
    count = safeNumber(view, end64 + 32) ?? damaged();
    size = safeNumber(view, end64 + 40) ?? damaged();
    offset = safeNumber(view, end64 + 48) ?? damaged();
    directoryEnd = end64;
  }
  if (count > FILE_LIMITS.maxZipEntries) throw limitExceeded('zipEntries', { found: count });
  const shift = directoryEnd - (offset + size);
  if (shift < 0) damaged();
  return { count, start: offset + shift, directoryEnd, shift };
}

/** The directory entry at `pos` (its local offset as declared, not yet shifted), its flags, and the next entry's offset. */
function readDirectoryEntry(
  bytes: Uint8Array,
  view: DataView,
  pos: number,
  directoryEnd: number,
): { entry: ZipEntryInfo; flags: number; next: number } {
  if (pos + 46 > directoryEnd || view.getUint32(pos, true) !== SIG.central) damaged();
  const flags = view.getUint16(pos + 8, true);
  const method = view.getUint16(pos + 10, true);
  const nameLength = view.getUint16(pos + 28, true);
  const extraLength = view.getUint16(pos + 30, true);
  const commentLength = view.getUint16(pos + 32, true);
  const next = pos + 46 + nameLength + extraLength + commentLength;
  if (next > directoryEnd) damaged();
  const name = decoder.decode(bytes.subarray(pos + 46, pos + 46 + nameLength));
  const sizes = {
    compressedSize: view.getUint32(pos + 20, true),
    uncompressedSize: view.getUint32(pos + 24, true),
    localOffset: view.getUint32(pos + 42, true),
  };
  readZip64Sizes(view, pos + 46 + nameLength, extraLength, sizes);
  const entry: ZipEntryInfo = {
    name,
    directory: name.endsWith('/'),
    method,
    ...sizes,
    dataOffset: 0,
    crc32: view.getUint32(pos + 16, true),
    dosDateTime: view.getUint32(pos + 12, true),
  };
  return { entry, flags, next };
}

/** Sizes and offset of 0xFFFFFFFF are in the Zip64 extra field (at `extra`), in this order. */
function readZip64Sizes(
  view: DataView,
  extra: number,
  extraLength: number,
  sizes: { compressedSize: number; uncompressedSize: number; localOffset: number },
): void {
  if (
    sizes.compressedSize !== 0xffffffff &&
    sizes.uncompressedSize !== 0xffffffff &&
    sizes.localOffset !== 0xffffffff
  )
    return;
  const extraEnd = extra + extraLength;
  while (extra + 4 <= extraEnd) {
    const id = view.getUint16(extra, true);
    const length = view.getUint16(extra + 2, true);
    if (id === 0x0001) {
      let field = extra + 4;
      const take = (): number => {
        if (field + 8 > extra + 4 + length) damaged();
        const v = safeNumber(view, field) ?? damaged();
        field += 8;
        return v;
      };
      if (sizes.uncompressedSize === 0xffffffff) sizes.uncompressedSize = take();
      if (sizes.compressedSize === 0xffffffff) sizes.compressedSize = take();
      if (sizes.localOffset === 0xffffffff) sizes.localOffset = take();
      return;
    }
    extra += 4 + length;
  }
}

/**
 * Refuses names that are not a plain relative path inside the package: absolute ("/x", "\x", "C:x"), with
 * "." or ".." segments, or with empty segments (which zip libraries silently rename, or resolve outside).
 */
function checkEntryName(name: string): void {
  const outside = (): never => {
    throw unreadable({ kind: 'entryOutside', name });
  };
  if (name === '' || /^[/\\]/.test(name) || /^[A-Za-z]:/.test(name) || name.includes('\0')) outside();
  const segments = name.split(/[/\\]/);
  segments.forEach((segment, i) => {
    if (segment === '.' || segment === '..') outside();
    if (segment === '' && i !== segments.length - 1) outside();
  });
}

/**
 * Each entry's local header is where the directory says, and its data lies within the file, before the
 * directory and clear of every other entry's (overlapping entries are how some zip bombs multiply one block
 * of compressed data).
 */
function checkEntryData(view: DataView, entries: ZipEntryInfo[], directoryStart: number): void {
  const spans: [number, number][] = [];
  for (const entry of entries) {
    const at = entry.localOffset;
    if (at < 0 || at + 30 > directoryStart || view.getUint32(at, true) !== SIG.local) {
      throw unreadable({ kind: 'damaged' });
    }
    const dataStart = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const dataEnd = dataStart + entry.compressedSize;
    if (dataEnd > directoryStart) throw unreadable({ kind: 'damaged' });
    entry.dataOffset = dataStart;
    spans.push([at, dataEnd]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < spans.length; i += 1) {
    if (spans[i][0] < spans[i - 1][1]) throw unreadable({ kind: 'damaged' });
  }
}

/** The end-of-directory record: within the last 64 KB + 22 bytes (its comment is at most 65,535 bytes). */
function findEndOfDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 0xffff);
  for (let i = last; i >= first; i -= 1) {
    if (view.getUint32(i, true) === SIG.end && i + 22 + view.getUint16(i + 20, true) <= view.byteLength) {
      return i;
    }
  }
  return -1;
}

/** A little-endian 64-bit value, or undefined past 2^53 (no real file comes near). */
function safeNumber(view: DataView, at: number): number | undefined {
  if (at < 0 || at + 8 > view.byteLength) return undefined;
  const low = view.getUint32(at, true);
  const high = view.getUint32(at + 4, true);
  if (high >= 0x200000) return undefined;
  return high * 0x100000000 + low;
}
