/**
 * `fayuan/adapters/http` over real HTTP on 127.0.0.1: every route, the token checks, another
 * region's case, a stale If-Match, a double submission, malformed and invalid bodies (each with its
 * problem details), the OpenAPI document validated as OpenAPI 3.1, the access log and problems
 * free of personal data, and `fayuan serve` draining a request in flight on SIGTERM.
 */
import { type ChildProcess, spawn } from "node:child_process"
import { randomBytes } from "node:crypto"
import { mkdtempSync, rmSync } from "node:fs"
import { request as httpRequest } from "node:http"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Validator } from "@seriousme/openapi-schema-validator"
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js"
import { Effect, Result } from "effect"
import { SignJWT } from "jose"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type AccessLogLine, problemOf, routesLayer, type Server, serve, statusOf } from "../adapters/http/index.ts"
import { StoreError } from "../src/Storage.ts"
import { databaseError } from "../adapters/kysely/internal/errors.ts"
import { openSqlite } from "../adapters/sqlite/index.ts"
import type { Opened } from "../adapters/kysely/open.ts"
import { decodeApplication } from "../src/eligibility/Application.ts"
import { decide } from "../src/eligibility/decide.ts"
import { decodeParty } from "../src/lifecycle/Party.ts"
import * as Region from "../src/Region.ts"

const issuer = "https://portal.example"
const key = new TextEncoder().encode("test secret: thirty-two bytes or more, never a real one")
const otherKey = new TextEncoder().encode("another secret, also thirty-two bytes long at least")

const token = (claims: Record<string, unknown>, options: { sub?: string; iss?: string; exp?: string | number; signWith?: Uint8Array } = {}) => {
  let jwt = new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setIssuer(options.iss ?? issuer).setIssuedAt()
  if (options.sub !== "") jwt = jwt.setSubject(options.sub ?? `${String(claims["role"])}-1`)
  jwt = jwt.setExpirationTime(options.exp ?? "10m")
  return jwt.sign(options.signWith ?? key)
}
const as = (role: string, region = "530103") => token({ role, region })

let adapter: Opened
let server: Server
const log: Array<AccessLogLine> = []

// ——— every JSON answer is checked against the OpenAPI document's schema for its route and status ———

let openapi: any
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true })
const validators = new Map<string, ValidateFunction>()
const checkedAnswers: Array<string> = []

/** The documented schema of an answer, or a failure saying the document does not know it. */
const documented = (method: string, path: string, status: number, type: string): ValidateFunction | string => {
  const bare = path.split("?")[0]!
  const template = Object.keys(openapi.paths).find((t) => new RegExp(`^${t.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(bare))
  // A route the service does not have: the catch-all's 404 problem, as the document's Problem.
  if (template === undefined && status === 404) return ajv.getSchema("urn:fayuan:problem") ?? ajv.compile({ $id: "urn:fayuan:problem", $ref: "#/components/schemas/Problem", components: openapi.components })
  if (template === undefined) return `no path ${bare} in the document`
  const operation = openapi.paths[template][method.toLowerCase()]
  if (operation === undefined) return `no ${method} ${template} in the document`
  const response = operation.responses[String(status)]
  if (response === undefined) return `${method} ${template} does not document status ${status}`
  const media = response.content?.[type.split(";")[0]!.trim()]
  if (media === undefined) return `${method} ${template} ${status} does not document ${type}`
  const key = `${method} ${template} ${status} ${type}`
  let validate = validators.get(key)
  if (validate === undefined) {
    validate = ajv.compile({ $id: `urn:fayuan:${validators.size}`, ...media.schema, components: openapi.components })
    validators.set(key, validate)
  }
  return validate
}

interface Answer {
  readonly status: number
  readonly type: string | null
  readonly etag: string | null
  readonly location: string | null
  readonly text: string
  readonly json: any
}

const call = async (method: string, path: string, bearer: string | undefined, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> => {
  const r = await fetch(server.url + path, {
    method,
    headers: { ...(bearer === undefined ? {} : { authorization: `Bearer ${bearer}` }), "content-type": "application/json", ...headers },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) })
  })
  const type = r.headers.get("content-type")
  const bytes = new Uint8Array(await r.arrayBuffer())
  const text = type !== null && /json|text|markdown|html/.test(type) ? new TextDecoder().decode(bytes) : `<${bytes.length} bytes>`
  const json = type?.includes("json") ? JSON.parse(text) : undefined
  if (json !== undefined && path !== "/openapi.json") {
    const validate = documented(method, path, r.status, type!)
    if (typeof validate === "string") throw new Error(`the OpenAPI document does not describe this answer: ${validate}`)
    if (!validate(json)) throw new Error(`${method} ${path} → ${r.status}: the answer does not match its documented schema: ${ajv.errorsText(validate.errors)}`)
    checkedAnswers.push(`${method} ${path.split("?")[0]} ${r.status}`)
  } else if (type !== null && r.status < 300 && path !== "/openapi.json") {
    // Markdown, HTML, Word, Excel: the media type at least is the one documented.
    const documentedType = documented(method, path, r.status, type)
    if (typeof documentedType === "string") throw new Error(`the OpenAPI document does not describe this answer: ${documentedType}`)
    checkedAnswers.push(`${method} ${path.split("?")[0]} ${r.status} ${type}`)
  }
  return { status: r.status, type, etag: r.headers.get("etag"), location: r.headers.get("location"), text, json }
}

/** A problem answer: its status, `application/problem+json`, and the RFC 9457 members. */
const expectProblem = (a: Answer, status: number, title: string) => {
  expect(a.status, a.text).toBe(status)
  expect(a.type).toBe("application/problem+json")
  expect(a.json).toMatchObject({ type: `https://fayuan.dev/problems/${title}`, title, status })
  expect(typeof a.json.detail).toBe("string")
}

const application = (date = "2024-06-01") => ({
  date,
  region: "530103",
  applicant: { birthDate: "1975-04-02", disabilities: [], statuses: [], hasLawyer: false, household: { members: 3, monthlyIncomeFen: 150_000, area: "urban" } },
  matter: { kind: "civil", claims: ["labour-remuneration"] }
})

const lawyers = ["L1", "L2", "L3"].map((id, i) => ({
  id,
  firmId: i === 0 ? "F-dianchi" : "F-jinbi",
  region: "530103",
  yearsOfPractice: 5 + i,
  languages: [],
  specialties: [],
  minorsTrained: false,
  maxOpenCases: 10
}))

const rosterInput = {
  period: { from: "2024-03-01", to: "2024-03-31" },
  sites: [{ id: "centre", name: "区公共法律服务中心", region: "530103", days: [2, 4], shifts: [{ slot: "full", lawyersNeeded: 1 }] }],
  lawyers: ["R1", "R2", "R3", "R4"].map((id, i) => ({ id, firmId: i % 2 === 0 ? "dianchi" : "jinbi", region: "530103", yearsOfPractice: 3 + i, languages: [], unavailable: [] })),
  seed: 7
}

const budget = {
  id: "PL-2024",
  region: "530103",
  year: 2024,
  title: "盘龙区法律援助项目 2024",
  lines: [{ id: "cases", name: "办案补贴", category: "case-subsidy", amount: 40_000_000, schedule: [{ by: "2024-12-31", share: "1" }] }]
}

const entries = [
  { key: "v-001", budgetId: "PL-2024", lineId: "cases", kind: "payment", amount: 120_000, on: "2024-03-10", source: { kind: "manual" } },
  { key: "v-002", budgetId: "PL-2024", lineId: "cases", kind: "payment", amount: 80_000, on: "2024-04-10", source: { kind: "manual" } }
]

const person = { name: "测试甲", residentId: "11010519491231002X", phone: "13800000000" }
const dir = mkdtempSync(join(tmpdir(), "fayuan-http-"))

beforeAll(async () => {
  adapter = await openSqlite({ path: join(dir, "http.sqlite"), parties: { keys: { current: { id: "t", key: new Uint8Array(randomBytes(32)) } } } })
  server = await serve(adapter, {
    verification: { key, issuer },
    accessLog: (l) => log.push(l),
    now: () => new Date("2024-06-03T02:00:00Z"),
    documents: { centre: { name: "昆明市盘龙区法律援助中心", shortName: "盘法援" }, bureau: { name: "昆明市盘龙区司法局" }, lawyers: { L1: { name: "律师一" } } }
  })
  openapi = await (await fetch(`${server.url}/openapi.json`)).json()
})

afterAll(async () => {
  await server.close()
  await adapter.close()
  rmSync(dir, { recursive: true, force: true })
})

describe("tokens: who may ask", () => {
  it("refuses a request without a token, with a malformed one, signed with another key, expired, from another issuer, or naming no valid actor", async () => {
    const body = application()
    expectProblem(await call("POST", "/eligibility/decisions", undefined, body), 401, "InvalidToken")
    expectProblem(await call("POST", "/eligibility/decisions", "not-a-jwt", body), 401, "InvalidToken")
    expectProblem(await call("POST", "/eligibility/decisions", await token({ role: "intake", region: "530103" }, { signWith: otherKey }), body), 401, "InvalidToken")
    const expired = await call("POST", "/eligibility/decisions", await token({ role: "intake", region: "530103" }, { exp: Math.floor(Date.now() / 1000) - 3600 }), body)
    expectProblem(expired, 401, "InvalidToken")
    expect(expired.json.detail).toContain("expired")
    expectProblem(await call("POST", "/eligibility/decisions", await token({ role: "intake", region: "530103" }, { iss: "https://elsewhere" }), body), 401, "InvalidToken")
    const judge = await call("POST", "/eligibility/decisions", await token({ role: "judge", region: "530103" }), body)
    expectProblem(judge, 401, "InvalidToken")
    expect(judge.json.errors).toEqual([expect.objectContaining({ path: "role" })])
    const noSub = await call("POST", "/eligibility/decisions", await token({ role: "intake", region: "530103" }, { sub: "" }), body)
    expectProblem(noSub, 401, "InvalidToken")
  })

  it("a key set that cannot be fetched is a 503, not the caller's fault; maxTokenAge refuses an old token", async () => {
    const { createRemoteJWKSet } = await import("jose")
    const jwksDown = await serve(adapter, { port: 0, verification: { key: createRemoteJWKSet(new URL("http://127.0.0.1:9/jwks.json"), { timeoutDuration: 500 }), issuer } })
    const aged = await serve(adapter, { port: 0, verification: { key, issuer, maxTokenAge: "1h" } })
    try {
      const down = await fetch(`${jwksDown.url}/due?on=2024-06-10`, { headers: { authorization: `Bearer ${await as("reviewer")}` } })
      expect(down.status).toBe(503)
      expect(((await down.json()) as { title: string }).title).toBe("TokenVerificationUnavailable")
      const old = await new SignJWT({ role: "reviewer", region: "530103" }).setProtectedHeader({ alg: "HS256" }).setSubject("r-1").setIssuer(issuer).setIssuedAt(Math.floor(Date.now() / 1000) - 7200).setExpirationTime("1h").sign(key)
      expect((await fetch(`${aged.url}/due?on=2024-06-10`, { headers: { authorization: `Bearer ${old}` } })).status).toBe(401)
      expect((await fetch(`${aged.url}/due?on=2024-06-10`, { headers: { authorization: `Bearer ${await as("reviewer")}` } })).status).toBe(200)
    } finally {
      await jwksDown.close()
      await aged.close()
    }
  })

  it("never takes the actor from a header anyone can set", async () => {
    const r = await call("POST", "/eligibility/decisions", undefined, application(), { "x-actor-id": "x", "x-actor-role": "intake", "x-actor-region": "530103" })
    expectProblem(r, 401, "InvalidToken")
  })
})

describe("the routes", () => {
  it("GET /health and GET /openapi.json need no token; the document is valid OpenAPI 3.1 and names every route", async () => {
    expect((await call("GET", "/health", undefined)).json).toEqual({ status: "ok" })
    const doc = await call("GET", "/openapi.json", undefined)
    expect(doc.status).toBe(200)
    expect(doc.json.openapi).toBe("3.1.0")
    const validator = new Validator()
    const result = await validator.validate(doc.json)
    expect(result.valid, JSON.stringify(result.errors ?? []).slice(0, 2000)).toBe(true)
    expect(validator.version).toBe("3.1")
    // The validator does refuse a broken document (so the check above can fail).
    const { info: _info, ...broken } = doc.json
    expect((await new Validator().validate(broken)).valid).toBe(false)
    const paths = Object.keys(doc.json.paths).sort()
    expect(paths).toEqual([
      "/budgets/{budgetId}",
      "/budgets/{budgetId}/entries",
      "/budgets/{budgetId}/totals",
      "/cases",
      "/cases/{caseId}",
      "/cases/{caseId}/assignment",
      "/cases/{caseId}/commands",
      "/cases/{caseId}/documents",
      "/cases/{caseId}/documents/{kind}",
      "/due",
      "/eligibility/decisions",
      "/evaluations",
      "/health",
      "/reports/{format}",
      "/rosters/{rosterId}",
      "/rosters/{rosterId}/replan",
      "/subsidies/cases"
    ])
    expect(doc.json.components.securitySchemes.bearer.type).toBe("http")
    expect(doc.json.components.securitySchemes.bearer.scheme.toLowerCase()).toBe("bearer")
    // The application's schema is the library's own: its fields are documented.
    const decideBody = doc.json.paths["/eligibility/decisions"].post.requestBody.content["application/json"].schema
    expect(JSON.stringify(decideBody)).toBeTruthy()
  })

  it("POST /eligibility/decisions decides as the library does", async () => {
    const r = await call("POST", "/eligibility/decisions", await as("intake"), application())
    expect(r.status).toBe(200)
    const expected = decide(Result.getOrThrow(decodeApplication(application())))
    expect(r.json).toEqual(JSON.parse(JSON.stringify(Result.getOrThrow(expected))))
    expect(r.json.outcome).toBe("eligible")
  })

  it("a malformed body is a 400; an invalid one a 422 naming every field, never echoing a value", async () => {
    expectProblem(await call("POST", "/eligibility/decisions", await as("intake"), "{not json"), 400, "MalformedBody")
    expectProblem(await call("POST", "/eligibility/decisions", await as("intake"), ""), 400, "MalformedBody")
    // Past the limit (1 MiB): a 413, whether the length is announced or the body streams in chunks.
    const big = JSON.stringify({ ...application(), padding: "x".repeat(1_100_000) })
    expectProblem(await call("POST", "/eligibility/decisions", await as("intake"), big), 413, "PayloadTooLarge")
    const chunked = new ReadableStream({ start: (c) => { c.enqueue(new TextEncoder().encode(big)); c.close() } })
    const streamed = await fetch(`${server.url}/eligibility/decisions`, { method: "POST", headers: { authorization: `Bearer ${await as("intake")}` }, body: chunked, duplex: "half" } as RequestInit)
    expect(streamed.status).toBe(413)
    const bad = { ...application(), date: "2024-13-01", region: person.residentId, applicant: { ...application().applicant, name: person.name } }
    const r = await call("POST", "/eligibility/decisions", await as("intake"), bad)
    expectProblem(r, 422, "InvalidApplication")
    const paths = (r.json.errors as Array<{ path: string }>).map((e) => e.path).sort()
    // The made-up key is named as unknown where it was found, never repeated.
    expect(paths).toEqual(expect.arrayContaining(["date", "region", "applicant.<unknown field>"]))
    expect(r.text).not.toContain(person.residentId)
    expect(r.text).not.toContain(person.name)
    // A made-up key is named as unknown, not repeated; so is an unknown path.
    const pinyin = await call("POST", "/eligibility/decisions", await as("intake"), { ...application(), ZhangSan_13800138000: 1 })
    expectProblem(pinyin, 422, "InvalidApplication")
    expect(pinyin.text).not.toContain("13800138000")
    const key = `${person.name} ${person.phone}`
    const unknown = await call("POST", "/evaluations", await as("auditor"), { year: 2024, [key]: 1 })
    expectProblem(unknown, 422, "InvalidRequest")
    expect(unknown.json.errors).toEqual([{ path: "<unknown field>", reason: expect.any(String) }])
    const nowhere = await call("GET", `/${encodeURIComponent(person.name)}/${person.residentId}/${person.phone}`, await as("intake"))
    expectProblem(nowhere, 404, "NotFound")
    for (const text of [unknown.text, nowhere.text, JSON.stringify(log)]) {
      expect(text).not.toContain(person.phone)
      expect(text).not.toContain(person.residentId)
    }
  })

  it("POST /cases opens a case (201, ETag, Location); the same submission again is a 409", async () => {
    const submission = { caseId: "H-0001", kind: "civil", channel: "centre", application: application() }
    const first = await call("POST", "/cases", await as("intake"), submission)
    expect(first.status, first.text).toBe(201)
    expect(first.etag).toBe('"1"')
    expect(first.location).toBe("/cases/H-0001")
    expect(first.json).toMatchObject({ id: "H-0001", region: "530103", state: "received", version: 1 })
    const again = await call("POST", "/cases", await as("intake"), submission)
    expectProblem(again, 409, "CaseAlreadyExists")
    // The route opens applications only: the body cannot choose the command, the region or the decision.
    const notify = await call("POST", "/cases", await as("intake"), { caseId: "H-0008", type: "notify", kind: "criminal-defence", organ: "court", grounds: ["LAL-25-1-1"] })
    expectProblem(notify, 422, "InvalidRequest")
    expect(notify.json.errors.map((e: { path: string }) => e.path)).toEqual(["<unknown field>", "<unknown field>", "<unknown field>"])
    const elsewhere = await call("POST", "/cases", await as("intake"), { ...submission, caseId: "H-0008", application: { ...application(), region: "530102" } })
    expectProblem(elsewhere, 422, "InvalidRequest")
    expect(elsewhere.json.errors).toEqual([{ path: "application.region", reason: expect.any(String) }])
    // A role that may not apply: the library's own check, as a 403.
    expectProblem(await call("POST", "/cases", await as("finance"), { ...submission, caseId: "H-0009" }), 403, "CommandRejected")
  })

  it("GET /cases/:id loads the case with its clocks; another region's case is refused as the library refuses it", async () => {
    const r = await call("GET", "/cases/H-0001", await as("reviewer"))
    expect(r.status).toBe(200)
    expect(r.etag).toBe('"1"')
    expect(r.json.clocks.length).toBeGreaterThan(0)
    expectProblem(await call("GET", "/cases/H-0001", await as("reviewer", "530102")), 404, "CaseNotFound")
    // The city above sees it: its scope contains the district.
    expect((await call("GET", "/cases/H-0001", await as("reviewer", "5301"))).status).toBe(200)
    expectProblem(await call("GET", "/cases/NOPE-1", await as("reviewer")), 404, "CaseNotFound")
  })

  it("POST /cases/:id/commands executes at the If-Match version; a stale one is a 412 and changes nothing", async () => {
    const ok = await call("POST", "/cases/H-0001/commands", await as("reviewer"), { type: "startReview" }, { "if-match": '"1"' })
    expect(ok.status, ok.text).toBe(200)
    expect(ok.etag).toBe('"2"')
    const stale = await call("POST", "/cases/H-0001/commands", await as("reviewer"), { type: "requestMaterials", missing: ["case-materials"] }, { "if-match": '"1"' })
    expectProblem(stale, 412, "VersionConflict")
    expect((await call("GET", "/cases/H-0001", await as("reviewer"))).json.version).toBe(2)
    expectProblem(await call("POST", "/cases/H-0001/commands", await as("reviewer"), { type: "startReview" }, { "if-match": "yesterday" }), 422, "InvalidRequest")
    const malformed = await call("POST", "/cases/H-0001/commands", await as("reviewer"), { type: "decide", eligibility: { outcome: "maybe" } })
    expectProblem(malformed, 422, "InvalidCommand")
    expect(malformed.json.errors.length).toBeGreaterThan(0)
    const wrongState = await call("POST", "/cases/H-0001/commands", await as("quality"), { type: "grade", grade: "pass" })
    expect([403, 409]).toContain(wrongState.status)
    const decided = await call("POST", "/cases/H-0001/commands", await as("reviewer"), {
      type: "decide",
      eligibility: { outcome: "eligible", meansTest: "passed", citations: ["LAL-31-1-5", "LAL-34"], ruleSetId: "LAL-2022" }
    })
    expect(decided.status, decided.text).toBe(200)
    expect(decided.json.state).not.toBe("under-review")
  })

  it("GET /due lists what is due in the actor's region", async () => {
    const r = await call("GET", "/due?on=2024-06-20&within=30", await as("reviewer"))
    expect(r.status, r.text).toBe(200)
    expect(Array.isArray(r.json)).toBe(true)
    expectProblem(await call("GET", "/due?on=someday", await as("reviewer")), 422, "InvalidRequest")
    expectProblem(await call("GET", "/due", await as("reviewer")), 422, "InvalidRequest")
    // A parameter given twice is refused by the router's own decoding: still a problem.
    expectProblem(await call("GET", "/due?on=2024-06-10&on=2024-06-11", await as("reviewer")), 422, "InvalidRequest")
  })

  it("POST /cases/:id/assignment assigns by rotation, checks each profile, and re-assigns with a reason", async () => {
    const bad = await call("POST", "/cases/H-0001/assignment", await as("dispatcher"), { lawyers: [{ ...lawyers[0], yearsOfPractice: -1 }] })
    expectProblem(bad, 422, "InvalidRequest")
    expect(bad.json.errors[0].path).toBe("lawyers[0].yearsOfPractice")
    const stale = await call("POST", "/cases/H-0001/assignment", await as("dispatcher"), { lawyers }, { "if-match": '"1"' })
    expectProblem(stale, 412, "VersionConflict")
    const r = await call("POST", "/cases/H-0001/assignment", await as("dispatcher"), { lawyers })
    expect(r.status, r.text).toBe(200)
    expect(r.json.case.state).toBe("assigned")
    expect(lawyers.map((l) => l.id)).toContain(r.json.case.lawyer.lawyerId)
    expect(r.etag).toBe(`"${r.json.case.version}"`)
    expectProblem(await call("POST", "/cases/H-0001/assignment", await as("intake"), { lawyers }), 403, "CommandRejected")
    // The role is checked before any lawyer is weighed; no qualified lawyer says why, by id.
    expectProblem(await call("POST", "/cases/H-0001/assignment", await as("auditor"), { lawyers: [{ ...lawyers[0], maxOpenCases: 0 }] }), 403, "CommandRejected")
    const none = await call("POST", "/cases/H-0001/assignment", await as("dispatcher"), { lawyers: lawyers.map((l) => ({ ...l, maxOpenCases: 0 })), reason: "complaint" })
    expectProblem(none, 409, "NoQualifiedLawyer")
    expect(none.json.errors.length).toBe(lawyers.length)
    expectProblem(await call("POST", "/cases/H-0001/assignment", await as("dispatcher"), { lawyers, reason: "bored" }), 422, "InvalidRequest")
  })

  it("PUT, GET /rosters/:id and POST …/replan solve, store and re-plan; other roles may not", async () => {
    const put = await call("PUT", "/rosters/R-2024-03", await as("dispatcher"), rosterInput)
    expect(put.status, put.text).toBe(200)
    expect(put.json.assignments.length).toBeGreaterThan(0)
    const got = await call("GET", "/rosters/R-2024-03", await as("lawyer"))
    expect(got.json).toEqual(put.json)
    const absent = put.json.assignments[0].lawyerId as string
    const re = await call("POST", "/rosters/R-2024-03/replan", await as("dispatcher"), { input: rosterInput, absence: { lawyerId: absent, from: "2024-03-01", today: "2024-03-01" } })
    expect(re.status, re.text).toBe(200)
    expect(re.json.roster.assignments.every((a: { lawyerId: string }) => a.lawyerId !== absent)).toBe(true)
    expect((await call("GET", "/rosters/R-2024-03", await as("lawyer"))).json).toEqual(re.json.roster)
    expectProblem(await call("PUT", "/rosters/R-2024-04", await as("lawyer"), rosterInput), 403, "Forbidden")
    expectProblem(await call("PUT", `/rosters/${"R".repeat(80)}`, await as("dispatcher"), rosterInput), 422, "InvalidRequest")
    const elsewhere = await call("PUT", "/rosters/R-X", await as("dispatcher"), { ...rosterInput, sites: [{ ...rosterInput.sites[0], region: "530102" }] })
    expectProblem(elsewhere, 403, "Forbidden")
    expect(elsewhere.json.errors).toEqual([{ path: "sites[0].region", reason: "is outside the actor's region" }])
    const otherPeriod = { ...rosterInput, period: { from: "2025-03-01", to: "2025-03-31" } }
    expectProblem(await call("POST", "/rosters/R-2024-03/replan", await as("dispatcher"), { input: otherPeriod, absence: { lawyerId: absent, from: "2024-03-01", today: "2024-03-01" } }), 422, "InvalidRequest")
    expectProblem(await call("PUT", "/rosters/R-2024-04", await as("dispatcher"), { ...rosterInput, seed: "x" }), 422, "InvalidRosterInput")
    expectProblem(await call("GET", "/rosters/R-2024-03", await as("lawyer", "530102")), 404, "RosterNotFound")
  })

  it("POST /subsidies/cases calculates under the standard in force, in the actor's region only", async () => {
    const claim = {
      region: "530103",
      caseId: "C-0101",
      service: "criminal",
      stagesCompleted: ["investigation", "prosecution-review", "trial"],
      assignedOn: "2018-01-08",
      endedOn: "2018-05-25",
      endedBy: "concluded",
      recipients: 1
    }
    const r = await call("POST", "/subsidies/cases", await as("finance"), claim)
    expect(r.status, r.text).toBe(200)
    expect(Number.isInteger(r.json.amount)).toBe(true)
    expect(r.json.amount).toBeGreaterThan(0)
    expect(r.json.lines.length).toBeGreaterThan(0)
    expectProblem(await call("POST", "/subsidies/cases", await as("finance", "530102"), claim), 403, "Forbidden")
    expectProblem(await call("POST", "/subsidies/cases", await as("finance"), { ...claim, recipients: 0 }), 422, "InvalidClaim")
  })

  it("PUT /budgets/:id, POST …/entries (a resubmission records nothing twice) and GET …/totals", async () => {
    const put = await call("PUT", "/budgets/PL-2024", await as("finance"), budget)
    expect(put.status, put.text).toBe(200)
    const first = await call("POST", "/budgets/PL-2024/entries", await as("finance"), entries)
    expect(first.status, first.text).toBe(200)
    const again = await call("POST", "/budgets/PL-2024/entries", await as("finance"), entries)
    expect(again.status, again.text).toBe(200)
    expect(JSON.stringify(again.json)).not.toEqual(JSON.stringify(first.json))
    const totals = await call("GET", "/budgets/PL-2024/totals?asOf=2024-12-31", await as("auditor"))
    expect(totals.status, totals.text).toBe(200)
    expect(JSON.stringify(totals.json)).toContain("200000")
    expectProblem(await call("POST", "/budgets/PL-2024/entries", await as("lawyer"), entries), 403, "Forbidden")
    expectProblem(await call("GET", "/budgets/PL-2024/totals?asOf=2024-12-31", await as("auditor", "530102")), 404, "BudgetNotFound")
    expectProblem(await call("POST", "/budgets/PL-2024/entries", await as("finance"), [{ ...entries[0], key: "v-big", amount: Number.MAX_SAFE_INTEGER }]), 422, "InvalidEntries")
    expectProblem(await call("PUT", "/budgets/%20PL", await as("finance"), { ...budget, id: " PL" }), 422, "InvalidRequest")
    const conflicting = [{ ...entries[0], amount: 999 }]
    expectProblem(await call("POST", "/budgets/PL-2024/entries", await as("finance"), conflicting), 409, "IdempotencyConflict")
    expectProblem(await call("PUT", "/budgets/PL-2024", await as("finance", "530102"), budget), 403, "Forbidden")
  })

  it("POST /evaluations and POST /reports/:format evaluate the actor's region and render md, html, docx and xlsx", async () => {
    const body = { year: 2024, budgetId: "PL-2024" }
    const e = await call("POST", "/evaluations", await as("auditor"), body)
    expect(e.status, e.text).toBe(200)
    expect(e.json.evaluation).toBeDefined()
    const md = await call("POST", "/reports/md", await as("auditor"), body)
    expect(md.status, md.text).toBe(200)
    expect(md.type).toContain("text/markdown")
    expect(md.text).toContain("2024")
    const html = await call("POST", "/reports/html", await as("auditor"), { ...body, lang: "en" })
    expect(html.type).toContain("text/html")
    for (const format of ["docx", "xlsx"]) {
      const r = await call("POST", `/reports/${format}`, await as("auditor"), body)
      expect(r.status).toBe(200)
      expect(r.type).toMatch(/openxmlformats/)
      expect(r.text).toMatch(/^<\d+ bytes>$/)
      const raw = await fetch(`${server.url}/reports/${format}`, { method: "POST", headers: { authorization: `Bearer ${await as("auditor")}` }, body: JSON.stringify(body) })
      const bytes = new Uint8Array(await raw.arrayBuffer())
      expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]) // a zip: PK
    }
    expectProblem(await call("POST", "/reports/pdf", await as("auditor"), body), 404, "NotFound")
    expectProblem(await call("POST", "/evaluations", await as("auditor"), { year: 2024, colour: "red" }), 422, "InvalidRequest")
    expectProblem(await call("POST", "/evaluations", await as("lawyer"), body), 403, "Forbidden")
  })

  it("POST /cases/:id/documents/:kind issues a numbered document (the same number again), GET …/documents lists them", async () => {
    await Effect.runPromise(adapter.partyStore.put(Region.makeUnsafe("530103"), "H-0001", Result.getOrThrow(decodeParty(person))))
    const context = { caseTitle: "追索劳动报酬纠纷一案", lawyers: { L1: { name: "律师一" }, L2: { name: "律师二" }, L3: { name: "律师三" } }, firms: { "F-dianchi": { name: "滇池律师事务所" }, "F-jinbi": { name: "金碧律师事务所" } } }
    const first = await call("POST", "/cases/H-0001/documents/grant-decision", await as("reviewer"), context)
    expect(first.status, first.text).toBe(201)
    expect(typeof first.json.number).toBe("string")
    // The document is addressed to the party: the one place the name appears.
    expect(first.text).toContain(person.name)
    const again = await call("POST", "/cases/H-0001/documents/grant-decision", await as("reviewer"), context)
    expect(again.json.number).toBe(first.json.number)
    const html = await call("POST", "/cases/H-0001/documents/grant-decision?format=html", await as("reviewer"), context)
    expect(html.type).toContain("text/html")
    // Fetching: only a document already issued, with its number; a GET never takes one.
    expectProblem(await call("GET", "/cases/H-0001/documents/assignment-notice", await as("reviewer")), 404, "DocumentNotIssued")
    const fetched = await call("GET", "/cases/H-0001/documents/grant-decision", await as("reviewer"))
    expect(fetched.status, fetched.text).toBe(200)
    expect(first.json.number).toContain(`第${fetched.json.n}号`)
    // The configured defaults stand in for what a body leaves out; the centre is the service's own.
    const minimal = await call("POST", "/cases/H-0001/documents/grant-decision", await as("reviewer"), { caseTitle: "追索劳动报酬纠纷一案" })
    expect(minimal.status, minimal.text).toBe(201)
    expect(minimal.json.number).toBe(first.json.number)
    expectProblem(await call("POST", "/cases/H-0001/documents/grant-decision", await as("reviewer"), { centre: { name: "另一中心", shortName: "另" } }), 422, "InvalidRequest")
    // Who issues what: a dispatcher sends assignment notices, not decisions.
    expectProblem(await call("POST", "/cases/H-0001/documents/grant-decision", await as("dispatcher"), {}), 403, "Forbidden")
    // ... unless the centre says otherwise: the roles are the host's to override.
    const overridden = await serve(adapter, {
      port: 0,
      verification: { key, issuer },
      documents: { centre: { name: "昆明市盘龙区法律援助中心", shortName: "盘法援" } },
      issuerRoles: { "grant-decision": ["dispatcher"] },
      routeRoles: { rosters: ["bureau"] }
    })
    try {
      const byDispatcher = await fetch(`${overridden.url}/cases/H-0001/documents/grant-decision`, { method: "POST", headers: { authorization: `Bearer ${await as("dispatcher")}` }, body: JSON.stringify(context) })
      expect(byDispatcher.status).toBe(201)
      const byReviewer = await fetch(`${overridden.url}/cases/H-0001/documents/grant-decision`, { method: "POST", headers: { authorization: `Bearer ${await as("reviewer")}` }, body: JSON.stringify(context) })
      expect(byReviewer.status).toBe(403)
      const roster = await fetch(`${overridden.url}/rosters/R-9`, { method: "PUT", headers: { authorization: `Bearer ${await as("dispatcher")}` }, body: JSON.stringify(rosterInput) })
      expect(roster.status).toBe(403)
    } finally {
      await overridden.close()
    }
    const list = await call("GET", "/cases/H-0001/documents", await as("reviewer"))
    expect(list.status).toBe(200)
    expect(list.json).toEqual([expect.objectContaining({ kind: "grant-decision" })])
    expect(list.text).not.toContain(person.name)
    expectProblem(await call("POST", "/cases/H-0001/documents/grant-decision", await as("reviewer"), { centre: {} }), 422, "InvalidRequest")
    expectProblem(await call("POST", "/cases/H-0001/documents/grant-decision", await as("lawyer"), context), 403, "Forbidden")
    expectProblem(await call("POST", "/cases/H-0001/documents/love-letter", await as("reviewer"), context), 422, "InvalidRequest")
    expectProblem(await call("POST", "/cases/H-0001/documents/grant-decision", await as("reviewer", "530102"), context), 404, "CaseNotFound")
    // The centre the service owns lacks its short name: the service's fault (500), not the caller's.
    const unconfigured = await serve(adapter, { port: 0, verification: { key, issuer }, documents: { centre: { name: "昆明市盘龙区法律援助中心" } } })
    try {
      const r = await fetch(`${unconfigured.url}/cases/H-0001/documents/grant-decision`, { method: "POST", headers: { authorization: `Bearer ${await as("reviewer")}` }, body: JSON.stringify(context) })
      expect(r.status).toBe(500)
      expect(((await r.json()) as { title: string; detail: string }).title).toBe("DocumentConfiguration")
    } finally {
      await unconfigured.close()
    }
  })

  it("while closing with lingerMs, every new request — the health check too — is a 503 before the port closes", async () => {
    const lingering = await serve(adapter, { port: 0, verification: { key, issuer }, lingerMs: 400 })
    expect((await fetch(`${lingering.url}/health`)).status).toBe(200)
    const closed = lingering.close()
    const health = await fetch(`${lingering.url}/health`)
    expect(health.status).toBe(503)
    expect(health.headers.get("connection")).toBe("close")
    expect(((await health.json()) as { title: string }).title).toBe("ShuttingDown")
    await closed
    await expect(fetch(`${lingering.url}/health`)).rejects.toThrow()
  })

  it("a key set answering an error (not 200, or not JSON) is a 503 too", async () => {
    const { createServer: createHttp } = await import("node:http")
    const idp = createHttp((_req, res) => {
      res.writeHead(503, { "content-type": "text/html" })
      res.end("<h1>maintenance</h1>")
    })
    await new Promise<void>((resolve) => idp.listen(0, "127.0.0.1", resolve))
    const { createRemoteJWKSet } = await import("jose")
    const jwks = createRemoteJWKSet(new URL(`http://127.0.0.1:${(idp.address() as { port: number }).port}/jwks.json`))
    const s = await serve(adapter, { port: 0, verification: { key: jwks, issuer } })
    try {
      const r = await fetch(`${s.url}/due?on=2024-06-10`, { headers: { authorization: `Bearer ${await as("reviewer")}` } })
      expect(r.status).toBe(503)
    } finally {
      await s.close()
      idp.close()
    }
  })

  it("a fault inside the server is a 500 problem, reported without the request's data", async () => {
    const reports: Array<string> = []
    const faulty = await serve(adapter, { port: 0, verification: { key, issuer }, now: () => { throw new Error("clock broke") }, onDefect: (r) => reports.push(r) })
    try {
      const r = await fetch(`${faulty.url}/cases/H-0001/commands`, { method: "POST", headers: { authorization: `Bearer ${await as("reviewer")}` }, body: JSON.stringify({ type: "startReview" }) })
      expect(r.status).toBe(500)
      expect(r.headers.get("content-type")).toBe("application/problem+json")
      expect(((await r.json()) as { title: string }).title).toBe("InternalError")
      expect(reports.join("\n")).toContain("clock broke")
      expect(reports.join("\n")).not.toContain(person.name)
    } finally {
      await faulty.close()
    }
  })

  it("a page of an origin the service names may call it from a browser (CORS); without one configured, no CORS headers", async () => {
    const withCors = await serve(adapter, { port: 0, verification: { key, issuer }, corsOrigins: ["https://portal.example"] })
    try {
      const pre = await fetch(`${withCors.url}/eligibility/decisions`, { method: "OPTIONS", headers: { origin: "https://portal.example", "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" } })
      expect(pre.status).toBe(204)
      expect(pre.headers.get("access-control-allow-origin")).toBe("https://portal.example")
      expect(pre.headers.get("access-control-allow-headers")).toContain("authorization")
      const r = await fetch(`${withCors.url}/eligibility/decisions`, { method: "POST", headers: { origin: "https://portal.example", authorization: `Bearer ${await as("intake")}` }, body: JSON.stringify(application()) })
      expect(r.status).toBe(200)
      expect(r.headers.get("access-control-allow-origin")).toBe("https://portal.example")
    } finally {
      await withCors.close()
    }
    const plain = await fetch(`${server.url}/health`, { headers: { origin: "https://portal.example" } })
    expect(plain.headers.get("access-control-allow-origin")).toBeNull()
  })

  it("an unknown route is a 404 problem; a known one with another method a 405 naming its methods", async () => {
    expectProblem(await call("GET", "/nowhere", await as("intake")), 404, "NotFound")
    const put = await fetch(`${server.url}/cases/H-0001`, { method: "PUT", headers: { authorization: `Bearer ${await as("intake")}` }, body: "{}" })
    expect(put.status).toBe(405)
    expect(put.headers.get("allow")).toBe("GET")
    expect(put.headers.get("content-type")).toBe("application/problem+json")
    expect((await fetch(`${server.url}/eligibility/decisions`, { method: "DELETE" })).headers.get("allow")).toBe("POST")
  })

  it("every JSON answer above matched the schema the OpenAPI document gives for its route and status", () => {
    expect(checkedAnswers.length).toBeGreaterThan(60)
    // The check is not vacuous: a case without its clocks does not match the documented Case.
    const validate = documented("GET", "/cases/H-0001", 200, "application/json")
    if (typeof validate === "string") throw new Error(validate)
    expect(validate({ id: "H-0001", region: "530103", version: 1, state: "received" })).toBe(false)
  })

  it("the access log has method, path, status and time, and no personal data", () => {
    expect(log.length).toBeGreaterThan(20)
    for (const line of log) expect(Object.keys(line).sort()).toEqual(["method", "ms", "route", "status"])
    const text = JSON.stringify(log)
    expect(text).not.toContain(person.name)
    expect(text).not.toContain(person.residentId)
    expect(log).toContainEqual(expect.objectContaining({ method: "POST", route: "/cases", status: 409 }))
    expect(log).toContainEqual(expect.objectContaining({ method: "GET", route: "/cases/:id", status: 200 }))
    expect(log).toContainEqual(expect.objectContaining({ method: "GET", route: "(unmatched)", status: 404 }))
  })
})

describe("routesLayer as a fetch handler (HttpRouter.toWebHandler), on the in-memory stores", () => {
  it("answers the same service without a Node server", async () => {
    const { HttpRouter } = await import("effect/http")
    const { layer } = await import("../adapters/memory/index.ts")
    const { handler, dispose } = HttpRouter.toWebHandler(routesLayer(layer(), { verification: { key, issuer } }), { disableLogger: true })
    try {
      expect((await handler(new Request("http://localhost/health"))).status).toBe(200)
      const r = await handler(new Request("http://localhost/eligibility/decisions", { method: "POST", headers: { authorization: `Bearer ${await as("intake")}` }, body: JSON.stringify(application()) }))
      expect(r.status).toBe(200)
      expect(((await r.json()) as { outcome: string }).outcome).toBe("eligible")
      const denied = await handler(new Request("http://localhost/eligibility/decisions", { method: "POST", body: "{}" }))
      expect(denied.status).toBe(401)
      expect(denied.headers.get("content-type")).toBe("application/problem+json")
    } finally {
      await dispose()
    }
  })
})

describe("statusOf", () => {
  it("maps the library's failures by tag, refined by reason", () => {
    expect(statusOf(new StoreError({ store: "cases", operation: "load", reason: "database error 57P01" }))).toBe(503)
    expect(statusOf(new StoreError({ store: "parties", operation: "get", reason: "personal data protection is not configured" }))).toBe(500)
    // A sum past the exact integers (node:sqlite's ERR_OUT_OF_RANGE) is no database outage: a 500, not a retry.
    expect(statusOf(new StoreError({ store: "ledger", operation: "totals", reason: databaseError({ code: "ERR_OUT_OF_RANGE" }) }))).toBe(500)
    expect(statusOf(new StoreError({ store: "ledger", operation: "totals", reason: databaseError({ code: "57P01" }) }))).toBe(503)
    expect(statusOf({ _tag: "CommandRejected", reason: "wrong-role" })).toBe(403)
    expect(statusOf({ _tag: "CommandRejected", reason: "no-such-case" })).toBe(404)
    expect(statusOf({ _tag: "CommandRejected", reason: "wrong-state" })).toBe(409)
    expect(statusOf({ _tag: "CommandRejected", reason: "no-rules" })).toBe(422)
    expect(statusOf({ _tag: "SomethingNew" })).toBe(500)
    expect(problemOf({ _tag: "SomethingNew", message: "a secret" }).detail).not.toContain("a secret")
  })
})

describe("fayuan serve", () => {
  const start = async (db: string): Promise<{ child: ChildProcess; url: string; stdout: () => string }> => {
    const child = spawn(process.execPath, ["--conditions=fayuan-source", join(import.meta.dirname, "..", "src", "cli.ts"), "serve", "--db", db, "--port", "0", "--issuer", issuer, "--drain-ms", "10000"], {
      env: { ...process.env, FAYUAN_JWT_SECRET: new TextDecoder().decode(key) },
      stdio: ["ignore", "pipe", "pipe"]
    })
    let out = ""
    child.stdout!.on("data", (b) => (out += String(b)))
    child.stderr!.on("data", () => {})
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`fayuan serve did not start: ${out}`)), 30_000)
      child.stdout!.on("data", () => {
        const m = /on (http:\/\/[\d.]+:\d+)/.exec(out)
        if (m !== null) {
          clearTimeout(timer)
          resolve(m[1]!)
        }
      })
      child.once("exit", (code) => reject(new Error(`fayuan serve exited ${code}: ${out}`)))
    })
    return { child, url, stdout: () => out }
  }

  it("serves a SQLite file and, on SIGTERM, finishes the request in flight before it exits 0", async () => {
    const { child, url, stdout } = await start(join(dir, "served.sqlite"))
    const bearer = await as("intake")
    expect((await fetch(`${url}/health`)).status).toBe(200)
    const body = JSON.stringify(application())
    const half = Math.floor(body.length / 2)
    const { port } = new URL(url)
    // A request in flight: its headers and half its body sent before the signal.
    const answer = new Promise<{ status: number; text: string; connection: string | undefined }>((resolve, reject) => {
      const req = httpRequest(
        { host: "127.0.0.1", port: Number(port), method: "POST", path: "/eligibility/decisions", headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
        (res) => {
          let text = ""
          res.on("data", (c) => (text += String(c)))
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text, connection: res.headers.connection }))
        }
      )
      req.on("error", reject)
      req.write(body.slice(0, half))
      setTimeout(() => {
        child.kill("SIGTERM")
        setTimeout(() => req.end(body.slice(half)), 300)
      }, 200)
    })
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)))
    const r = await answer
    expect(r.status, r.text).toBe(200)
    // Answered while draining: the connection closes with it, so no further request rides on it.
    expect(r.connection).toBe("close")
    expect(JSON.parse(r.text).outcome).toBe("eligible")
    expect(await exited).toBe(0)
    expect(stdout()).toContain("SIGTERM")
    await expect(fetch(`${url}/health`)).rejects.toThrow()
  }, 60_000)

  it("refuses to start without a way to verify tokens", async () => {
    const child = spawn(process.execPath, ["--conditions=fayuan-source", join(import.meta.dirname, "..", "src", "cli.ts"), "serve", "--db", join(dir, "x.sqlite"), "--issuer", issuer], {
      env: { ...process.env, FAYUAN_JWT_SECRET: "" },
      stdio: ["ignore", "pipe", "pipe"]
    })
    let err = ""
    child.stderr!.on("data", (b) => (err += String(b)))
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve))
    expect(code).toBe(2)
    expect(err).toContain("FAYUAN_JWT_SECRET")
  }, 30_000)
})
