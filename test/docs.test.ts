/**
 * Documentation that cannot rot: every ```ts block of the README and every `@example` in the
 * sources is type-checked, strict, as a consumer's module importing the built package (through
 * `node_modules/fayuan` and its `exports`, with `skipLibCheck: false`, so the shipped declarations
 * are checked too). Needs `npm run build` first (`npm test` does it).
 */
import { execFileSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
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

describe("the README's portal path", { timeout: 60_000 }, () => {
  it("runs against the built package and ends with the case's subsidy", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8")
    const at = readme.indexOf("## A portal's path")
    const start = readme.indexOf("```ts", at) + "```ts".length
    const code = readme.slice(start, readme.indexOf("```", start)).replace(
      "Effect.runPromise(Effect.provide(day, layer()))",
      "Effect.runPromise(Effect.provide(day, layer())).then((r) => console.log(JSON.stringify(r)))"
    )
    // Outside node_modules (Node strips types only there), inside the project (to resolve fayuan).
    const dir = mkdtempSync(join(root, ".docs-run-"))
    try {
      writeFileSync(join(dir, "portal.mts"), code)
      const out = JSON.parse(execFileSync(process.execPath, [join(dir, "portal.mts")], { encoding: "utf8" })) as { _tag: string; value: { amount: number } }
      expect(out._tag).toBe("Success")
      expect(out.value.amount).toBe(150000)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
