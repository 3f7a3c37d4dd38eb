// Reads a packed memory snapshot with the browser's own reader
// (docs/assets/javascripts/mdx-snapshot.mjs) and prints, as JSON, the
// inflated image's length and sha256, or the error the reader raised.
// tests/test_runtime.py packs in Python (the build) and compares.
//
//   node read_snapshot.mjs READER.mjs PACKED.bin

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [reader, packed] = process.argv.slice(2);
const { readSnapshot } = await import(pathToFileURL(reader).href);
try {
  const image = await readSnapshot(new Response(readFileSync(packed)));
  process.stdout.write(JSON.stringify({ length: image.length, sha256: createHash("sha256").update(image).digest("hex") }));
} catch (error) {
  process.stdout.write(JSON.stringify({ error: error.name, message: error.message }));
}
