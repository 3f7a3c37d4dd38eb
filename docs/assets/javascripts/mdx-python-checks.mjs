/**
 * Puts the checks into a started Pyodide. The build ships them as one pure
 * wheel (`meldcodewijzer-checks`), listed in the lock data with its sha256.
 * Two ways in, one per start:
 *
 * - after a snapshot restore, `installChecks`: the wheel's bytes (fetched
 *   with their integrity) go to the snapshot's place on `sys.path`, where
 *   zipimport finds them; the modules are imported already, so this is fast.
 *   The build's snapshot script (sitebuild/snapshot_python.mjs) runs the same
 *   function, so the snapshot holds exactly what the worker would do itself.
 * - after a normal start, `loadChecks`: Pyodide's own `loadPackage`, which
 *   fetches the wheel, checks its sha256 and unpacks it into site-packages.
 */

/**
 * Where the lock data puts the checks wheel, and its Subresource Integrity
 * string (the lock holds the sha256 in hex; `fetch` wants it in base64).
 * @param {{packages: Record<string, {file_name: string, sha256: string}>}} lock
 * @param {string} name the package's name in the lock
 * @returns {{file: string, integrity: string}}
 */
export function checksWheel(lock, name) {
  const entry = lock.packages[name];
  if (!entry) throw new Error(`The lock data lists no package ${name}`);
  const bytes = entry.sha256.match(/[0-9a-f]{2}/g).map((pair) => parseInt(pair, 16));
  return { file: entry.file_name, integrity: `sha256-${btoa(String.fromCharCode(...bytes))}` };
}

/**
 * @param {{FS: {writeFile: (path: string, data: Uint8Array) => void}, pyimport: (name: string) => any}} pyodide
 * @param {string} path where the wheel goes in Pyodide's file system
 * @param {Uint8Array} wheel the checks wheel (sources and bytecode)
 */
export function installChecks(pyodide, path, wheel) {
  // After a restore the modules are imported already and zipimport reads the
  // file only for a traceback's source lines, but it must be there.
  pyodide.FS.writeFile(path, wheel);
  const sys = pyodide.pyimport("sys");
  const searchPath = sys.path;
  if (!searchPath.includes(path)) searchPath.insert(0, path);
  searchPath.destroy();
  sys.destroy();
  pyodide.pyimport("checks.browser").destroy();
}

/**
 * Install the checks wheel with Pyodide's package loader (the lock data
 * given to `loadPyodide` names its file and sha256). `loadPackage` reports a
 * failure only through its callbacks: this turns one into an error.
 * @param {{loadPackage: (name: string, options: object) => Promise<{name: string}[]>}} pyodide
 * @param {string} name the package's name in the lock
 */
export async function loadChecks(pyodide, name) {
  const errors = [];
  const loaded = await pyodide.loadPackage(name, {
    messageCallback: (message) => console.debug("[pyodide]", message),
    errorCallback: (message) => errors.push(message),
  });
  if (!loaded.some((found) => found.name === name)) {
    throw new Error(`${name} could not be installed: ${errors.join(" ") || "no reason given"}`);
  }
}
