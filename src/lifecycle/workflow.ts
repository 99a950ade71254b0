/**
 * The workflow: the calls a host system makes. Each loads a case from the `CaseStore`, runs a
 * command through `transition`, and appends its events at the version it loaded — so two clerks
 * acting on one case at once never lose an update: the second gets a `VersionConflict`.
 *
 * @since 0.1.0
 */
import { Effect, Result } from "effect"
import type * as CalendarDate from "../CalendarDate.ts"
import type * as Region from "../Region.ts"
import type { Case } from "./Case.ts"
import { replay } from "./Case.ts"
import type { DueItem } from "./Clock.ts"
import { dueOn } from "./Clock.ts"
import type { Command, Context } from "./Command.ts"
import type { CaseEvent } from "./Event.ts"
import { specOf } from "./machine.ts"
import type { CaseNotFound, CorruptRecord, InvalidAppend, StoreError, VersionConflict } from "./Store.ts"
import { CaseStore } from "./Store.ts"
import type { CommandRejected } from "./transition.ts"
import { transition } from "./transition.ts"
import { evolve } from "./Case.ts"

/**
 * Every way {@link execute} can fail.
 *
 * @category errors
 */
export type ExecuteError = CommandRejected | VersionConflict | CaseNotFound | CorruptRecord | InvalidAppend | StoreError

/**
 * Loads the case, runs the command, appends the events; returns the case after them and the
 * events. Nothing is written when the command is rejected or the append conflicts.
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
export const execute = Effect.fn("fayuan/lifecycle/execute")(function* (caseId: string, command: Command, ctx: Context) {
  const store = yield* CaseStore
  const opens = specOf(command.type).opens
  const events: ReadonlyArray<CaseEvent> = opens ? [] : yield* store.load(caseId, ctx.actor.region)
  const current = replay(events)
  if (opens && (command as { caseId: string }).caseId !== caseId) {
    return yield* Effect.die(new Error("execute: the command's caseId differs from the caseId given"))
  }
  const produced = transition(current, command, ctx)
  if (Result.isFailure(produced)) return yield* Effect.fail(produced.failure)
  yield* store.append(caseId, current?.version ?? 0, produced.success)
  let next = current
  for (const e of produced.success) next = evolve(next, e)
  return { case: next!, events: produced.success } as { readonly case: Case; readonly events: ReadonlyArray<CaseEvent> }
})

/**
 * Loads one case as it stands.
 *
 * @category workflow
 */
export const load = Effect.fn("fayuan/lifecycle/load")(function* (caseId: string, scope: Region.RegionCode) {
  const store = yield* CaseStore
  return replay(yield* store.load(caseId, scope))!
})

/**
 * Every case in a region scope, folded. A case whose log does not decode is skipped and reported
 * in `corrupt`, so one bad record does not hide the rest.
 *
 * @category workflow
 */
export const loadAll = Effect.fn("fayuan/lifecycle/loadAll")(function* (scope: Region.RegionCode) {
  const store = yield* CaseStore
  const heads = yield* store.list(scope)
  const cases: Array<Case> = []
  const corrupt: Array<CorruptRecord> = []
  for (const head of heads) {
    const events = yield* Effect.result(store.load(head.caseId, scope))
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
  const { cases } = yield* loadAll(scope)
  return dueOn(cases, on, options) as ReadonlyArray<DueItem>
})
