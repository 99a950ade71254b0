/**
 * Problem details (RFC 9457) for the library's typed failures: the HTTP status each failure maps
 * to, and the body — its tag as `type` and `title`, its message as `detail`, and the field-level
 * issues (`errors: [{ path, reason }]`) when it has them. Failures never carry personal data, so
 * neither do problems.
 *
 * @since 0.2.0
 */
import { Schema } from "effect"

/** The base of every problem `type` URI; the failure's tag follows it. */
export const problemBase = "https://fayuan.dev/problems/"

/**
 * One field-level issue: where (`applicant.household.members`, `lawyers[2].id`) and why.
 *
 * @category models
 */
export interface ProblemIssue {
  readonly path: string
  readonly reason: string
}

/**
 * An RFC 9457 problem as this service sends it.
 *
 * @category models
 */
export interface Problem {
  readonly type: string
  readonly title: string
  readonly status: number
  readonly detail: string
  readonly errors?: ReadonlyArray<ProblemIssue>
}

/**
 * The status of each failure tag. Tags not listed are a server fault (500): the library's own
 * failures are all listed, so an unlisted tag is a bug to report, not the caller's doing.
 *
 * @category mapping
 */
export const statusOfTag: Readonly<Record<string, number>> = {
  // the request itself
  MalformedBody: 400,
  InvalidToken: 401,
  Forbidden: 403,
  NotFound: 404,
  MethodNotAllowed: 405,
  PayloadTooLarge: 413,
  // input the library refuses, field by field
  InvalidApplication: 422,
  InvalidCommand: 422,
  InvalidRequest: 422,
  InvalidActor: 422,
  InvalidAssignmentInput: 422,
  InvalidRosterInput: 422,
  InvalidClaim: 422,
  InvalidBudget: 422,
  InvalidEntries: 422,
  InvalidEntry: 422,
  InvalidScheme: 422,
  InvalidCalendarDate: 422,
  InvalidRegionCode: 422,
  InvalidId: 422,
  InvalidAmount: 422,
  InvalidRatio: 422,
  InvalidAllocation: 422,
  InvalidParameterOverrides: 422,
  InvalidRecords: 422,
  InvalidParty: 422,
  InvalidResidentId: 422,
  InvalidCitation: 422,
  UnknownLine: 422,
  // the state of things
  CaseNotFound: 404,
  RosterNotFound: 404,
  BudgetNotFound: 404,
  DocumentNotIssued: 404,
  TokenVerificationUnavailable: 503,
  CaseAlreadyExists: 409,
  CommandRejected: 409,
  RecordConflict: 409,
  BudgetConflict: 409,
  IdempotencyConflict: 409,
  NoQualifiedLawyer: 409,
  VersionConflict: 412,
  ConcurrentChange: 409,
  // rules and data the service is not configured with
  NoRuleSetInForce: 422,
  MissingParameter: 422,
  NoStandardInForce: 422,
  NotCovered: 422,
  NoTemplate: 422,
  MissingFact: 422,
  NothingToEvaluate: 422,
  BudgetYearMismatch: 422,
  UnplaceablePayable: 422,
  // the server's side
  FormatUnavailable: 501,
  CorruptRecord: 500,
  RenderFailed: 500,
  DocumentConfiguration: 500,
  StoreError: 503,
  ShuttingDown: 503
}

/** A command refused for who asks, not for what: the actor's role or region (403). */
const forbiddenReasons: ReadonlySet<string> = new Set(["wrong-role", "other-region", "not-assigned-lawyer"])

/**
 * The status a failure maps to: its tag's, with `CommandRejected` refined by its reason — the
 * actor's role or region (403), a case that does not exist (404), the case's state (409).
 *
 * @example
 * import { statusOf } from "fayuan/adapters/http"
 * statusOf({ _tag: "VersionConflict" }) // 412
 * statusOf({ _tag: "CommandRejected", reason: "wrong-role" }) // 403
 *
 * @category mapping
 */
export const statusOf = (failure: { readonly _tag: string; readonly reason?: unknown }): number => {
  if (failure._tag === "CommandRejected") {
    if (typeof failure.reason === "string" && forbiddenReasons.has(failure.reason)) return 403
    if (failure.reason === "no-such-case") return 404
    // No rules in force for the case's day: the request's facts (422); a context the service
    // built badly: the server's fault (500).
    if (failure.reason === "no-rules") return 422
    if (failure.reason === "invalid-context") return 500
  }
  // The database not answering is worth a retry (503); a store misconfigured (personal data
  // protection not set up, a seal that does not open) is not (500).
  if (failure._tag === "StoreError" && typeof failure.reason === "string" && !failure.reason.startsWith("database error")) return 500
  return statusOfTag[failure._tag] ?? 500
}

const isIssue = (u: unknown): u is ProblemIssue =>
  typeof u === "object" && u !== null && typeof (u as ProblemIssue).path === "string" && typeof (u as ProblemIssue).reason === "string"

/**
 * The problem for a failure. A failure the server does not know (a defect) becomes a bare 500
 * whose detail says nothing of it: its message might hold anything.
 *
 * @example
 * import { problemOf } from "fayuan/adapters/http"
 * problemOf({ _tag: "CaseNotFound", message: "no case X-1 in this scope" })
 * // { type: "https://fayuan.dev/problems/CaseNotFound", title: "CaseNotFound", status: 404, detail: "no case X-1 in this scope" }
 *
 * @category mapping
 */
export const problemOf = (failure: { readonly _tag: string; readonly message?: string; readonly issues?: unknown; readonly reason?: unknown }): Problem => {
  const status = statusOf(failure)
  if (statusOfTag[failure._tag] === undefined) {
    return { type: `${problemBase}InternalError`, title: "InternalError", status: 500, detail: "the server failed; the failure is logged without the request's data" }
  }
  const issues = Array.isArray(failure.issues) ? failure.issues.filter(isIssue).map((i) => ({ path: safePath(excess.test(i.reason) ? unknownLast(i.path) : i.path), reason: i.reason })) : undefined
  const withIssues = issues !== undefined && issues.length > 0
  return {
    type: `${problemBase}${failure._tag}`,
    title: failure._tag,
    status,
    // With issues, the detail is made of them (their paths made safe), not the failure's message.
    detail: withIssues ? `${failure._tag}: ${issues.map((i) => `${i.path || "(body)"}: ${i.reason}`).join("; ")}` : failure.message ?? failure._tag,
    ...(withIssues ? { errors: issues } : {})
  }
}

/** The reasons that say a key is not a field: the key is the caller's own, never repeated. */
const excess = /excess property|unexpected key|is not a field/i

/** The path with its last key named `<unknown field>` (an index stays: it is no name). */
const unknownLast = (path: string): string => {
  const m = /^(.*?)([^.\[\]]+)((?:\[\d+\])*)$/.exec(path)
  return m === null ? "<unknown field>" : `${m[1]}<unknown field>${m[3]}`
}

const segment = /^[A-Za-z_$][\w$-]{0,63}(\[\d{1,9}\])*$|^\[\d{1,9}\]$/

/**
 * A path with every segment that is not a plain field name replaced by `<unknown field>`: a key
 * the caller made up (`"张三 13800138000": 1`) is named as unknown, never repeated.
 *
 * @example
 * import { safePath } from "fayuan/adapters/http"
 * safePath("applicant.household.members") // "applicant.household.members"
 * safePath("lawyers.张三.name") // "lawyers.<unknown field>.name"
 *
 * @category mapping
 */
export const safePath = (path: string): string =>
  path === "" ? "" : path.split(".").map((s) => (segment.test(s) ? s : "<unknown field>")).join(".")

/**
 * The problem body's schema, for the OpenAPI document.
 *
 * @category schemas
 */
export const ProblemSchema = Schema.Struct({
  type: Schema.String,
  title: Schema.String,
  status: Schema.Int,
  detail: Schema.String,
  errors: Schema.optionalKey(Schema.Array(Schema.Struct({ path: Schema.String, reason: Schema.String })))
}).annotate({ identifier: "Problem", description: "RFC 9457 problem details: the failure's tag, its message, and the fields at fault." })
