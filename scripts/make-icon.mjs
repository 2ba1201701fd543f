// Draws the app icon (resources/icons/icon.png, 512×512; renderer/public/favicon.ico for browsers)
// with no image tools or fonts: a seal-red rounded square with a white seal border and the character 人 as two brush strokes.
// Deterministic, so re-running it gives the same bytes: `node scripts/make-icon.mjs`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const RED = [184, 40, 46];
const WHITE = [255, 255, 255];

// Signed distances (negative inside), in pixels.
function roundedRect(x, y, inset, radius) {
  const half = SIZE / 2 - inset;
  const qx = Math.abs(x - SIZE / 2) - (half - radius);
  const qy = Math.abs(y - SIZE / 2) - (half - radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

function capsule(x, y, [ax, ay], [bx, by], width) {
  const [px, py, dx, dy] = [x - ax, y - ay, bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - t * dx, py - t * dy) - width / 2;
}

/** A brush stroke: a quadratic Bézier from p0 to p2, its width easing from w0 to w1. */
function stroke(x, y, [p0, p1, p2], [w0, w1], steps = 32) {
  const at = (t) => [0, 1].map((i) => (1 - t) ** 2 * p0[i] + 2 * (1 - t) * t * p1[i] + t ** 2 * p2[i]);
  let distance = Infinity;
  for (let i = 0; i < steps; i++) {
    const [t0, t1] = [i / steps, (i + 1) / steps];
    const width = w0 + (w1 - w0) * ((t0 + t1) / 2);
    distance = Math.min(distance, capsule(x, y, at(t0), at(t1), width));
  }
  return distance;
}

const coverage = (distance) => Math.max(0, Math.min(1, 0.5 - distance));

function pixel(x, y) {
  const tile = coverage(roundedRect(x, y, 20, 96));
  const border = Math.min(coverage(roundedRect(x, y, 58, 60)), 1 - coverage(roundedRect(x, y, 72, 46)));
  // 撇 falls from the top and sweeps left; 捺 leaves it part-way down and thickens to the right.
  const pie = coverage(
    stroke(
      x,
      y,
      [
        [258, 124],
        [262, 300],
        [130, 394],
      ],
      [46, 34],
    ),
  );
  const na = coverage(
    stroke(
      x,
      y,
      [
        [252, 236],
        [290, 340],
        [388, 384],
      ],
      [34, 56],
    ),
  );
  const white = Math.max(border, pie, na);
  const rgb = RED.map((channel, i) => Math.round(channel + (WHITE[i] - channel) * white));
  return [...rgb, Math.round(tile * 255)];
}

/** One pixel of a smaller icon: the average of 4×4 samples of the 512-pixel drawing. */
function scaledPixel(x, y, scale) {
  const sum = [0, 0, 0, 0];
  for (let j = 0; j < 4; j++) {
    for (let i = 0; i < 4; i++) {
      const [r, g, b, a] = pixel((x + (i + 0.5) / 4) * scale, (y + (j + 0.5) / 4) * scale);
      // Premultiplied, so transparent samples do not darken the edge.
      sum[0] += r * a;
      sum[1] += g * a;
      sum[2] += b * a;
      sum[3] += a;
    }
  }
  const alpha = sum[3] / 16;
  return alpha === 0
    ? [0, 0, 0, 0]
    : [...sum.slice(0, 3).map((c) => Math.round(c / sum[3])), Math.round(alpha)];
}

function render(size = SIZE) {
  // Each scanline: filter byte 0, then RGBA. Pixel centres sampled at +0.5.
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    for (let x = 0; x < size; x++) {
      const rgba = size === SIZE ? pixel(x + 0.5, y + 0.5) : scaledPixel(x, y, SIZE / size);
      raw.set(rgba, row + 1 + x * 4);
    }
  }
  return raw;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size = SIZE) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(render(size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A .ico holding PNG images (Windows Vista+ and every browser read them). */
function ico(sizes) {
  const images = sizes.map((size) => png(size));
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map((data, i) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(sizes[i] >= 256 ? 0 : sizes[i], 0); // 0 means 256
    entry.writeUInt8(sizes[i] >= 256 ? 0 : sizes[i], 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images]);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'resources', 'icons', 'icon.png');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, png());
console.log(`icon written: ${out}`);
// The browser tab's icon (GET /favicon.ico): the same drawing at 16, 32, 48 and 256 pixels.
// renderer/public is copied as is into out/renderer, which both transports serve.
const favicon = join(root, 'renderer', 'public', 'favicon.ico');
mkdirSync(dirname(favicon), { recursive: true });
writeFileSync(favicon, ico([16, 32, 48, 256]));
console.log(`favicon written: ${favicon}`);
