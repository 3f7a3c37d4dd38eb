// Reads a packed snapshot the way the browser's worker does
// (docs/assets/javascripts/mdx-snapshot.mjs), completing it from a stand-in
// for Python's instantiated module whose memory starts with INITIAL's bytes,
// and prints {length, sha256} of the image, or {error, message}.
// tests/test_runtime.py compares that with the image the build packed.
//
//   node tests/support/unpack_snapshot.mjs PACKED.bin INITIAL.bin

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const READER = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "docs", "assets", "javascripts", "mdx-snapshot.mjs");
const { readSnapshot } = await import(pathToFileURL(READER).href);
const [packed, initial] = process.argv.slice(2).map((path) => readFileSync(path));

const PAGE = 64 * 1024;
const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(initial.length / PAGE)) });
new Uint8Array(memory.buffer).set(initial);
const python = { exports: { memory, Py_Initialize() {} } };

try {
  const snapshot = await readSnapshot(new Response(packed));
  snapshot.completeFrom(python);
  const image = snapshot.image;
  process.stdout.write(JSON.stringify({ length: image.length, sha256: createHash("sha256").update(image).digest("hex") }));
} catch (error) {
  process.stdout.write(JSON.stringify({ error: error.name, message: error.message }));
}
