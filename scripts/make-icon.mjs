#!/usr/bin/env node
// Draws the extension's Marketplace icon, media/icon.png (128 × 128, RGBA): a falling loss curve over its axes on a
// dark rounded square. Pure Node (zlib for the PNG), 4 × 4 supersampling.
//   node scripts/make-icon.mjs [--out FILE] [--size N]
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
if (args.includes('--help')) {
  process.stdout.write('usage: node scripts/make-icon.mjs [--out FILE] [--size N]  (default media/icon.png, 128)\n');
  process.exit(0);
}
const opt = (k, d) => (args.includes(`--${k}`) ? args[args.indexOf(`--${k}`) + 1] : d);
const SIZE = Number(opt('size', '128'));
const OUT = path.resolve(root, opt('out', 'media/icon.png'));

const BG = [30, 34, 44];
const AXIS = [140, 150, 165];
const CURVE = [55, 148, 255];
const DOT = [255, 196, 64];

/** A training loss in a 24 × 24 box: high at the left, falling fast, then levelling off (a polyline). */
function curve() {
  const pts = [];
  for (let i = 0; i <= 120; i++) {
    const x = 4.5 + (15 * i) / 120;
    pts.push([x, 17 - 12 * Math.exp(-(x - 4.5) / 2.6)]);
  }
  return pts;
}

function distToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

function distToPolyline(px, py, pts) {
  let d = Infinity;
  for (let i = 1; i < pts.length; i++) d = Math.min(d, distToSegment(px, py, pts[i - 1], pts[i]));
  return d;
}

/** Colour and coverage of one sample point (x, y in the 24-unit box). */
function shade(x, y, pts) {
  const r = 4.2; // corner radius of the background square
  const cx = Math.max(r, Math.min(24 - r, x));
  const cy = Math.max(r, Math.min(24 - r, y));
  if (Math.hypot(x - cx, y - cy) > r) return null;
  if (Math.hypot(x - 19.5, y - 17) < 1.6) return DOT;
  if (distToPolyline(x, y, pts) < 1.05) return CURVE;
  if (distToSegment(x, y, [3, 20], [21, 20]) < 0.75 || distToSegment(x, y, [3, 3.5], [3, 20]) < 0.75) return AXIS;
  return BG;
}

function render() {
  const pts = curve();
  const S = 4;
  const px = Buffer.alloc(SIZE * SIZE * 4);
  for (let j = 0; j < SIZE; j++) {
    for (let i = 0; i < SIZE; i++) {
      const acc = [0, 0, 0, 0];
      for (let sj = 0; sj < S; sj++) {
        for (let si = 0; si < S; si++) {
          const c = shade(((i + (si + 0.5) / S) / SIZE) * 24, ((j + (sj + 0.5) / S) / SIZE) * 24, pts);
          if (!c) continue;
          for (let k = 0; k < 3; k++) acc[k] += c[k];
          acc[3]++;
        }
      }
      const o = (j * SIZE + i) * 4;
      const n = acc[3];
      for (let k = 0; k < 3; k++) px[o + k] = n ? Math.round(acc[k] / n) : 0;
      px[o + 3] = Math.round((255 * n) / (S * S));
    }
  }
  return px;
}

const CRC = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(buf) {
  let c = -1;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

export function png(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (1 + width * 4) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

fs.writeFileSync(OUT, png(SIZE, SIZE, render()));
process.stdout.write(`${path.relative(root, OUT)}: ${SIZE} × ${SIZE}\n`);
