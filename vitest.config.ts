import { defaultExclude, defineConfig } from "vitest/config"
import { adapterNames, selectedAdapters } from "./test/support/adapters.ts"

// `FAYUAN_ADAPTERS=sqlite,memory` leaves out the other adapters' files in a local run.
const selected = selectedAdapters()
const leftOut = adapterNames.filter((name) => !selected.includes(name))
if (leftOut.length > 0) console.warn(`FAYUAN_ADAPTERS: not running the ${leftOut.join(", ")} adapter tests`)

export default defineConfig({
  // The package's own entries resolve to their sources (the `fayuan-source` export condition), so
  // tests that import `fayuan/*` (the examples do) never run a stale build. The built package is
  // tested as a consumer sees it in test/package.test.ts and test/docs.test.ts.
  // (The rest is Vite's default list for the server side.)
  ssr: { resolve: { conditions: ["fayuan-source", "module", "node", "development|production"] } },
  test: {
    include: ["test/**/*.test.ts"],
    exclude: [...defaultExclude, ...leftOut.map((name) => `test/**/*.${name}.test.ts`)],
    setupFiles: ["test/support/fast-check-seed.ts"],
    // Opening PGlite or a PostgreSQL database takes seconds on a loaded 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    benchmark: { include: ["bench/**/*.bench.ts"] }
  }
})
