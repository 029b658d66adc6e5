#!/usr/bin/env node
// Draws the add-in's icons (a green rounded square with a white checklist) and writes them as PNG files to
// assets/. Plain Node: shapes are signed-distance functions, each pixel is supersampled for anti-aliasing,
// and the PNG is assembled by hand (IHDR + one zlib-compressed IDAT + IEND).
//
//   node scripts/make-icons.js            writes assets/icon-{16,32,64,80,128,192,512}.png
//   node scripts/make-icons.js OUT_DIR    writes them to OUT_DIR instead
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

// 16…128 for Office; 192 and 512 for the web app's manifest (browsers install an app with those two).
const SIZES = [16, 32, 64, 80, 128, 192, 512];
const GREEN = [16, 124, 65]; // #107C41, Excel's green
const WHITE = [255, 255, 255];
const SUPERSAMPLE = 4;

// ---- geometry (unit square, y grows downwards) ----

function roundedSquareDistance(x, y, inset, radius) {
  const half = 0.5 - inset;
  const qx = Math.abs(x - 0.5) - (half - radius);
  const qy = Math.abs(y - 0.5) - (half - radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

function segmentDistance(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** A stroke is a polyline with round caps and a half width. */
function strokeContains(x, y, stroke) {
  for (let i = 0; i + 1 < stroke.points.length; i++) {
    if (segmentDistance(x, y, stroke.points[i], stroke.points[i + 1]) <= stroke.halfWidth) return true;
  }
  return false;
}

/**
 * The white marks. Small icons get one bold check mark (a list would blur into a smudge); from 32 px up the
 * mark is a checklist: three rows, each a small check and a line of text.
 */
function marksFor(size) {
  if (size < 32) {
    return [
      {
        halfWidth: 0.085,
        points: [
          [0.26, 0.52],
          [0.43, 0.69],
          [0.75, 0.33],
        ],
      },
    ];
  }
  const marks = [];
  const rows = [0.3, 0.5, 0.7];
  const halfWidth = size >= 64 ? 0.032 : 0.04;
  for (const y of rows) {
    marks.push({
      halfWidth,
      points: [
        [0.22, y],
        [0.29, y + 0.065],
        [0.4, y - 0.07],
      ],
    });
    marks.push({
      halfWidth,
      points: [
        [0.5, y],
        [0.78, y],
      ],
    });
  }
  return marks;
}

function render(size) {
  const marks = marksFor(size);
  const inset = size <= 16 ? 0.02 : 0.04;
  const radius = 0.18;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let inside = 0;
      let white = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          if (roundedSquareDistance(x, y, inset, radius) > 0) continue;
          inside++;
          if (marks.some((mark) => strokeContains(x, y, mark))) white++;
        }
      }
      const offset = (py * size + px) * 4;
      if (inside === 0) continue; // fully transparent
      const whiteShare = white / inside;
      for (let c = 0; c < 3; c++) {
        rgba[offset + c] = Math.round(GREEN[c] * (1 - whiteShare) + WHITE[c] * whiteShare);
      }
      rgba[offset + 3] = Math.round((255 * inside) / (SUPERSAMPLE * SUPERSAMPLE));
    }
  }
  return rgba;
}

// ---- PNG encoding ----

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression
  header[11] = 0; // filter method
  header[12] = 0; // no interlace
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0; // filter type: none
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, '..', 'assets'));
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    const png = encodePng(size, render(size));
    fs.writeFileSync(file, png);
    console.log(`${path.relative(process.cwd(), file)}  ${size}×${size}  ${png.length} B`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, render, SIZES };
