import { execFileSync } from "node:child_process"
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { defineConfig } from "tsup"

/** Public entry points: one per area, mirrored by `exports` in package.json. */
export const entries = {
  index: "src/index.ts",
  eligibility: "src/eligibility/index.ts",
  assignment: "src/assignment/index.ts",
  vectors: "src/vectors/index.ts",
  lifecycle: "src/lifecycle/index.ts",
  roster: "src/roster/index.ts",
  subsidy: "src/subsidy/index.ts",
  budget: "src/budget/index.ts",
  evaluation: "src/evaluation/index.ts",
  report: "src/report/index.ts",
  "report/docx": "src/report/docx-entry.ts",
  documents: "src/documents/index.ts",
  "documents/docx": "src/documents/docx-entry.ts",
  "report/xlsx": "src/report/xlsx-entry.ts",
  "adapters/mysql": "adapters/mysql/index.ts",
  "adapters/http": "adapters/http/index.ts",
  "adapters/memory": "adapters/memory/index.ts",
  "adapters/kysely": "adapters/kysely/index.ts",
  "adapters/sqlite": "adapters/sqlite/index.ts",
  "adapters/postgres": "adapters/postgres/index.ts",
  "adapters/pglite": "adapters/pglite/index.ts",
  cli: "src/cli.ts"
}

const walk = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]))

/**
 * The declarations, by `tsc` itself (one `.d.ts` per module under `dist/types`, as the sources
 * are laid out), and a `.d.cts` twin of each for `require`. Bundled declarations lost a
 * namespace's value when a type of the same name sat beside it (`CalendarDate.CalendarDate`).
 */
const declarations = async () => {
  execFileSync(process.execPath, [join("node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"], { stdio: "inherit" })
  for (const file of walk(join("dist", "types")).filter((f) => f.endsWith(".d.ts"))) {
    const text = readFileSync(file, "utf8").replace(/(from |import\()(["'])(\.{1,2}\/[^"']*?)\.ts\2/g, "$1$2$3.cts$2")
    writeFileSync(file.replace(/\.d\.ts$/, ".d.cts"), text)
  }
}

/**
 * Entries built for the browser on their own (no shared chunks, so a page's bundler keeps only
 * what the entry uses): the eligibility pre-check.
 */
export const browserEntries = { "eligibility/browser": "src/eligibility/browser.ts" }

export default defineConfig([{
  entry: entries,
  format: ["esm", "cjs"],
  dts: false,
  onSuccess: declarations,
  target: "node22",
  platform: "node",
  splitting: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  external: ["effect", "kysely", "pg", "mysql2", "@electric-sql/pglite", "docx", "docx/charts", "exceljs", "@effect/platform-node", "jose"],
  // node:sqlite exists only with its prefix
  removeNodeProtocol: false
}, {
  entry: browserEntries,
  format: ["esm", "cjs"],
  dts: false,
  target: "es2022",
  platform: "browser",
  splitting: false,
  sourcemap: true,
  clean: false,
  treeshake: true,
  external: ["effect"]
}])
