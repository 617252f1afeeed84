import * as zlib from 'node:zlib';

/**
 * A minimal PNG encoder (RGBA, 8 bits, no filtering), for tests: images built pixel by pixel, and
 * well-formed or deliberately broken headers and chunks, without an image library.
 */
export type Rgba = readonly [number, number, number, number];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** node:zlib has crc32 from Node 20.15; computed by hand otherwise. */
function crc32(bytes: Uint8Array): number {
  const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  if (native) return native(bytes);
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A chunk: length, type, data and its CRC (or the `crc` given, to make a broken one). */
export function pngChunk(type: string, data: Uint8Array, crc?: number): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc ?? crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, tail]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The IHDR chunk of an RGBA image of this size (the size may be anything a header can say). */
export function ihdrChunk(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return pngChunk('IHDR', ihdr);
}

/** The signature and IHDR of an RGBA image of this size. */
export function pngHeader(width: number, height: number): Buffer {
  return Buffer.concat([PNG_SIGNATURE, ihdrChunk(width, height)]);
}

export function encodePng(width: number, height: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 4 + 1);
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  return Buffer.concat([pngHeader(width, height), pngChunk('IDAT', zlib.deflateSync(raw)), pngChunk('IEND', new Uint8Array())]);
}

/** A well-formed PNG whose header declares width × height but whose data is `zeroBytes` of zeros. */
export function declaredPng(width: number, height: number, zeroBytes = 4096): Buffer {
  return Buffer.concat([pngHeader(width, height), pngChunk('IDAT', zlib.deflateSync(Buffer.alloc(zeroBytes))), pngChunk('IEND', new Uint8Array())]);
}

/** `#rrggbb` (and an alpha) as RGBA. */
export function rgba(hex: string, alpha = 255): Rgba {
  const value = parseInt(hex.replace('#', ''), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff, alpha];
}
