/**
 * The workflow: the calls a host system makes. Each loads a case from the `CaseStore`, runs a
 * command through `transition`, and appends its events at the version it loaded — so two clerks
 * acting on one case at once never lose an update: the second gets a `VersionConflict`.
 *
 * @since 0.1.0
 */
import { Effect, Result, Schema } from "effect"
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
import type { CaseNotFound, CorruptRecord, InvalidAppend, StoreError } from "./Store.ts"
import { CaseAlreadyExists, CaseStore, VersionConflict } from "./Store.ts"
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

/**
 * Loads the case, runs the command, appends the events; returns the case after them and the
 * events. Nothing is written when anything fails. Every argument is checked first, so whatever a
 * caller sends ends in a typed failure, never an exception: a malformed command is an
 * `InvalidCommand`; a bad case id, context or option an `InvalidRequest`; an opening command for a
 * case that exists a `CaseAlreadyExists`; a case no longer at `options.expectedVersion` a
 * `VersionConflict`.
 *
 * @example
 * import { Effect } from "effect"
 * import { execute } from "fayuan/lifecycle"
 * import { layer } from "fayuan/adapters/memory"
 * const program = execute("c1", { type: "apply", caseId: "c1", region: "530103", kind: "civil", channel: "centre" }, ctx)
 * Effect.runSync(Effect.provide(program, layer()))
 *
 * @category workflow
 */
export const execute = Effect.fn("fayuan/lifecycle/execute")(function* (
  caseId: string,
  command: Command,
  ctx: Context,
  options?: ExecuteOptions
) {
  const badId = typeof caseId === "string" ? Id.problem(caseId) : "expected a string"
  if (badId !== undefined) return yield* invalid("caseId", badId)
  const decoded = decodeCommand(command)
  if (Result.isFailure(decoded)) return yield* Effect.fail(decoded.failure)
  const cmd = decoded.success
  const contextProblems = contextIssues(ctx)
  if (contextProblems.length > 0) return yield* Effect.fail(new InvalidRequest({ issues: contextProblems }))
  const expected = options?.expectedVersion
  if (expected !== undefined && (!Number.isSafeInteger(expected) || expected < 0)) {
    return yield* invalid("options.expectedVersion", "expected a whole number ≥ 0")
  }
  const store = yield* CaseStore
  const opens = specOf(cmd.type).opens
  if (opens) {
    const opening = cmd as { readonly caseId: string; readonly region: Region.RegionCode }
    if (opening.caseId !== caseId) {
      return yield* Effect.fail(new InvalidCommand({ issues: [{ path: "caseId", reason: `differs from the case id given to execute (${caseId})` }] }))
    }
    const on = chinaDate(ctx.occurredAt ?? ctx.at)
    if (on !== undefined && !Region.existedOn(opening.region, on)) {
      return yield* Effect.fail(new InvalidCommand({ issues: [{ path: "region", reason: `names no division in force on ${on} (GB/T 2260)` }] }))
    }
  }
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
    if (opens && e._tag === "VersionConflict") {
      return yield* Effect.fail(new CaseAlreadyExists({ caseId }))
    }
    return yield* Effect.fail(e)
  }
  let next = current
  for (const e of produced.success) next = evolve(next, e)
  return { case: next!, events: produced.success } as { readonly case: Case; readonly events: ReadonlyArray<CaseEvent> }
})

/**
 * Loads one case as it stands.
 *
 * @category workflow
 */
export const load = Effect.fn("fayuan/lifecycle/load")(function* (scope: Region.RegionCode, caseId: string) {
  const badId = typeof caseId === "string" ? Id.problem(caseId) : "expected a string"
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
