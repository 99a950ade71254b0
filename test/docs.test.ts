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
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { exports: Record<string, unknown> }

// A consumer importing every subpath, from ESM and from CJS. PGlite's own declarations need
// Emscripten's types, which a consumer of that adapter adds.
const subpaths = Object.keys(pkg.exports).filter((k) => k !== "./package.json" && k !== "./adapters/pglite").map((k) => (k === "." ? "fayuan" : `fayuan/${k.slice(2)}`))
const uses = `const all = [${subpaths.map((_, i) => `m${i}`).join(", ")}]`
const consumerMts = `${subpaths.map((p, i) => `import * as m${i} from "${p}"`).join("\n")}
import { Money, Citation, CalendarDate, Region } from "fayuan"
import { decide, decodeApplication, type Decision } from "fayuan/eligibility"
import { Result, Schema } from "effect"
${uses}
const app = decodeApplication({})
if (Result.isSuccess(app)) {
  const d: Result.Result<Decision, unknown> = decide(app.success, { trace: false })
  const id: Citation.CitationId = "LAL-26"
  console.log(d, id, Money.format(Money.fenUnsafe(1)), all.length)
}
// A namespace's schema and its type, side by side.
const day: CalendarDate.CalendarDate = Schema.decodeUnknownSync(CalendarDate.CalendarDate)("2024-05-06")
const code: Region.RegionCode = Schema.decodeUnknownSync(Region.RegionCode)("530103")
console.log(day, code)
// @ts-expect-error a bare number is not an amount in fen
Money.format(12)
// @ts-expect-error a plain string is not a region code
const bad: Region.RegionCode = "530103"
export {}
`
const consumerCts = `${subpaths.map((p, i) => `import m${i} = require("${p}")`).join("\n")}
import { Result } from "effect"
${uses}
const app = m${subpaths.indexOf("fayuan/eligibility")}.decodeApplication({})
console.log(Result.isSuccess(app), all.length, m0.Money.format(m0.Money.fenUnsafe(1)))
export {}
`

describe("documentation", { timeout: 120_000 }, () => {
  it("is checked against the built package", () => {
    expect(existsSync(join(root, "dist", "types", "src", "index.d.ts")), "dist/ is missing: run npm run build").toBe(true)
  })

  // The README's blocks, the @examples and a consumer importing every subpath (ESM and CJS) are
  // checked in one program (one compiler run, not three); each test reports the errors of its own.
  let errors: ReadonlyArray<string> | undefined
  const checked = (): ReadonlyArray<string> =>
    (errors ??= check([...markdownBlocks("README.md"), ...docExamples(["src", "adapters"])], { "consumer.mts": consumerMts, "consumer.cts": consumerCts }))

  it("every ts block of the README compiles for a consumer of the package", () => {
    expect(markdownBlocks("README.md").length).toBeGreaterThan(5)
    expect(checked().filter((e) => e.startsWith("README.md:"))).toEqual([])
  })

  it("every @example compiles for a consumer of the package (and the shipped declarations with them)", () => {
    expect(docExamples(["src", "adapters"]).length).toBeGreaterThan(200)
    expect(checked().filter((e) => !e.startsWith("README.md:") && !e.startsWith("consumer."))).toEqual([])
  })

  it("type-checks in a TypeScript consumer (NodeNext resolution), every subpath from ESM and CJS, with skipLibCheck off", () => {
    expect(checked().filter((e) => e.startsWith("consumer."))).toEqual([])
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
      const out = JSON.parse(execFileSync(process.execPath, [join(dir, "portal.mts")], { encoding: "utf8" })) as { _tag: string; success: { amount: number } }
      expect(out._tag).toBe("Success")
      expect(out.success.amount).toBe(150000)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
