/**
 * Documentation that cannot rot: every ```ts block of the README and every `@example` in the
 * sources is type-checked, strict, as a consumer's module importing the built package (through
 * `node_modules/fayuan` and its `exports`, with `skipLibCheck: false`, so the shipped declarations
 * are checked too). Needs `npm run build` first (`npm test` does it).
 */
import { existsSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { checkSnippets as check, docExamples, markdownBlocks } from "./support/doc-examples.ts"

const root = join(import.meta.dirname, "..")

describe("documentation", { timeout: 120_000 }, () => {
  it("is checked against the built package", () => {
    expect(existsSync(join(root, "dist", "types", "src", "index.d.ts")), "dist/ is missing: run npm run build").toBe(true)
  })

  it("every ts block of the README compiles for a consumer of the package", () => {
    const blocks = markdownBlocks("README.md")
    expect(blocks.length).toBeGreaterThan(5)
    expect(check(blocks)).toEqual([])
  })

  it("every @example compiles for a consumer of the package", () => {
    const examples = docExamples(["src", "adapters"])
    expect(examples.length).toBeGreaterThan(200)
    expect(check(examples)).toEqual([])
  })
})
