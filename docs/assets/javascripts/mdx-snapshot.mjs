/**
 * Reads the Python memory snapshot the build writes
 * (sitebuild/runtime.py, `pack_snapshot`).
 *
 * The image is 31 MB, of which about 60 % is whole pages of zeros, so the
 * build keeps only the pages that hold data: the file is gzip of
 *
 *   u32 image length, u32 run count, run count × (u32 offset, u32 length),
 *   then the runs' bytes one after another        (all little-endian)
 *
 * Inflating 13 MB instead of 31 MB saves ~0.1 s on the worker's critical
 * path (BENCHMARKS.md); a new, zero-filled buffer supplies the rest.
 */

/** The file does not hold an image in this format. */
export class SnapshotFormatError extends Error {
  name = "SnapshotFormatError";
}

/**
 * @param {Response} response the snapshot file, as fetched
 * @returns {Promise<Uint8Array>} the memory image for `loadPyodide({_loadSnapshot})`
 */
export async function readSnapshot(response) {
  const inflated = response.body.pipeThrough(new DecompressionStream("gzip"));
  return unpackSnapshot(new Uint8Array(await new Response(inflated).arrayBuffer()));
}

/**
 * @param {Uint8Array} packed the inflated file
 * @returns {Uint8Array}
 */
export function unpackSnapshot(packed) {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  const need = (end) => {
    if (end > packed.byteLength) throw new SnapshotFormatError(`snapshot cut short: needs ${end} bytes, has ${packed.byteLength}`);
  };
  need(8);
  const length = view.getUint32(0, true);
  const runs = view.getUint32(4, true);
  let data = 8 + runs * 8;
  need(data);
  const image = new Uint8Array(length);
  for (let run = 0; run < runs; run += 1) {
    const offset = view.getUint32(8 + run * 8, true);
    const size = view.getUint32(12 + run * 8, true);
    if (offset + size > length) throw new SnapshotFormatError(`snapshot run ${run} ends at ${offset + size}, past the image's ${length} bytes`);
    need(data + size);
    image.set(packed.subarray(data, data + size), offset);
    data += size;
  }
  if (data !== packed.byteLength) throw new SnapshotFormatError(`snapshot has ${packed.byteLength - data} bytes after its last run`);
  return image;
}
