#!/usr/bin/env node
// Writes public/icon-192.png and public/icon-512.png (the PWA icons) without any image library:
// the same three-bar design as public/icon.svg, drawn into raw RGBA and PNG-encoded with zlib.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

function crc32(buf) {
  let c;
  let crc = 0xffffffff;
  for (const byte of buf) {
    c = (crc ^ byte) & 0xff;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function icon(size) {
  const s = size / 64;
  const bars = [
    [14, 34, 9, 16],
    [28, 24, 9, 26],
    [42, 14, 9, 36],
  ];
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y += 1) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x += 1) {
      const u = x / s;
      const v = y / s;
      const white = bars.some(([bx, by, bw, bh]) => u >= bx && u < bx + bw && v >= by && v < by + bh);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = white ? 255 : 0x1d;
      raw[o + 1] = white ? 255 : 0x3a;
      raw[o + 2] = white ? 255 : 0x5f;
      raw[o + 3] = 255;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [192, 512]) writeFileSync(new URL(`../public/icon-${size}.png`, import.meta.url), icon(size));
console.log('icons written');
