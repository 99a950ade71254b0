/**
 * HTTP benchmark: `fayuan/adapters/http` on a SQLite file, served by a child process (so the
 * client does not share its event loop), under a bounded load from a local client — a fixed
 * number of requests in flight over keep-alive connections, every request with its own verified
 * JWT check.
 *
 * - `http-decisions`: `POST /eligibility/decisions`, 2,000 mixed applications a round (those the
 *   default rule book decides without parameters a province must supply);
 * - `http-commands`: the commands of 300 cases a round (open with the application decided,
 *   start the review, decide), each case's commands in order at the version it saw (`If-Match`),
 *   the cases side by side;
 * - `http-decisions-vs-bare-node-http`: the service's rate over the same work (token, decode,
 *   decide, JSON) on a bare `node:http` handler in the same server process (x): what the
 *   framework (routing, middleware, problem handling) costs;
 * - `http-decisions-vs-in-process`: the HTTP rate over `decide` called in the same process (x).
 *
 *   npm run bench -- http            (HTTP_CONCURRENCY=32 to change the load, default 16)
 */
import { fork } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Result } from "effect"
import fc from "fast-check"
import { SignJWT } from "jose"
import type { Application } from "../src/eligibility/Application.ts"
import { decide } from "../src/eligibility/decide.ts"
import { application } from "../test/support/applications.ts"
import { measure, print } from "./harness.ts"

const DECISIONS = 2_000
const CASES = 300
const CONCURRENCY = Number(process.env["HTTP_CONCURRENCY"] ?? 16)
const issuer = "https://bench.example"
const secret = "bench secret: thirty-two bytes or more, never a real one"

/** Runs `tasks` with at most `limit` in flight. */
const bounded = async (count: number, limit: number, task: (i: number) => Promise<void>): Promise<void> => {
  let next = 0
  const worker = async () => {
    while (next < count) await task(next++)
  }
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker))
}

/** The server, when this file is run as the child. */
const child = async () => {
  const { openSqlite } = await import("../adapters/sqlite/index.ts")
  const { serve } = await import("../adapters/http/index.ts")
  const adapter = await openSqlite({ path: process.argv[3]! })
  const verification = { key: new TextEncoder().encode(secret), issuer }
  const server = await serve(adapter, { verification })
  // The peer: the same work (the token checked, the body decoded, decided, answered) on bare node:http.
  const { createServer } = await import("node:http")
  const { bearerOf, makeTokenCache, verifyActor } = await import("../adapters/http/auth.ts")
  const { decodeApplication } = await import("../src/eligibility/Application.ts")
  const cached = { ...verification, cache: makeTokenCache() }
  const bare = createServer(async (req, res) => {
    let text = ""
    for await (const chunk of req) text += chunk
    const token = bearerOf(req.headers.authorization)
    const actor = Result.isSuccess(token) ? await verifyActor(token.success, cached) : undefined
    const app = decodeApplication(JSON.parse(text))
    const decision = actor !== undefined && Result.isSuccess(actor) && Result.isSuccess(app) ? decide(app.success) : undefined
    res.writeHead(decision !== undefined && Result.isSuccess(decision) ? 200 : 422, { "content-type": "application/json" })
    res.end(JSON.stringify(decision !== undefined && Result.isSuccess(decision) ? decision.success : {}))
  })
  await new Promise<void>((resolve) => bare.listen(0, "127.0.0.1", resolve))
  const barePort = (bare.address() as { port: number }).port
  process.send!({ url: server.url, bare: `http://127.0.0.1:${barePort}` })
  process.on("message", async () => {
    bare.close()
    await server.close()
    await adapter.close()
    process.exit(0)
  })
}

export const run = async (): Promise<void> => {
  const dir = mkdtempSync(join(tmpdir(), "fayuan-bench-http-"))
  const server = fork(import.meta.filename, ["--serve", join(dir, "bench.sqlite")], { execArgv: ["--conditions=fayuan-source", ...(process.env["HTTP_PROF"] === undefined ? [] : ["--cpu-prof", `--cpu-prof-dir=${process.env["HTTP_PROF"]}`])] })
  try {
    const { url, bare } = await new Promise<{ url: string; bare: string }>((resolve, reject) => {
      server.once("message", (m) => resolve(m as { url: string; bare: string }))
      server.once("exit", (code) => reject(new Error(`the server exited ${code}`)))
    })
    const key = new TextEncoder().encode(secret)
    const tokenOf = (role: string) =>
      new SignJWT({ role, region: "530103" }).setProtectedHeader({ alg: "HS256" }).setSubject(`${role}-1`).setIssuer(issuer).setExpirationTime("1h").sign(key)
    const tokens = { intake: await tokenOf("intake"), reviewer: await tokenOf("reviewer") }
    const post = async (path: string, role: keyof typeof tokens, body: unknown, ifMatch?: number, base = url): Promise<{ status: number; json: any }> => {
      const r = await fetch(base + path, {
        method: "POST",
        headers: { authorization: `Bearer ${tokens[role]}`, "content-type": "application/json", ...(ifMatch === undefined ? {} : { "if-match": `"${ifMatch}"` }) },
        body: JSON.stringify(body)
      })
      return { status: r.status, json: await r.json() }
    }

    // Decisions: mixed applications, all in Panlong's region.
    // Those the default rule book decides (the others need parameters a province supplies).
    const apps: ReadonlyArray<Application> = fc
      .sample(application, { numRuns: DECISIONS * 4, seed: 2018 })
      .map((a) => ({ ...a, region: "530103" }) as Application)
      .filter((a) => Result.isSuccess(decide(a)))
      .slice(0, DECISIONS)
    if (apps.length < DECISIONS) throw new Error(`only ${apps.length} sample applications decide under the default rule book`)
    const decisions = await measure(
      DECISIONS,
      () =>
        bounded(DECISIONS, CONCURRENCY, async (i) => {
          const r = await post("/eligibility/decisions", "intake", apps[i])
          if (r.status !== 200) throw new Error(`decision ${i}: ${r.status} ${JSON.stringify(r.json)}`)
        }),
      { warmup: 1, rounds: 5 }
    )
    print("http-decisions", decisions.perSecond, "per-s")
    const bareDecisions = await measure(
      DECISIONS,
      () =>
        bounded(DECISIONS, CONCURRENCY, async (i) => {
          const r = await post("/eligibility/decisions", "intake", apps[i], undefined, bare)
          if (r.status !== 200) throw new Error(`bare decision ${i}: ${r.status}`)
        }),
      { warmup: 1, rounds: 5 }
    )
    print("http-decisions-vs-bare-node-http", decisions.perSecond / bareDecisions.perSecond, "x")
    const inProcess = await measure(DECISIONS, () => {
      for (const a of apps) if (Result.isFailure(decide(a))) throw new Error("decide failed")
    })
    print("http-decisions-vs-in-process", decisions.perSecond / inProcess.perSecond, "x")

    // Commands: open (with the application decided), start the review, decide — per case in order.
    let round = 0
    const eligible = { outcome: "eligible", meansTest: "passed", citations: ["LAL-31-1-5", "LAL-34"], ruleSetId: "LAL-2022" }
    const civil = { date: "2024-06-01", region: "530103", applicant: { birthDate: "1975-04-02", disabilities: [], statuses: [], hasLawyer: false, household: { members: 3, monthlyIncomeFen: 150_000, area: "urban" } }, matter: { kind: "civil", claims: ["labour-remuneration"] } }
    const commands = await measure(
      CASES * 3,
      async () => {
        const r0 = ++round
        await bounded(CASES, CONCURRENCY, async (i) => {
          const caseId = `B-${r0}-${i}`
          const opened = await post("/cases", "intake", { caseId, kind: "civil", channel: "centre", application: civil })
          if (opened.status !== 201) throw new Error(`open ${caseId}: ${opened.status} ${JSON.stringify(opened.json)}`)
          const reviewed = await post(`/cases/${caseId}/commands`, "reviewer", { type: "startReview" }, opened.json.version)
          if (reviewed.status !== 200) throw new Error(`startReview ${caseId}: ${reviewed.status} ${JSON.stringify(reviewed.json)}`)
          const decided = await post(`/cases/${caseId}/commands`, "reviewer", { type: "decide", eligibility: eligible }, reviewed.json.version)
          if (decided.status !== 200) throw new Error(`decide ${caseId}: ${decided.status} ${JSON.stringify(decided.json)}`)
        })
      },
      { warmup: 1, rounds: 5 }
    )
    print("http-commands", commands.perSecond, "per-s")
  } finally {
    server.send("stop")
    await new Promise((resolve) => server.once("exit", resolve))
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[2] === "--serve") await child()
