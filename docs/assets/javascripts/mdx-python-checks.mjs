/**
 * Puts the checks into a started Pyodide: the zip on `sys.path`, then
 * `import checks.browser`. Shared by the browser's worker and the build's
 * snapshot script (sitebuild/snapshot_python.mjs), so the
 * snapshot holds exactly what the worker would otherwise do itself.
 */

/**
 * @param {{FS: {writeFile: (path: string, data: Uint8Array) => void}, runPython: (code: string) => unknown}} pyodide
 * @param {string} path where the zip goes in Pyodide's file system
 * @param {Uint8Array} zip the checks zip (sources and bytecode)
 */
export function installChecks(pyodide, path, zip) {
  // After a restore the modules are imported already and zipimport reads the
  // file only for a traceback's source lines, but it must be there.
  pyodide.FS.writeFile(path, zip);
  const literal = JSON.stringify(path); // a JSON string is a Python string literal
  pyodide.runPython(`import sys\nif ${literal} not in sys.path:\n    sys.path.insert(0, ${literal})\nimport checks.browser\n`);
}
