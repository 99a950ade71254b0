/**
 * Many processes on one SQLite file, as a web server's workers run: every worker opens a fresh
 * file at once (switching it to WAL mode and migrating it in turn), then all write. Runs the built
 * package (`npm test` builds first).
 */
import { spawn } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { openSqlite } from "../adapters/sqlite/index.ts"
import * as Region from "../src/Region.ts"

const dist = (path: string) => pathToFileURL(join(import.meta.dirname, "..", "dist", path)).href
// Inside the project, so the worker resolves effect from its node_modules.
const dir = mkdtempSync(join(import.meta.dirname, "..", "node_modules", ".fayuan-procs-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const worker = `
import { Effect, Result } from "effect"
import { openSqlite } from ${JSON.stringify(dist("adapters/sqlite.js"))}
import { execute } from ${JSON.stringify(dist("lifecycle.js"))}
import { RuleBook, WorkCalendar, Region } from ${JSON.stringify(dist("index.js"))}
const [path, id] = process.argv.slice(2)
const region = Region.makeUnsafe("530103")
const adapter = await openSqlite({ path })
const ctx = { at: "2024-05-06T10:00:00+08:00", calendar: WorkCalendar.china, book: RuleBook.defaultRuleBook, actor: { id: "clerk", role: "intake", region } }
for (let i = 0; i < 20; i++) {
  const caseId = id + "-" + i
  const r = await Effect.runPromise(Effect.result(Effect.provide(execute(caseId, { type: "apply", caseId, region, kind: "civil", channel: "centre" }, ctx), adapter.layer)))
  if (Result.isFailure(r)) { console.error(r.failure.message); process.exit(2) }
  // A document number for the case, and one for a document every worker issues.
  for (const key of [caseId + "/grant-decision/2", "shared/grant-decision/2"]) {
    const d = await Effect.runPromise(Effect.result(adapter.documentStore.number({ region, year: 2024, kind: "grant-decision", key, caseId: key.split("/")[0], issuedOn: "2024-05-06" })))
    if (Result.isFailure(d)) { console.error(d.failure.message); process.exit(3) }
  }
}
const heads = await Effect.runPromise(adapter.caseStore.list(region))
await adapter.close()
console.log(heads.length)
`

const run = (script: string, args: ReadonlyArray<string>) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: join(import.meta.dirname, ".."), stdio: ["ignore", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (d) => (stdout += d))
    child.stderr.on("data", (d) => (stderr += d))
    child.on("close", (code) => resolve({ code, stdout, stderr }))
  })

describe("SQLite: many processes, one file", { timeout: 120_000 }, () => {
  it("eight workers open one fresh file at once and all write cases and document numbers: none dies, nothing is lost, no number given twice or skipped", async () => {
    const script = join(dir, "worker.mjs")
    writeFileSync(script, worker)
    const path = join(dir, "shared.sqlite")
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => run(script, [path, `W${i}`])))
    for (const r of results) {
      expect(r.stderr).toBe("")
      expect(r.code).toBe(0)
    }
    // The last worker to finish saw every case of the workers that finished before it.
    expect(Math.max(...results.map((r) => Number(r.stdout.trim())))).toBe(160)
    // One number per document across the processes: 160 cases and the shared one, 1..161.
    const adapter = await openSqlite({ path, migrate: false })
    try {
      const issued = await Effect.runPromise(adapter.documentStore.list(Region.makeUnsafe("530103")))
      expect(issued.map((d) => d.n)).toEqual(Array.from({ length: 161 }, (_, i) => i + 1))
      expect(new Set(issued.map((d) => d.key)).size).toBe(161)
    } finally {
      await adapter.close()
    }
  })
})
