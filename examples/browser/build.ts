/**
 * Bundles the pre-check page's script for the browser: `examples/browser/main.ts` and
 * `fayuan/eligibility/browser` (from the sources) into `examples/browser/dist/app.js`, minified,
 * with no Node built-in (esbuild's browser platform refuses one). Then serve the folder as static
 * files and open `index.html`:
 *
 *   node examples/browser/build.ts && npx http-server examples/browser   (or any static server)
 *
 * `test/browser-page.test.ts` builds it the same way and drives the page in headless Chromium.
 */
import { build, type Plugin } from "esbuild"
import { readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, "..", "..")

/** `fayuan/eligibility/browser` from the sources, as the `fayuan-source` condition maps it. */
const fromSource: Plugin = {
  name: "fayuan-source",
  setup(b) {
    b.onResolve({ filter: /^fayuan\/eligibility\/browser$/ }, () => ({ path: join(root, "src", "eligibility", "browser.ts") }))
  }
}

/** Writes `dist/app.js` (and its source map); returns the path and its size raw and gzipped. */
export const buildPage = async (): Promise<{ readonly file: string; readonly bytes: number; readonly gzipBytes: number }> => {
  const file = join(here, "dist", "app.js")
  await build({
    entryPoints: [join(here, "main.ts")],
    outfile: file,
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    sourcemap: true,
    legalComments: "none",
    logLevel: "silent",
    plugins: [fromSource],
  })
  const code = readFileSync(file)
  return { file, bytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { file, bytes, gzipBytes } = await buildPage()
  console.log(`${file.slice(root.length + 1)}: ${bytes} B, ${gzipBytes} B gzipped`)
}
