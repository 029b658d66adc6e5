/**
 * Node's native DEFLATE and CRC-32 for zipWriter.ts (Node only: the CLI installs it; the browser bundles never
 * import this module, and zip through JSZip).
 */
import { crc32, deflateRawSync } from 'node:zlib';

import type { Deflater } from './zipWriter';

export const nodeDeflater: Deflater = {
  // Level 6, as JSZip deflated.
  deflateRaw: (bytes) => deflateRawSync(bytes, { level: 6 }),
  crc32: (bytes) => crc32(bytes),
};
