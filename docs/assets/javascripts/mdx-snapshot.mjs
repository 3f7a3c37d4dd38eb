/**
 * Reads the Python memory snapshot the build writes
 * (sitebuild/runtime.py, `pack_snapshot`).
 *
 * Pyodide's image is 31 MB. Two things make the file small (BENCHMARKS.md):
 * - about 60 % of it is whole pages of zeros, which the build leaves out;
 * - its first ~4 MB are Pyodide's static data, which the browser writes into
 *   memory itself when it instantiates pyodide.asm.wasm. The build stores
 *   those bytes XOR the module's initial memory (nearly all zeros), and the
 *   worker undoes that from the instantiated module's memory.
 *
 * The file is gzip of
 *
 *   u32 image length, u32 XOR start, u32 XOR length, u32 run count,
 *   run count × (u32 offset, u32 length),
 *   then the runs' bytes one after another        (all little-endian)
 *
 * Image bytes [XOR start, XOR start + XOR length) are stored XOR memory
 * bytes [0, XOR length) right after instantiation.
 */

/** The file does not hold an image in this format. */
export class SnapshotFormatError extends Error {
  name = "SnapshotFormatError";
}

/**
 * Whether `instance` is Python's module (pyodide.asm.wasm): Pyodide
 * instantiates a small module of its own as well, and Node's fetch another.
 * @param {WebAssembly.Instance} instance
 */
export function isPython(instance) {
  return typeof instance.exports.Py_Initialize === "function";
}

/** A memory image that still needs the module's initial memory. */
export class Snapshot {
  /**
   * @param {Uint8Array} image
   * @param {number} xorStart
   * @param {number} xorLength
   */
  constructor(image, xorStart, xorLength) {
    this.image = image;
    this.xorStart = xorStart;
    this.xorLength = xorLength;
    this.completed = false;
  }

  /**
   * Complete the image from the memory of Python's module, just
   * instantiated, before Pyodide copies the image into it.
   * @param {WebAssembly.Instance} instance
   */
  completeFrom(instance) {
    if (!isPython(instance)) throw new SnapshotFormatError("the snapshot can only be completed from Python's module");
    if (this.completed) throw new SnapshotFormatError("the snapshot was completed twice");
    const { memory } = instance.exports;
    if (!(memory instanceof WebAssembly.Memory) || memory.buffer.byteLength < this.xorLength) {
      throw new SnapshotFormatError(`Python's module has no memory of at least ${this.xorLength} bytes to complete the snapshot from`);
    }
    const initial = new Uint8Array(memory.buffer, 0, this.xorLength);
    const target = this.image.subarray(this.xorStart, this.xorStart + this.xorLength);
    // Four bytes at a time where both sides are aligned (Pyodide's header is
    // 128 bytes), then the rest one by one.
    let at = 0;
    if ((target.byteOffset & 3) === 0) {
      const words = this.xorLength >>> 2;
      const targetWords = new Uint32Array(target.buffer, target.byteOffset, words);
      const initialWords = new Uint32Array(memory.buffer, 0, words);
      for (; at < words; at += 1) targetWords[at] ^= initialWords[at];
      at = words << 2;
    }
    for (; at < this.xorLength; at += 1) target[at] ^= initial[at];
    this.completed = true;
  }
}

/**
 * @param {Response} response the snapshot file, as fetched
 * @returns {Promise<Snapshot>}
 */
export async function readSnapshot(response) {
  const inflated = response.body.pipeThrough(new DecompressionStream("gzip"));
  return unpackSnapshot(new Uint8Array(await new Response(inflated).arrayBuffer()));
}

/**
 * @param {Uint8Array} packed the inflated file
 * @returns {Snapshot}
 */
export function unpackSnapshot(packed) {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  const need = (end) => {
    if (end > packed.byteLength) throw new SnapshotFormatError(`snapshot cut short: needs ${end} bytes, has ${packed.byteLength}`);
  };
  need(16);
  const length = view.getUint32(0, true);
  const xorStart = view.getUint32(4, true);
  const xorLength = view.getUint32(8, true);
  const runs = view.getUint32(12, true);
  if (xorStart + xorLength > length) throw new SnapshotFormatError(`snapshot XOR part ends at ${xorStart + xorLength}, past the image's ${length} bytes`);
  let data = 16 + runs * 8;
  need(data);
  const image = new Uint8Array(length);
  for (let run = 0; run < runs; run += 1) {
    const offset = view.getUint32(16 + run * 8, true);
    const size = view.getUint32(20 + run * 8, true);
    if (offset + size > length) throw new SnapshotFormatError(`snapshot run ${run} ends at ${offset + size}, past the image's ${length} bytes`);
    need(data + size);
    image.set(packed.subarray(data, data + size), offset);
    data += size;
  }
  if (data !== packed.byteLength) throw new SnapshotFormatError(`snapshot has ${packed.byteLength - data} bytes after its last run`);
  return new Snapshot(image, xorStart, xorLength);
}
