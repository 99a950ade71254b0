/**
 * The small back-office service a host writes: `node:http` (no dependency), fayuan's workflow,
 * one SQLite file shared by two worker processes. Run without arguments, it starts the two
 * workers, then plays a clerk's day against them and prints what each request got:
 *
 *   npx tsup --silent && node examples/portal.ts
 *
 * - the same application submitted twice, once to each worker → 409 CaseAlreadyExists;
 * - two reviewers who both saw version 1 act at once (`If-Match: 1`) → one 200, one 412
 *   VersionConflict;
 * - a command the case's state does not allow → 409 CommandRejected; a malformed one → 422.
 *
 * With `--serve --port N --db FILE` it is one worker. The actor comes from `X-Actor-*` headers
 * here for brevity, which anyone can set: a real service verifies a token the host signed, as
 * `fayuan/adapters/http` (and `npx fayuan serve`) does.
 */
import { fork } from "node:child_process"
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { parseArgs } from "node:util"
import { Effect, Result } from "effect"
import { CalendarDate, Region, RuleBook, WorkCalendar } from "fayuan"
import { openSqlite } from "fayuan/adapters/sqlite"
import { decide, decodeApplication } from "fayuan/eligibility"
import { chinaDate, type Command, type Context, decodeActor, dueInScope, execute, load, summarise } from "fayuan/lifecycle"

const { values } = parseArgs({ options: { serve: { type: "boolean" }, port: { type: "string" }, db: { type: "string" } } })

// ——— the service ———

const statusOf: Record<string, number> = {
  InvalidApplication: 422,
  InvalidCommand: 422,
  InvalidRequest: 422,
  InvalidActor: 401,
  CommandRejected: 409,
  CaseAlreadyExists: 409,
  VersionConflict: 412,
  CaseNotFound: 404,
  CorruptRecord: 500,
  StoreError: 503
}

/** A typed failure as problem details (RFC 9457): its tag and message, never personal data. */
const problem = (res: ServerResponse, error: { readonly _tag: string; readonly message: string }) => {
  const status = statusOf[error._tag] ?? 500
  res.writeHead(status, { "content-type": "application/problem+json" })
  res.end(JSON.stringify({ type: `https://fayuan.dev/problems/${error._tag}`, title: error._tag, status, detail: error.message }))
}

const json = (res: ServerResponse, status: number, body: unknown, version?: number) => {
  res.writeHead(status, { "content-type": "application/json", ...(version === undefined ? {} : { etag: `"${version}"` }) })
  res.end(JSON.stringify(body))
}

const body = async (req: IncomingMessage): Promise<unknown> => {
  let text = ""
  for await (const chunk of req) text += chunk
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

const serve = async (port: number, path: string) => {
  const adapter = await openSqlite({ path })
  const run = <A, E extends { readonly _tag: string; readonly message: string }>(program: Effect.Effect<A, E, never>) => Effect.runPromise(Effect.result(program))
  const provide = <A, E, R>(program: Effect.Effect<A, E, R>) => Effect.provide(program, adapter.layer) as Effect.Effect<A, E, never>

  const server = createServer(async (req, res) => {
    const actor = decodeActor({ id: req.headers["x-actor-id"], role: req.headers["x-actor-role"], region: req.headers["x-actor-region"] })
    if (Result.isFailure(actor)) return problem(res, actor.failure)
    const ctx: Context = { at: new Date().toISOString(), calendar: WorkCalendar.china, book: RuleBook.defaultRuleBook, actor: actor.success }
    const url = new URL(req.url ?? "/", "http://localhost")
    const parts = url.pathname.split("/").filter((p) => p !== "")

    // POST /cases {caseId, kind, channel, application}: intake decides and opens the case.
    if (req.method === "POST" && parts.length === 1 && parts[0] === "cases") {
      const input = (await body(req)) as { caseId?: unknown; kind?: unknown; channel?: unknown; application?: unknown } | undefined
      const application = decodeApplication(input?.application, "application")
      if (Result.isFailure(application)) return problem(res, application.failure)
      const decision = decide(application.success)
      if (Result.isFailure(decision)) return problem(res, decision.failure)
      const command = { type: "apply", caseId: input?.caseId, region: application.success.region, kind: input?.kind, channel: input?.channel, eligibility: summarise(decision.success) }
      const r = await run(provide(execute(String(input?.caseId), command as Command, ctx)))
      return Result.isFailure(r) ? problem(res, r.failure) : json(res, 201, r.success.case, r.success.case.version)
    }
    // GET /cases/:id
    if (req.method === "GET" && parts.length === 2 && parts[0] === "cases") {
      const r = await run(provide(load(ctx.actor.region, parts[1]!)))
      return Result.isFailure(r) ? problem(res, r.failure) : json(res, 200, r.success, r.success.version)
    }
    // POST /cases/:id/commands (If-Match: the version the screen showed)
    if (req.method === "POST" && parts.length === 3 && parts[0] === "cases" && parts[2] === "commands") {
      const ifMatch = req.headers["if-match"]
      const expectedVersion = ifMatch === undefined ? undefined : Number(String(ifMatch).replaceAll('"', ""))
      const r = await run(provide(execute(parts[1]!, (await body(req)) as Command, ctx, expectedVersion === undefined ? {} : { expectedVersion })))
      return Result.isFailure(r) ? problem(res, r.failure) : json(res, 200, r.success.case, r.success.case.version)
    }
    // GET /due?on=YYYY-MM-DD: what is due in the actor's region
    if (req.method === "GET" && parts.length === 1 && parts[0] === "due") {
      const on = CalendarDate.parse(url.searchParams.get("on"))
      if (Result.isFailure(on)) return problem(res, { _tag: "InvalidRequest", message: `on: ${on.failure.message}` })
      const r = await run(provide(dueInScope(ctx.actor.region, on.success)))
      return Result.isFailure(r) ? problem(res, r.failure) : json(res, 200, r.success)
    }
    problem(res, { _tag: "NotFound", message: `no route ${req.method} ${url.pathname}` })
  })
  server.listen(port, "127.0.0.1", () => process.send?.("ready"))
  process.on("SIGTERM", () => server.close(async () => {
    await adapter.close()
    process.exit(0)
  }))
}

if (values.serve === true) {
  await serve(Number(values.port), values.db!)
} else {
  // ——— the demonstration: two workers, one file, a clerk's day ———
  const dir = mkdtempSync(join(tmpdir(), "fayuan-portal-"))
  const db = join(dir, "portal.sqlite")
  const ports = [47_000 + Math.floor(Math.random() * 5000), 0]
  ports[1] = ports[0]! + 1
  const workers = ports.map((port) => fork(import.meta.filename, ["--serve", "--port", String(port), "--db", db]))
  await Promise.all(workers.map((w) => new Promise((resolve) => w.once("message", resolve))))
  const headers = (role: string) => ({ "content-type": "application/json", "x-actor-id": `${role}-1`, "x-actor-role": role, "x-actor-region": "530103" })
  const call = async (worker: number, method: string, path: string, role: string, payload?: unknown, ifMatch?: number) => {
    const r = await fetch(`http://127.0.0.1:${ports[worker]}${path}`, {
      method,
      headers: { ...headers(role), ...(ifMatch === undefined ? {} : { "if-match": `"${ifMatch}"` }) },
      ...(payload === undefined ? {} : { body: JSON.stringify(payload) })
    })
    const text = await r.json() as { title?: string; detail?: string; state?: string; version?: number }
    console.log(`  worker ${worker + 1}  ${method} ${path.padEnd(26)} → ${r.status} ${text.title ?? `${text.state ?? ""} v${text.version ?? ""}`}${text.detail === undefined ? "" : `: ${text.detail}`}`)
    return r.status
  }
  const today = chinaDate(new Date().toISOString())!
  const application = {
    date: today,
    region: Region.makeUnsafe("530103"),
    applicant: { birthDate: "1975-04-02", disabilities: [], statuses: [], hasLawyer: false, household: { members: 3, monthlyIncomeFen: 150_000, area: "urban" } },
    matter: { kind: "civil", claims: ["labour-remuneration"] }
  }
  const submission = { caseId: "2026-0001", kind: "civil", channel: "centre", application }
  const statuses: Array<number> = []
  try {
    console.log(`两个工作进程，一个 SQLite 文件 — two workers on one SQLite file (${db})`)
    console.log("重复提交 — a double submission:")
    statuses.push(await call(0, "POST", "/cases", "intake", submission))
    statuses.push(await call(1, "POST", "/cases", "intake", submission))
    console.log("两位审查员基于同一版本同时操作 — two reviewers act on the version both saw (If-Match: 1):")
    const [a, b] = await Promise.all([
      call(0, "POST", "/cases/2026-0001/commands", "reviewer", { type: "startReview" }, 1),
      call(1, "POST", "/cases/2026-0001/commands", "reviewer", { type: "requestMaterials", missing: ["case-materials"] }, 1)
    ])
    statuses.push(a, b)
    console.log("状态不允许的指令与格式错误的指令 — a command the state does not allow, and a malformed one:")
    statuses.push(await call(1, "POST", "/cases/2026-0001/commands", "quality", { type: "grade", grade: "pass" }))
    statuses.push(await call(0, "POST", "/cases/2026-0001/commands", "reviewer", { type: "decide", eligibility: { outcome: "maybe" } }))
    statuses.push(await call(1, "GET", "/cases/2026-0001", "reviewer"))
  } finally {
    for (const w of workers) w.kill("SIGTERM")
    await Promise.all(workers.map((w) => new Promise((resolve) => w.once("exit", resolve))))
    rmSync(dir, { recursive: true, force: true })
  }
  const expected = [201, 409, 409, 422, 200]
  const got = [statuses[0], statuses[1], statuses[4], statuses[5], statuses[6]]
  const race = [statuses[2], statuses[3]].sort()
  if (JSON.stringify(got) !== JSON.stringify(expected) || JSON.stringify(race) !== JSON.stringify([200, 412])) {
    console.error(`unexpected statuses: ${JSON.stringify(statuses)}`)
    process.exit(1)
  }
}
