/**
 * The built package, imported the way a consumer imports it: through `node_modules/fayuan` and the
 * `exports` map, as ESM, as CJS and from TypeScript. A broken `exports` map or build fails here.
 * Needs `npm run build` first (`npm test` does it).
 */
import { execFileSync, spawnSync } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const root = join(import.meta.dirname, "..")
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { exports: Record<string, unknown> }
let consumer = ""

const node = (file: string, source: string) => {
  writeFileSync(join(consumer, file), source)
  return spawnSync(process.execPath, [file], { cwd: consumer, encoding: "utf8" })
}

const application = {
  date: "2024-05-10",
  region: "530103",
  applicant: { birthDate: "2008-03-01", disabilities: [], statuses: [], hasLawyer: false },
  matter: { kind: "criminal-defence", stage: "investigation", claims: [] }
}

beforeAll(() => {
  if (!existsSync(join(root, "dist", "index.js"))) throw new Error("dist/ is missing: run `npm run build` first")
  consumer = mkdtempSync(join(tmpdir(), "fayuan-consumer-"))
  mkdirSync(join(consumer, "node_modules"))
  symlinkSync(root, join(consumer, "node_modules", "fayuan"), "dir")
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true }))
})

afterAll(() => {
  if (consumer !== "") rmSync(consumer, { recursive: true, force: true })
})

describe("the built package", { timeout: 60_000 }, () => {
  it("maps every entry to its source under the fayuan-source condition (npm run demo runs without a build), first, as tsup builds it", async () => {
    const config = (await import("../tsup.config.ts")) as { entries: Record<string, string>; browserEntries: Record<string, string> }
    const entries = { ...config.entries, ...config.browserEntries }
    for (const [key, target] of Object.entries(pkg.exports)) {
      if (key === "./package.json") continue
      const conditions = target as Record<string, unknown>
      expect(Object.keys(conditions)[0], key).toBe("fayuan-source")
      expect(conditions["fayuan-source"], key).toBe(`./${entries[key === "." ? "index" : key.slice(2)]}`)
      expect(existsSync(join(root, conditions["fayuan-source"] as string)), key).toBe(true)
    }
  })

  it("exports every public area and nothing else", () => {
    expect(Object.keys(pkg.exports).sort()).toEqual([
      ".",
      "./adapters/http",
      "./adapters/kysely",
      "./adapters/memory",
      "./adapters/mysql",
      "./adapters/pglite",
      "./adapters/postgres",
      "./adapters/sqlite",
      "./assignment",
      "./budget",
      "./documents",
      "./documents/docx",
      "./eligibility",
      "./eligibility/browser",
      "./evaluation",
      "./lifecycle",
      "./package.json",
      "./report",
      "./report/docx",
      "./report/xlsx",
      "./roster",
      "./subsidy",
      "./vectors"
    ])
  })

  it("works as ESM", () => {
    const r = node(
      "esm.mjs",
      `import { Money, Citation, RuleBook } from "fayuan"
       import { decide, decodeApplication } from "fayuan/eligibility"
       import { decodeVectorFile } from "fayuan/vectors"
       const app = decodeApplication(${JSON.stringify(application)})
       const d = decide(app.success)
       console.log(JSON.stringify({ outcome: d.success.outcome, citations: d.success.citations, yuan: Money.format(123456), known: Citation.isKnown("LAL-26"), sets: RuleBook.defaultRuleBook.ruleSets.length, vf: typeof decodeVectorFile }))`
    )
    expect(r.stderr).toBe("")
    expect(JSON.parse(r.stdout)).toEqual({ outcome: "mandatory", citations: ["LAL-25-1-1", "CPL-278", "MPL-104-2"], yuan: "¥1,234.56", known: true, sets: 4, vf: "function" })
  })

  it("works as CommonJS", () => {
    const r = node(
      "cjs.cjs",
      `const { Money } = require("fayuan")
       const { decide, decodeApplication } = require("fayuan/eligibility")
       const d = decide(decodeApplication(${JSON.stringify(application)}).success)
       console.log(JSON.stringify({ outcome: d.success.outcome, yuan: Money.format(-5) }))`
    )
    expect(r.stderr).toBe("")
    expect(JSON.parse(r.stdout)).toEqual({ outcome: "mandatory", yuan: "-¥0.05" })
  })

  it("opens the embedded SQLite adapter as ESM and CJS", () => {
    const esm = node(
      "sqlite.mjs",
      `import { openSqlite } from "fayuan/adapters/sqlite"
       import { latestMigration } from "fayuan/adapters/kysely"
       import { makeMemoryStore } from "fayuan/adapters/memory"
       const a = await openSqlite({ path: ":memory:" })
       const rows = await a.db.selectFrom("fayuan_migration").select("name").execute()
       await a.close()
       console.log(JSON.stringify({ name: a.name, migrations: rows.map((r) => r.name), latest: latestMigration, memory: typeof makeMemoryStore }))`
    )
    expect(esm.stderr).toBe("")
    expect(JSON.parse(esm.stdout)).toEqual({ name: "sqlite", migrations: ["0001_case_events", "0002_case_heads", "0003_parties", "0004_rosters", "0005_ledger", "0006_evaluation", "0007_case_identity", "0008_case_workload", "0009_documents", "0010_append_path", "0011_ledger_recorded"], latest: "0011_ledger_recorded", memory: "function" })
    const cjs = node(
      "sqlite.cjs",
      `const { openSqlite } = require("fayuan/adapters/sqlite")
       const { toMermaid } = require("fayuan/lifecycle")
       openSqlite({ path: ":memory:" }).then(async (a) => { await a.close(); console.log(a.name, toMermaid().split("\\n")[0]) })`
    )
    expect(cjs.stderr).toBe("")
    expect(cjs.stdout.trim()).toBe("sqlite stateDiagram-v2")
  })

  it("keeps internals out of reach", () => {
    const r = node(
      "internal.mjs",
      `for (const p of ["fayuan/src/Money.ts", "fayuan/dist/index.js", "fayuan/rules/national"]) {
         try { await import(p); console.log("imported " + p) } catch (e) { console.log(e.code) }
       }`
    )
    expect(r.stdout.trim().split("\n")).toEqual(Array(3).fill("ERR_PACKAGE_PATH_NOT_EXPORTED"))
  })

  it("ships the fayuan command", () => {
    const cli = join(root, "dist", "cli.js")
    const folder = join(root, "test", "data", "vectors")
    const total = readdirSync(folder)
      .filter((f) => f.endsWith(".json"))
      .reduce((n, f) => n + (JSON.parse(readFileSync(join(folder, f), "utf8")) as { vectors: Array<unknown> }).vectors.length, 0)
    expect(total).toBeGreaterThanOrEqual(39)
    const ok = spawnSync(process.execPath, [cli, "vectors", folder], { encoding: "utf8" })
    expect(ok.stdout.trim().split("\n").at(-1)).toBe(`${total} passed, 0 failed`)
    expect(ok.status).toBe(0)
    const bad = join(consumer, "bad.json")
    writeFileSync(bad, JSON.stringify({ description: "wrong", vectors: [{ name: "wrong", ...application, expect: { outcome: "eligible" } }] }))
    const failed = spawnSync(process.execPath, [cli, "vectors", bad], { encoding: "utf8" })
    expect(failed.stdout).toContain('outcome: expected "eligible", got "mandatory"')
    expect(failed.stdout.trim().split("\n").at(-1)).toBe("0 passed, 1 failed")
    expect(failed.status).toBe(1)
    writeFileSync(bad, "{ not json")
    const malformed = spawnSync(process.execPath, [cli, "vectors", bad], { encoding: "utf8" })
    expect(malformed.stdout).toContain("bad.json")
    expect(malformed.stdout).toContain("not valid JSON at line 1, column 3")
    expect(malformed.stdout).not.toContain("not json")
    expect(malformed.status).toBe(1)
    expect(spawnSync(process.execPath, [cli], { encoding: "utf8" }).status).toBe(2)
  })

  it("is listed by npm pack with its types and the command", () => {
    const files = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json"], { cwd: root, encoding: "utf8" }))[0].files.map(
      (f: { path: string }) => f.path
    )
    for (const f of ["dist/index.js", "dist/index.cjs", "dist/types/src/index.d.ts", "dist/types/src/index.d.cts", "dist/types/src/eligibility/index.d.ts", "dist/cli.js", "README.md", "CHANGELOG.md"]) {
      expect(files).toContain(f)
    }
    expect(files.some((f: string) => f.startsWith("src/") || f.startsWith("test/"))).toBe(false)
  })
})
