/**
 * Node's zlib as the package's platform zlib (platformZlib.ts), for the CLI. Node only: the browser builds
 * never import this module.
 */
import { crc32, createDeflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';

import type { PlatformZlib } from './platformZlib';

export const nodeZlib: PlatformZlib = {
  inflateRaw(data, maxBytes) {
    // Stops past maxBytes (ERR_BUFFER_TOO_LARGE), however much the rest would unzip to.
    const out = inflateRawSync(data, { maxOutputLength: maxBytes });
    // A plain Uint8Array, as JSZip gives: a Buffer's slice() would share its bytes.
    return new Uint8Array(out.buffer, out.byteOffset, out.length);
  },
  // Level 6, as JSZip deflated.
  deflateRaw: (bytes) => deflateRawSync(bytes, { level: 6 }),
  // A stream fed the chunks one by one: the bytes deflateRawSync gives for them joined (zlib's output does not
  // depend on how its input is cut), without a copy of them all.
  deflateRawChunks: (chunks) =>
    new Promise((resolve, reject) => {
      const stream = createDeflateRaw({ level: 6 });
      const out: Buffer[] = [];
      stream.on('data', (piece: Buffer) => out.push(piece));
      stream.on('end', () => {
        const all = Buffer.concat(out);
        resolve(new Uint8Array(all.buffer, all.byteOffset, all.length));
      });
      stream.on('error', reject);
      for (const chunk of chunks) stream.write(chunk);
      stream.end();
    }),
  crc32: (bytes, before = 0) => crc32(bytes, before),
};
