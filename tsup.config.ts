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
  "adapters/memory": "adapters/memory/index.ts",
  "adapters/kysely": "adapters/kysely/index.ts",
  "adapters/sqlite": "adapters/sqlite/index.ts",
  "adapters/postgres": "adapters/postgres/index.ts",
  "adapters/pglite": "adapters/pglite/index.ts",
  cli: "src/cli.ts"
}

const { cli: _cli, ...typed } = entries

export default defineConfig({
  entry: entries,
  format: ["esm", "cjs"],
  dts: { entry: typed },
  target: "node22",
  platform: "node",
  splitting: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  external: ["effect", "kysely", "pg", "@electric-sql/pglite", "docx"],
  // node:sqlite exists only with its prefix
  removeNodeProtocol: false
})
