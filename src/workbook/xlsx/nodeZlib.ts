/**
 * Node's zlib as the package's platform zlib (platformZlib.ts), for the CLI. Node only: the browser builds
 * never import this module.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

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
  crc32: (bytes) => crc32(bytes),
};
