/**
 * A zip writer for hostile packages, which no zip library will make: duplicate or traversal entry names,
 * sizes that lie, encrypted flags, overlapping entries, and zip bombs — parts that unzip to gigabytes from a
 * few megabytes, made at test time in well under a second (a block of compressed filler repeated, never the
 * gigabytes themselves). Test code only.
 */
import * as zlib from 'node:zlib';

import JSZip from 'jszip';

export interface RawEntry {
  name: string;
  /** Content, deflated here; or `deflated`, a raw deflate stream made elsewhere (a bomb). */
  data?: Uint8Array | string;
  deflated?: Uint8Array;
  /** Declared unzipped size; default: the real one. */
  declaredSize?: number;
  /** Default: CRC-32 of `data` (0 for a `deflated` stream, which the reader never gets to the end of). */
  crc?: number;
  /** General-purpose flags (bit 0: encrypted). */
  flags?: number;
  /** Stored (0) instead of deflated (8). */
  method?: 0 | 8;
  /** Point this entry's directory record at the data of the entry with this index (overlapping entries). */
  sameDataAs?: number;
}

const encoder = new TextEncoder();

function bytesOf(data: Uint8Array | string): Uint8Array {
  return typeof data === 'string' ? encoder.encode(data) : data;
}

/** A zip of these entries, in this order, with Zip64 records where a size passes 4 GB. */
export function buildZip(entries: RawEntry[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const offsets: number[] = [];
  const records: { compressed: number; size: number; crc: number; method: number }[] = [];
  entries.forEach((entry, index) => {
    const name = Buffer.from(entry.name, 'utf8');
    const method = entry.method ?? 8;
    let compressed: Buffer;
    let size: number;
    let crc: number;
    if (entry.deflated) {
      compressed = Buffer.from(entry.deflated);
      size = entry.declaredSize ?? 0;
      crc = entry.crc ?? 0;
    } else {
      const raw = Buffer.from(bytesOf(entry.data ?? ''));
      compressed = method === 8 ? zlib.deflateRawSync(raw) : raw;
      size = entry.declaredSize ?? raw.length;
      crc = entry.crc ?? zlib.crc32(raw);
    }
    if (entry.sameDataAs !== undefined) {
      offsets.push(offsets[entry.sameDataAs]);
      records.push(records[entry.sameDataAs]);
    } else {
      const zip64 = size >= 0xffffffff || compressed.length >= 0xffffffff;
      const extra = zip64 ? zip64Extra([size, compressed.length]) : Buffer.alloc(0);
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(zip64 ? 45 : 20, 4);
      local.writeUInt16LE(entry.flags ?? 0, 6);
      local.writeUInt16LE(method, 8);
      local.writeUInt32LE(0x21000000, 10); // 1980-01-01
      local.writeUInt32LE(crc >>> 0, 14);
      local.writeUInt32LE(zip64 ? 0xffffffff : compressed.length, 18);
      local.writeUInt32LE(zip64 ? 0xffffffff : size, 22);
      local.writeUInt16LE(name.length, 26);
      local.writeUInt16LE(extra.length, 28);
      offsets.push(offset);
      records.push({ compressed: compressed.length, size, crc, method });
      chunks.push(local, name, extra, compressed);
      offset += local.length + name.length + extra.length + compressed.length;
    }
    const r = records[index];
    const at = offsets[index];
    const big = r.size >= 0xffffffff || r.compressed >= 0xffffffff || at >= 0xffffffff;
    const extra = big ? zip64Extra([r.size, r.compressed, at]) : Buffer.alloc(0);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(45, 4);
    record.writeUInt16LE(big ? 45 : 20, 6);
    record.writeUInt16LE(entry.flags ?? 0, 8);
    record.writeUInt16LE(r.method, 10);
    record.writeUInt32LE(0x21000000, 12);
    record.writeUInt32LE(r.crc >>> 0, 16);
    record.writeUInt32LE(big ? 0xffffffff : r.compressed, 20);
    record.writeUInt32LE(big ? 0xffffffff : r.size, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt16LE(extra.length, 30);
    record.writeUInt32LE(big ? 0xffffffff : at, 42);
    central.push(record, name, extra);
  });
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, directory, end]));
}

function zip64Extra(values: number[]): Buffer {
  const extra = Buffer.alloc(4 + values.length * 8);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(values.length * 8, 2);
  values.forEach((v, i) => extra.writeBigUInt64LE(BigInt(v), 4 + i * 8));
  return extra;
}

const UNIT = 1024 * 1024;

/**
 * A raw deflate stream of `prefix`, then `fillerBytes` of `filler` (a multiple of 1 MB), then `suffix`: the
 * filler is one megabyte compressed once (about 1 KB) and repeated, so a 4 GB part costs 4 MB and a few
 * milliseconds to make.
 */
export function deflateBomb(prefix: string, fillerBytes: number, suffix: string, filler = 0x20): Uint8Array {
  const flush = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  const head = zlib.deflateRawSync(Buffer.from(prefix, 'utf8'), flush);
  const unit = zlib.deflateRawSync(Buffer.alloc(UNIT, filler), flush);
  const tail = zlib.deflateRawSync(Buffer.from(suffix, 'utf8'));
  const count = Math.ceil(fillerBytes / UNIT);
  const out = Buffer.alloc(head.length + unit.length * count + tail.length);
  head.copy(out, 0);
  for (let i = 0; i < count; i += 1) unit.copy(out, head.length + i * unit.length);
  tail.copy(out, head.length + count * unit.length);
  return new Uint8Array(out);
}

/** The entries of a package, as RawEntry (content unzipped), in zip order. */
export async function entriesOf(bytes: Uint8Array): Promise<RawEntry[]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: RawEntry[] = [];
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    out.push({ name: file.name, data: await file.async('uint8array') });
  }
  return out;
}

export function textOf(entry: RawEntry): string {
  return new TextDecoder().decode(bytesOf(entry.data ?? ''));
}

/** Replaces an entry's content (by name); throws when there is no such entry. */
export function setText(entries: RawEntry[], name: string, edit: (text: string) => string): void {
  const entry = entries.find((e) => e.name === name);
  if (!entry) throw new Error(`hostile: no entry ${name}`);
  entry.data = edit(textOf(entry));
}
