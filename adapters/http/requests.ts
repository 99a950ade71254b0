/**
 * Reading a request: the body (JSON, within a size limit), `If-Match`, path ids, and the parts of
 * bodies the library has no decoder for (lawyer profiles, an evaluation request, a document
 * context) — each refusal an `InvalidRequest` naming the field.
 *
 * @since 0.2.0
 */
import { ByteSize, Effect, Result, Schema } from "effect"
import { HttpIncomingMessage, type HttpServerRequest } from "effect/http"
import type { LawyerProfile } from "../../src/assignment/workflow.ts"
import { Lawyer as AssignmentLawyer } from "../../src/assignment/Input.ts"
import { Budget } from "../../src/budget/Budget.ts"
import type { DocumentContext } from "../../src/documents/facts.ts"
import { formatPath, issuesOf } from "../../src/eligibility/Application.ts"
import { InvalidRequest } from "../../src/lifecycle/Command.ts"
import { type ReassignReason, reassignReasons } from "../../src/lifecycle/vocabulary.ts"
import * as Id from "../../src/Id.ts"
import type { Failure } from "./answers.ts"

/** One field refused, as an `InvalidRequest`. */
export const invalid = (path: string, reason: string): Failure => new InvalidRequest({ issues: [{ path, reason }] })

/** The largest body the service reads (1 MiB by default: a year's roster input fits many times). */
export const defaultMaxBodyBytes = 1_048_576

const tooLarge = (limit: number): Failure => ({ _tag: "PayloadTooLarge", message: `the request body is larger than ${limit} bytes` })

/** The body as JSON: a 413 past the limit, a 400 when it is not JSON. */
export const bodyOf = (request: HttpServerRequest.HttpServerRequest, limit = defaultMaxBodyBytes): Effect.Effect<unknown, Failure> =>
  Number(request.headers["content-length"] ?? 0) > limit
    ? Effect.fail(tooLarge(limit))
    : request.text.pipe(
        Effect.provideService(HttpIncomingMessage.MaxBodySize, ByteSize.bytes(limit)),
        Effect.mapError((error): Failure =>
          (error as { reason?: { reason?: string } }).reason?.reason === "BodyTooLarge"
            ? tooLarge(limit)
            : { _tag: "MalformedBody", message: "the request body could not be read" }
        ),
        Effect.flatMap((text) => {
          if (text.trim() === "") return Effect.fail<Failure>({ _tag: "MalformedBody", message: "the request has no body: send JSON" })
          try {
            return Effect.succeed(JSON.parse(text) as unknown)
          } catch {
            return Effect.fail<Failure>({ _tag: "MalformedBody", message: "the request body is not JSON" })
          }
        })
      )

/** `If-Match: "3"`, `W/"3"` or `3` as a version; `undefined` when absent. */
export const versionOf = (header: string | undefined): Result.Result<number | undefined, Failure> => {
  if (header === undefined) return Result.succeed(undefined)
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header)
  return m === null ? Result.fail(invalid("If-Match", "expected the case's version as the ETag sent it, e.g. \"3\"")) : Result.succeed(Number(m[1]))
}

/** A library `Result` as an Effect of the handlers. */
export const fromResult = <A, E extends Failure>(r: Result.Result<A, E>): Effect.Effect<A, Failure> =>
  Result.isSuccess(r) ? Effect.succeed(r.success) : Effect.fail(r.failure)


const decodeLawyer = Schema.decodeUnknownResult(AssignmentLawyer)
/** A budget as it is sent (shares as decimal strings, amounts in fen). */
export const encodeBudget = Schema.encodeSync(Budget)

/** The lawyer profiles of an assignment body, each checked as the assignment input checks it. */
export const profilesOf = (input: unknown): Result.Result<{ readonly lawyers: ReadonlyArray<LawyerProfile>; readonly reason?: ReassignReason }, Failure> => {
  if (typeof input !== "object" || input === null || !Array.isArray((input as { lawyers?: unknown }).lawyers)) {
    return Result.fail(invalid("lawyers", "expected an array of lawyer profiles"))
  }
  const body = input as { readonly lawyers: ReadonlyArray<unknown>; readonly reason?: unknown }
  const extra = Object.keys(body).filter((k) => k !== "lawyers" && k !== "reason")
  const issues: Array<{ path: string; reason: string }> = extra.map((k) => ({ path: k, reason: "is not a field of an assignment request" }))
  if (body.reason !== undefined && !(reassignReasons as ReadonlyArray<unknown>).includes(body.reason)) issues.push({ path: "reason", reason: `expected one of ${reassignReasons.join(", ")}` })
  const lawyers: Array<LawyerProfile> = []
  body.lawyers.forEach((l, i) => {
    const r = decodeLawyer(typeof l === "object" && l !== null ? { openCases: 0, assignedCount: 0, ...l } : l, { errors: "all", onExcessProperty: "error" })
    if (Result.isFailure(r)) issues.push(...issuesOf(r.failure, formatPath(["lawyers", i])))
    else lawyers.push(r.success)
  })
  if (issues.length > 0) return Result.fail(new InvalidRequest({ issues }))
  return Result.succeed({ lawyers, ...(body.reason === undefined ? {} : { reason: body.reason as ReassignReason }) })
}

/** The year of an evaluation request. */
export const yearOf = (input: unknown): Result.Result<number, Failure> => {
  const year = (input as { year?: unknown } | null)?.year
  return typeof year === "number" && Number.isInteger(year) && year >= 1990 && year <= 2199 ? Result.succeed(year) : Result.fail(invalid("year", "expected a year, 1990–2199"))
}

/** A `{ zh, en }` name, when given. */
export const labelOf = (input: unknown, path: string): Result.Result<{ readonly zh: string; readonly en: string } | undefined, Failure> => {
  if (input === undefined) return Result.succeed(undefined)
  const l = input as { zh?: unknown; en?: unknown } | null
  return typeof l === "object" && l !== null && typeof l.zh === "string" && typeof l.en === "string" && l.zh !== "" && l.en !== ""
    ? Result.succeed({ zh: l.zh, en: l.en })
    : Result.fail(invalid(path, "expected { zh, en }, two non-empty names"))
}

/** The formats of `/reports/{format}`. */
export const reportFormats: ReadonlyArray<string> = ["md", "html", "docx", "xlsx"]

/** A path parameter that must be an id (as the stores keep them: 1–64 characters, no spaces at the ends). */
export const idParam = (value: string, name: string): Effect.Effect<void, Failure> => {
  const problem = Id.problem(value)
  return problem === undefined ? Effect.void : Effect.fail(invalid(name, problem))
}

/** The fields of `POST /cases` (the apply command's, less those the service sets). */
export const openFields: ReadonlySet<string> = new Set(["caseId", "kind", "channel", "groups", "forwarding", "recipients"])

/** The fields of an evaluation request. */
export const evaluateFields = new Set(["year", "scheme", "budgetId", "regionName", "projectName", "lang", "judgements"])


const isName = (u: unknown): u is string => typeof u === "string" && u.trim() !== "" && u.length <= 200

/** A body over the configured defaults: its fields replace theirs, `lawyers` and `firms` merge. */
export const withDefaults = (defaults: Readonly<Record<string, unknown>> | undefined, given: unknown): unknown => {
  if (defaults === undefined || typeof given !== "object" || given === null || Array.isArray(given)) return given
  const g = given as Record<string, unknown>
  const merged: Record<string, unknown> = { ...defaults, ...g }
  for (const k of ["lawyers", "firms"]) {
    const a = defaults[k]
    const b = g[k]
    if (typeof a === "object" && a !== null && typeof b === "object" && b !== null && !Array.isArray(b)) merged[k] = { ...a, ...b }
  }
  return merged
}

/** The document context of a body: names as data, lawyers and firms as lookups. */
export const documentContextOf = (input: unknown): Result.Result<DocumentContext, Failure> => {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return Result.fail(invalid("", "expected { centre: { name }, … }"))
  const b = input as Record<string, unknown>
  const issues: Array<{ path: string; reason: string }> = []
  const known = new Set(["centre", "bureau", "organ", "caseTitle", "objectionPeriod", "lawyers", "firms"])
  for (const k of Object.keys(b)) if (!known.has(k)) issues.push({ path: k, reason: "is not a field of a document context" })
  const named = (path: string, v: unknown, optionalField: boolean): { name: string } | undefined => {
    if (v === undefined && optionalField) return undefined
    if (typeof v !== "object" || v === null || !isName((v as { name?: unknown }).name)) {
      issues.push({ path: `${path}.name`, reason: "expected a name (1–200 characters)" })
      return undefined
    }
    return v as { name: string }
  }
  const centre = named("centre", b["centre"], false)
  const bureau = named("bureau", b["bureau"], true)
  const organ = named("organ", b["organ"], true)
  for (const k of ["caseTitle", "objectionPeriod"]) if (b[k] !== undefined && !isName(b[k])) issues.push({ path: k, reason: "expected text (1–200 characters)" })
  const table = (k: string): ReadonlyMap<string, { name: string; phone?: string }> => {
    const v = b[k]
    if (v === undefined) return new Map()
    if (typeof v !== "object" || v === null || Array.isArray(v)) {
      issues.push({ path: k, reason: "expected an object keyed by id" })
      return new Map()
    }
    const out = new Map<string, { name: string; phone?: string }>()
    for (const [id, entry] of Object.entries(v)) {
      const n = named(`${k}.${id}`, entry, false)
      if (n !== undefined) out.set(id, { name: n.name, ...(typeof (entry as { phone?: unknown }).phone === "string" ? { phone: (entry as { phone: string }).phone } : {}) })
    }
    return out
  }
  const lawyers = table("lawyers")
  const firms = table("firms")
  if (issues.length > 0 || centre === undefined) return Result.fail(new InvalidRequest({ issues }))
  const c = b["centre"] as { shortName?: unknown; phone?: unknown }
  return Result.succeed({
    centre: { name: centre.name, ...(typeof c.shortName === "string" ? { shortName: c.shortName } : {}), ...(typeof c.phone === "string" ? { phone: c.phone } : {}) },
    ...(bureau === undefined ? {} : { bureau }),
    ...(organ === undefined ? {} : { organ }),
    ...(typeof b["caseTitle"] === "string" ? { caseTitle: b["caseTitle"] } : {}),
    ...(typeof b["objectionPeriod"] === "string" ? { objectionPeriod: b["objectionPeriod"] } : {}),
    lawyer: (id) => lawyers.get(id),
    firm: (id) => firms.get(id)
  })
}
