/**
 * The workflow: the calls a host system makes. Each loads a case from the `CaseStore`, runs a
 * command through `transition`, and appends its events at the version it loaded — so two clerks
 * acting on one case at once never lose an update: the second gets a `VersionConflict`.
 *
 * @since 0.1.0
 */
import { Data, Effect, Result, Schema } from "effect"
import type * as CalendarDate from "../CalendarDate.ts"
import * as CalendarDateModule from "../CalendarDate.ts"
import * as Region from "../Region.ts"
import type { Case } from "./Case.ts"
import { replay } from "./Case.ts"
import type { DueItem } from "./Clock.ts"
import { dueOn } from "./Clock.ts"
import type { Command, Context } from "./Command.ts"
import { contextIssues, decodeCommand, InvalidCommand, InvalidRequest } from "./Command.ts"
import * as Id from "../Id.ts"
import type { CaseEvent } from "./Event.ts"
import { specOf } from "./machine.ts"
import { chinaDate } from "./time.ts"
import type { CorruptRecord, InvalidAppend, StoreError } from "./Store.ts"
import { CaseAlreadyExists, CaseNotFound, CaseStore, VersionConflict } from "./Store.ts"
import type { CommandRejected } from "./transition.ts"
import { transition } from "./transition.ts"
import { evolve } from "./Case.ts"

/**
 * Every way {@link execute} can fail.
 *
 * @category errors
 */
export type ExecuteError =
  | InvalidCommand
  | InvalidRequest
  | CommandRejected
  | CaseAlreadyExists
  | VersionConflict
  | CaseNotFound
  | CorruptRecord
  | InvalidAppend
  | StoreError

/**
 * Options of {@link execute}.
 *
 * @category models
 */
export interface ExecuteOptions {
  /**
   * The version the caller's screen was built from (the `If-Match` pattern): the command applies
   * only if the case is still at it, else `VersionConflict`. Without it the command applies to
   * the case as it stands when loaded.
   */
  readonly expectedVersion?: number
}

const isRegion = Schema.is(Region.RegionCode)
const isDate = Schema.is(CalendarDateModule.CalendarDate)

const invalid = (path: string, reason: string) => Effect.fail(new InvalidRequest({ issues: [{ path, reason }] }))

const idProblem = (caseId: unknown): string | undefined => (typeof caseId === "string" ? Id.problem(caseId) : "expected a string")

/**
 * Checks one request before anything is read: the case id, the command (decoded), the context,
 * the expected version, and for an opening command its case id and its region on the day.
 */
const checkRequest = (
  caseId: string,
  command: unknown,
  ctx: Context,
  expected: number | undefined,
  prefix: string
): Result.Result<Command, InvalidCommand | InvalidRequest> => {
  const at = (path: string) => (prefix === "" ? path : `${prefix}.${path}`)
  const badId = idProblem(caseId)
  if (badId !== undefined) return Result.fail(new InvalidRequest({ issues: [{ path: at("caseId"), reason: badId }] }))
  const decoded = decodeCommand(command)
  if (Result.isFailure(decoded)) {
    return prefix === "" ? decoded : Result.fail(new InvalidCommand({ issues: decoded.failure.issues.map((i) => ({ ...i, path: i.path === "" ? at("command") : at(`command.${i.path}`) })) }))
  }
  const contextProblems = contextIssues(ctx, at("context"))
  if (contextProblems.length > 0) return Result.fail(new InvalidRequest({ issues: contextProblems }))
  if (expected !== undefined && (!Number.isSafeInteger(expected) || expected < 0)) {
    return Result.fail(new InvalidRequest({ issues: [{ path: at(prefix === "" ? "options.expectedVersion" : "expectedVersion"), reason: "expected a whole number ≥ 0" }] }))
  }
  const cmd = decoded.success
  if (specOf(cmd.type).opens) {
    const opening = cmd as { readonly caseId: string; readonly region: Region.RegionCode }
    const commandPath = (field: string) => (prefix === "" ? field : at(`command.${field}`))
    if (opening.caseId !== caseId) {
      return Result.fail(new InvalidCommand({ issues: [{ path: commandPath("caseId"), reason: `differs from the case id given to execute (${caseId})` }] }))
    }
    const on = chinaDate(ctx.occurredAt ?? ctx.at)
    if (on !== undefined && !Region.existedOn(opening.region, on)) {
      return Result.fail(new InvalidCommand({ issues: [{ path: commandPath("region"), reason: `names no division in force on ${on} (GB/T 2260)` }] }))
    }
  }
  return Result.succeed(cmd)
}

/**
 * Loads the case, runs the command, appends the events; returns the case after them and the
 * events. Nothing is written when anything fails. Every argument is checked first, so whatever a
 * caller sends ends in a typed failure, never an exception: a malformed command is an
 * `InvalidCommand`; a bad case id, context or option an `InvalidRequest`; an opening command for a
 * case that exists a `CaseAlreadyExists`; a case no longer at `options.expectedVersion` a
 * `VersionConflict`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { execute, type Context } from "fayuan/lifecycle"
 * declare const ctx: Context
 * // the reviewer's screen showed version 2: apply only if nobody acted since
 * const program = execute("2024-0001", { type: "startReview" }, ctx, { expectedVersion: 2 })
 * ```
 *
 * @category workflow
 */
export const execute = Effect.fn("fayuan/lifecycle/execute")(function* (
  caseId: string,
  command: Command,
  ctx: Context,
  options?: ExecuteOptions
) {
  const expected = options?.expectedVersion
  const checked = checkRequest(caseId, command, ctx, expected, "")
  if (Result.isFailure(checked)) return yield* Effect.fail(checked.failure)
  const cmd = checked.success
  const store = yield* CaseStore
  const opens = specOf(cmd.type).opens
  const events: ReadonlyArray<CaseEvent> = opens ? [] : yield* store.load(ctx.actor.region, caseId)
  const current = replay(events)
  const version = current?.version ?? 0
  if (expected !== undefined && expected !== version && !opens) {
    return yield* Effect.fail(new VersionConflict({ caseId, expected, actual: version }))
  }
  const produced = transition(current, cmd, ctx)
  if (Result.isFailure(produced)) return yield* Effect.fail(produced.failure)
  const appended = yield* Effect.result(store.append([{ caseId, expectedVersion: version, events: produced.success }]))
  if (Result.isFailure(appended)) {
    const e = appended.failure
    if (opens && e._tag === "VersionConflict") return yield* Effect.fail(new CaseAlreadyExists({ caseId }))
    return yield* Effect.fail(e)
  }
  let next = current
  for (const e of produced.success) next = evolve(next, e)
  return { case: next!, events: produced.success } as { readonly case: Case; readonly events: ReadonlyArray<CaseEvent> }
})

/**
 * One command of a batch for {@link executeMany}.
 *
 * @category models
 */
export interface ExecuteRequest {
  readonly caseId: string
  readonly command: Command
  readonly ctx: Context
  /** As {@link ExecuteOptions.expectedVersion}: the version the case must be at before this command. */
  readonly expectedVersion?: number
}

/**
 * A request of a batch failed: which one (its index and case) and why. Nothing of the batch was
 * written.
 *
 * @category errors
 */
export class RequestFailed extends Data.TaggedError("RequestFailed")<{
  readonly index: number
  readonly caseId: string
  readonly error: InvalidCommand | InvalidRequest | CommandRejected | CaseAlreadyExists | VersionConflict | CaseNotFound | CorruptRecord
}> {
  override get message(): string {
    return `request ${this.index} (case ${this.caseId}): ${this.error.message}`
  }
}

/**
 * Runs many commands, over one or many cases, in order and in one transaction: all or nothing.
 * For imports, replays and a day's paper records entered at once. Each case is loaded once, the
 * commands are run in the order given (a case opened by one request can take later ones), and
 * every event is appended in a single batch at the versions read. A request that fails — as it
 * would fail `execute` — fails the batch as a `RequestFailed` naming it; a concurrent writer makes
 * it a `VersionConflict` naming the case. Returns the cases after the batch and the events.
 *
 * @example
 * ```ts
 * import { executeMany, type Context } from "fayuan/lifecycle"
 * declare const ctx: (role: "intake" | "reviewer") => Context
 * const day = executeMany([
 *   { caseId: "A", command: { type: "startReview" }, ctx: ctx("reviewer") },
 *   { caseId: "B", command: { type: "supplyMaterials" }, ctx: ctx("intake") }
 * ])
 * ```
 *
 * @category workflow
 */
export const executeMany = Effect.fn("fayuan/lifecycle/executeMany")(function* (requests: ReadonlyArray<ExecuteRequest>) {
  if (!Array.isArray(requests)) return yield* invalid("requests", "expected an array of requests")
  const store = yield* CaseStore
  const cases = new Map<string, Case | undefined>()
  const base = new Map<string, number>()
  const produced: Array<{ caseId: string; expectedVersion: number; events: Array<CaseEvent> }> = []
  const fail = (index: number, caseId: string, error: RequestFailed["error"]) => Effect.fail(new RequestFailed({ index, caseId, error }))
  for (let i = 0; i < requests.length; i++) {
    const r = requests[i] as ExecuteRequest | undefined
    if (typeof r !== "object" || r === null) return yield* invalid(`requests[${i}]`, "expected a request { caseId, command, ctx }")
    const checked = checkRequest(r.caseId, r.command, r.ctx, r.expectedVersion, `requests[${i}]`)
    if (Result.isFailure(checked)) return yield* fail(i, String(r.caseId), checked.failure)
    const cmd = checked.success
    const opens = specOf(cmd.type).opens
    if (!cases.has(r.caseId)) {
      if (opens) cases.set(r.caseId, undefined)
      else {
        const events = yield* Effect.result(store.load(r.ctx.actor.region, r.caseId))
        if (Result.isFailure(events)) {
          if (events.failure._tag === "StoreError") return yield* Effect.fail(events.failure)
          return yield* fail(i, r.caseId, events.failure)
        }
        cases.set(r.caseId, replay(events.success))
      }
      base.set(r.caseId, cases.get(r.caseId)?.version ?? 0)
    }
    const current = cases.get(r.caseId)
    if (opens && current !== undefined) return yield* fail(i, r.caseId, new CaseAlreadyExists({ caseId: r.caseId }))
    if (!opens && current !== undefined && !Region.contains(r.ctx.actor.region, current.region)) {
      return yield* fail(i, r.caseId, new CaseNotFound({ caseId: r.caseId }))
    }
    const version = current?.version ?? 0
    if (r.expectedVersion !== undefined && r.expectedVersion !== version && !opens) {
      return yield* fail(i, r.caseId, new VersionConflict({ caseId: r.caseId, expected: r.expectedVersion, actual: version }))
    }
    const step = transition(current, cmd, r.ctx)
    if (Result.isFailure(step)) return yield* fail(i, r.caseId, step.failure)
    let next = current
    for (const e of step.success) next = evolve(next, e)
    cases.set(r.caseId, next)
    const last = produced.at(-1)
    if (last !== undefined && last.caseId === r.caseId) last.events.push(...step.success)
    else produced.push({ caseId: r.caseId, expectedVersion: version, events: [...step.success] })
  }
  const appended = yield* Effect.result(store.append(produced))
  if (Result.isFailure(appended)) {
    const e = appended.failure
    // A case this batch opened that another writer opened first: the double submission.
    if (e._tag === "VersionConflict" && base.get(e.caseId) === 0 && e.expected === 0) {
      return yield* fail(requests.findIndex((r) => r.caseId === e.caseId), e.caseId, new CaseAlreadyExists({ caseId: e.caseId }))
    }
    return yield* Effect.fail(e)
  }
  const out = new Map<string, Case>()
  for (const [id, c] of cases) if (c !== undefined) out.set(id, c)
  return { cases: out as ReadonlyMap<string, Case>, events: produced.flatMap((p) => p.events) as ReadonlyArray<CaseEvent> }
})

/**
 * Loads one case as it stands.
 *
 * @category workflow
 */
export const load = Effect.fn("fayuan/lifecycle/load")(function* (scope: Region.RegionCode, caseId: string) {
  const badId = idProblem(caseId)
  if (badId !== undefined) return yield* invalid("caseId", badId)
  if (!isRegion(scope)) return yield* invalid("scope", "expected a region code")
  const store = yield* CaseStore
  return replay(yield* store.load(scope, caseId))!
})

/**
 * Every case in a region scope, folded. A case whose log does not decode is skipped and reported
 * in `corrupt`, so one bad record does not hide the rest.
 *
 * @category workflow
 */
export const loadAll = Effect.fn("fayuan/lifecycle/loadAll")(function* (scope: Region.RegionCode) {
  if (!isRegion(scope)) return yield* invalid("scope", "expected a region code")
  const store = yield* CaseStore
  const heads = yield* store.list(scope)
  const cases: Array<Case> = []
  const corrupt: Array<CorruptRecord> = []
  for (const head of heads) {
    const events = yield* Effect.result(store.load(scope, head.caseId))
    if (Result.isSuccess(events)) cases.push(replay(events.success)!)
    else if (events.failure._tag === "CorruptRecord") corrupt.push(events.failure)
    else if (events.failure._tag === "StoreError") return yield* Effect.fail(events.failure)
  }
  return { cases, corrupt } as { readonly cases: ReadonlyArray<Case>; readonly corrupt: ReadonlyArray<CorruptRecord> }
})

/**
 * What is due or overdue on a date across every case in a scope.
 *
 * @category workflow
 */
export const dueInScope = Effect.fn("fayuan/lifecycle/dueInScope")(function* (
  scope: Region.RegionCode,
  on: CalendarDate.CalendarDate,
  options?: { readonly within?: number }
) {
  if (!isDate(on)) return yield* invalid("on", "expected a calendar date YYYY-MM-DD")
  const within = options?.within
  if (within !== undefined && (!Number.isSafeInteger(within) || within < 0)) return yield* invalid("options.within", "expected a whole number ≥ 0")
  const { cases } = yield* loadAll(scope)
  return dueOn(cases, on, options) as ReadonlyArray<DueItem>
})
