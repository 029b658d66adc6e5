/**
 * A part's bytes in the chunks they were written in (Package.setChunks): a big written sheet is zipped from its
 * chunks and its head edited (tabSelection.ts) without its bytes ever being joined; only a part read as a whole
 * is. New memory is dear: a 20,000-row rollover's two big sheets are 47 MB, each page of it faulted in once
 * more by a join.
 */
import type { PlatformZlib } from './platformZlib';
import { type CopiedEntry, dosDateTime } from './zipWriter';

/** The chunks as one array (the chunk itself when there is one). */
export function joinChunks(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

export function byteLength(chunks: readonly Uint8Array[]): number {
  return chunks.reduce((n, c) => n + c.length, 0);
}

/** As few of the chunks, from the first, as hold their first `atLeast` bytes (all of them when shorter). */
export function leadingChunks(chunks: readonly Uint8Array[], atLeast: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let length = 0;
  for (const chunk of chunks) {
    if (length >= atLeast) break;
    out.push(chunk);
    length += chunk.length;
  }
  return out;
}

/** The chunks' bytes from `start` on, as chunks (views of them, not copies). */
export function chunksFrom(chunks: readonly Uint8Array[], start: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let at = 0;
  for (const chunk of chunks) {
    const end = at + chunk.length;
    if (end > start) out.push(at >= start ? chunk : chunk.subarray(start - at));
    at = end;
  }
  return out;
}

/** A part written in chunks as a zip entry: deflated from the chunks, its CRC-32 taken chunk by chunk. */
export async function deflatedEntry(
  chunks: readonly Uint8Array[],
  deflater: PlatformZlib,
  now: Date,
): Promise<CopiedEntry> {
  const deflate = deflater.deflateRawChunks as NonNullable<PlatformZlib['deflateRawChunks']>;
  let crc = 0;
  for (const chunk of chunks) crc = deflater.crc32(chunk, crc);
  return {
    method: 8,
    data: await deflate(chunks),
    crc32: crc,
    uncompressedSize: byteLength(chunks),
    dosDateTime: dosDateTime(now),
  };
}
