/**
 * `fayuan/eligibility/browser` loads in a page: bundled for the browser with esbuild (as a page's
 * build would, minified and tree-shaken), it imports no Node built-in, leaves effect's Schema
 * runtime out, and with the rule book stays within its budget of 60 kB gzipped.
 */
import { build, type BuildOptions, type Metafile } from "esbuild"
import { join } from "node:path"
import { gzipSync } from "node:zlib"
import { describe, expect, it } from "vitest"

const root = join(import.meta.dirname, "..")
const entry = join(root, "src", "eligibility", "browser.ts")
/** The budget: decide, the decoder and the rule book, minified and gzipped at level 9. */
const budget = 60 * 1024

const options: BuildOptions = {
  bundle: true,
  minify: true,
  format: "esm",
  platform: "browser",
  treeShaking: true,
  write: false,
  metafile: true,
  logLevel: "silent",
  absWorkingDir: root
}

/** The largest inputs of a bundle, for a failure message that says what grew. */
const largest = (metafile: Metafile, n = 8): string =>
  Object.values(metafile.outputs)
    .flatMap((o) => Object.entries(o.inputs))
    .sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)
    .slice(0, n)
    .map(([path, i]) => `${path} ${i.bytesInOutput} B`)
    .join("\n")

describe("the browser entry of eligibility", () => {
  it("esbuild's browser platform refuses a Node built-in (so the bundle below would fail on one)", async () => {
    await expect(
      build({ ...options, stdin: { contents: `import { readFileSync } from "node:fs"; export const f = readFileSync`, resolveDir: root, loader: "ts" } })
    ).rejects.toThrow(/node:fs/)
  })

  it("bundles for the browser with no Node built-in and without the Schema runtime, within 60 kB gzipped", async () => {
    const result = await build({ ...options, entryPoints: [entry], outfile: "browser.js" })
    const [output] = result.outputFiles!
    const outputs = Object.values(result.metafile!.outputs)
    expect(Object.keys(result.metafile!.inputs).filter((p) => p.startsWith("node:"))).toEqual([])
    expect(outputs.flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path))).toEqual([])
    // Modules read but shaken out count 0 bytes; the Schema runtime must not count any.
    const kept = outputs.flatMap((o) => Object.entries(o.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([p]) => p))
    expect(kept.filter((p) => /node_modules\/effect\/dist\/(Schema|SchemaAST|SchemaParser)\.js$/.test(p))).toEqual([])
    const gzipped = gzipSync(output!.contents, { level: 9 }).byteLength
    expect(gzipped, `browser entry: ${gzipped} B gzipped (budget ${budget} B); largest inputs:\n${largest(result.metafile!)}`).toBeLessThanOrEqual(budget)
  })
})
