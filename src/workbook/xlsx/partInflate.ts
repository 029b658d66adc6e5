/**
 * Unzipping one part of a package (opc.ts), within FILE_LIMITS.maxPartBytes and exactly the size the zip
 * directory declares: with the platform's inflater where one is given (platformZlib.ts: Node's zlib in the
 * CLI), else with JSZip's chunked reader (the browser). Damaged data, or more data than declared, is refused as
 * a damaged file after at most one chunk past the declared size, however much the rest would unzip to.
 */
import type JSZip from 'jszip';

import { FILE_LIMITS } from '../limits';
import { platformZlib, type PlatformZlib } from './platformZlib';
import { limitExceeded, unreadable } from './unreadable';
import type { CopiedEntry } from './zipWriter';

/** A part as the zip holds it; `bytes` once unzipped. Shared by a package and its clones. */
export interface ZippedPart {
  object: JSZip.JSZipObject;
  /** The unzipped size the zip directory declares. */
  declared: number;
  bytes?: Uint8Array;
  /** The entry as the zip holds it: unzipped natively (platformZlib.ts), or copied into a zip zipWriter.ts writes. */
  entry: CopiedEntry;
}

/** Bytes unzipped by every package of this process (tests compare it before and after). */
export const inflationCounter = { bytes: 0, parts: 0 };

/** Unzips one part, within FILE_LIMITS.maxPartBytes and exactly its declared size. */
export function inflatePart(name: string, part: ZippedPart): Promise<Uint8Array> {
  if (part.declared > FILE_LIMITS.maxPartBytes) {
    return Promise.reject(limitExceeded('partBytes', { part: name, found: part.declared }));
  }
  const expected = part.declared;
  const native = platformZlib();
  if (native) {
    try {
      return Promise.resolve(inflateNatively(name, part, native));
    } catch (error) {
      return Promise.reject(error);
    }
  }
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    let settled = false;
    // ZipObject#internalStream is JSZip's documented chunked reader; its typings leave it out.
    const stream = (
      part.object as unknown as { internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array> }
    ).internalStream('uint8array');
    const fail = (): void => {
      if (settled) return;
      settled = true;
      stream.pause();
      reject(unreadable({ kind: 'damaged', part: name }));
    };
    stream.on('data', (chunk) => {
      if (settled) return;
      total += chunk.length;
      // More than the directory declared: the sizes lie (a bomb in disguise) or the data is damaged. Stops
      // after one chunk past the declared size, however much the rest would unzip to.
      if (total > expected) fail();
      else chunks.push(chunk);
    });
    stream.on('error', fail);
    stream.on('end', () => {
      if (settled) return;
      if (total !== expected) {
        fail();
        return;
      }
      settled = true;
      inflationCounter.bytes += total;
      inflationCounter.parts += 1;
      resolve(concatenate(chunks, total));
    });
    stream.resume();
  });
}

/** inflatePart with the platform's zlib (platformZlib.ts): the same checks, the same refusals. */
function inflateNatively(name: string, part: ZippedPart, zlib: PlatformZlib): Uint8Array {
  // The entry as the zip holds it (0 stored, 8 deflated), also what a save copies unchanged (zipWriter.ts).
  const { data: compressed, method } = part.entry;
  let bytes: Uint8Array;
  try {
    // Stored: the directory holds its two sizes equal (zipDirectory.ts). A copy, as JSZip gives.
    // Deflated: unzipping stops past the declared size, however much the rest would unzip to.
    bytes = method === 0 ? compressed.slice() : zlib.inflateRaw(compressed, Math.max(part.declared, 1));
  } catch {
    throw unreadable({ kind: 'damaged', part: name });
  }
  if (bytes.length !== part.declared) throw unreadable({ kind: 'damaged', part: name });
  inflationCounter.bytes += bytes.length;
  inflationCounter.parts += 1;
  return bytes;
}

function concatenate(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
