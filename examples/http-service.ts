/**
 * The library over HTTP, as a Java or .NET back office sees it: `fayuan/adapters/http` on the
 * embedded SQLite default, and a clerk's morning as requests with bearer tokens the portal signed.
 * Prints each request with its answer: a decision, a case opened (and the same submission again),
 * two reviewers acting on the version both saw, an assignment, a stale `If-Match`, a token from
 * nobody, and the OpenAPI document a client generator reads.
 *
 *   npx tsup --silent && node examples/http-service.ts
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SignJWT } from "jose"
import { serve } from "fayuan/adapters/http"
import { openSqlite } from "fayuan/adapters/sqlite"
import { chinaDate } from "fayuan/lifecycle"

const issuer = "https://portal.panlong.example"
// The portal and the service share this secret (or the service is given the portal's public key or JWKS URL).
const key = new TextEncoder().encode(process.env["FAYUAN_JWT_SECRET"] ?? "an example secret, thirty-two bytes or more")
const dir = mkdtempSync(join(tmpdir(), "fayuan-http-"))
const adapter = await openSqlite({ path: join(dir, "fayuan.sqlite") })
const server = await serve(adapter, { verification: { key, issuer } })

/** What the portal does for each signed-in member of staff: a short-lived token naming them. */
const tokenOf = (role: string, id: string) =>
  new SignJWT({ role, region: "530103" }).setProtectedHeader({ alg: "HS256" }).setSubject(id).setIssuer(issuer).setExpirationTime("15m").sign(key)

const call = async (who: string | undefined, method: string, path: string, body?: unknown, ifMatch?: string) => {
  const headers: Record<string, string> = { "content-type": "application/json" }
  if (who !== undefined) headers["authorization"] = `Bearer ${who}`
  if (ifMatch !== undefined) headers["if-match"] = ifMatch
  const r = await fetch(`${server.url}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
  const answer = (await r.json()) as unknown
  const problem = answer as { title?: unknown; detail?: unknown }
  const what = typeof problem.title === "string" ? `${problem.title}: ${String(problem.detail).slice(0, 90)}` : summary(answer)
  console.log(`  ${method.padEnd(4)} ${path.padEnd(32)} → ${r.status}${r.headers.get("etag") === null ? "" : ` ETag ${r.headers.get("etag")}`}  ${what}`)
  return { status: r.status, etag: r.headers.get("etag") ?? undefined, answer }
}

const summary = (answer: unknown): string => {
  if (Array.isArray(answer)) return answer.map((d: { kind: string; dueOn: string }) => `${d.kind} due ${d.dueOn}`).join("; ") || "nothing due"
  const a = answer as Record<string, unknown>
  if (typeof a["outcome"] === "string" && Array.isArray(a["citations"])) return `${a["outcome"]}, citing ${(a["citations"] as Array<string>).join(" ")}`
  if (typeof a["state"] === "string") return `case ${String(a["id"])} ${a["state"]}`
  if (typeof a["case"] === "object" && a["case"] !== null) {
    const c = a["case"] as { state: string; lawyer?: { lawyerId: string } }
    return `${c.state}, to ${c.lawyer?.lawyerId ?? "?"}`
  }
  if (typeof a["openapi"] === "string") return `OpenAPI ${a["openapi"]}, ${Object.keys(a["paths"] as object).length} paths`
  return JSON.stringify(a).slice(0, 80)
}

const application = {
  date: "2024-06-03",
  region: "530103",
  applicant: { birthDate: "1975-04-02", disabilities: [], statuses: [], hasLawyer: false, household: { members: 3, monthlyIncomeFen: 250_000, area: "urban" } },
  matter: { kind: "labour-arbitration", claims: ["labour-remuneration"] }
}
const lawyers = ["L01", "L02", "L03"].map((id, i) => ({ id, firmId: i === 0 ? "dianchi" : "jinbi", region: "530103", yearsOfPractice: 4 + i, languages: [], specialties: [], minorsTrained: false, maxOpenCases: 8 }))

try {
  const intake = await tokenOf("intake", "clerk-7")
  const reviewer = await tokenOf("reviewer", "reviewer-2")
  const otherReviewer = await tokenOf("reviewer", "reviewer-3")
  const dispatcher = await tokenOf("dispatcher", "dispatcher-1")
  console.log(`fayuan over HTTP at ${server.url} — 盘龙区法律援助中心的一个上午 a morning at the Panlong centre`)
  await call(intake, "POST", "/eligibility/decisions", application)
  const opened = await call(intake, "POST", "/cases", { caseId: "PL-2024-0601", kind: "labour-arbitration", channel: "centre", application })
  await call(intake, "POST", "/cases", { caseId: "PL-2024-0601", kind: "labour-arbitration", channel: "centre", application })
  const [a, b] = await Promise.all([
    call(reviewer, "POST", "/cases/PL-2024-0601/commands", { type: "startReview" }, opened.etag),
    call(otherReviewer, "POST", "/cases/PL-2024-0601/commands", { type: "requestMaterials", missing: ["case-materials"] }, opened.etag)
  ])
  const current = a.status === 200 ? a : b
  const decided = await call(reviewer, "POST", "/cases/PL-2024-0601/commands", { type: "decide" }, current.etag)
  await call(dispatcher, "POST", "/cases/PL-2024-0601/assignment", { lawyers }, decided.etag)
  await call(dispatcher, "POST", "/cases/PL-2024-0601/assignment", { lawyers, reason: "complaint" }, decided.etag)
  await call(undefined, "GET", "/cases/PL-2024-0601")
  const today = chinaDate(new Date().toISOString())
  await call(dispatcher, "GET", `/due?on=${today}&within=30`)
  await call(undefined, "GET", "/openapi.json")
} finally {
  await server.close()
  await adapter.close()
  rmSync(dir, { recursive: true, force: true })
}
