/**
 * Assignment through the store: the pool's counts come from the stored cases, so a host keeps only
 * its lawyers' profiles (firm, years of practice, languages, specialties) and nothing in memory
 * between requests or across processes.
 *
 * @since 0.2.0
 */
import { Effect, Schema } from "effect"
import * as CalendarDate from "../CalendarDate.ts"
import { InvalidRequest } from "../lifecycle/Command.ts"
import * as RegionModule from "../Region.ts"
import type { Case } from "../lifecycle/Case.ts"
import type { Context } from "../lifecycle/Command.ts"
import { CaseStore, VersionConflict } from "../lifecycle/Store.ts"
import type { ReassignReason } from "../lifecycle/vocabulary.ts"
import { chinaDate } from "../lifecycle/time.ts"
import { execute, load } from "../lifecycle/workflow.ts"
import type * as Region from "../Region.ts"
import { assign } from "./assign.ts"
import type { CaseToAssign, Lawyer } from "./Input.ts"
import type { AssignOptions, NoQualifiedLawyer } from "./Outcome.ts"
import { assignCommand, caseToAssign, reassignCommand } from "./lifecycle.ts"

/**
 * A lawyer as the host knows them: everything {@link Lawyer} holds but the counts, which
 * {@link workload} reads from the store.
 *
 * @category models
 */
export type LawyerProfile = Omit<Lawyer, "openCases" | "assignedCount">

/**
 * A lawyer's counts: cases open with them now (assigned or in progress) and cases they took in
 * the period (the rotation count).
 *
 * @category models
 */
export interface Workload {
  readonly openCases: number
  readonly assignedCount: number
}

/**
 * A span of days, both ends inclusive.
 *
 * @category models
 */
export interface Period {
  readonly from: CalendarDate.CalendarDate
  readonly to: CalendarDate.CalendarDate
}

const isRegion = Schema.is(RegionModule.RegionCode)
const isDate = Schema.is(CalendarDate.CalendarDate)

/**
 * Each lawyer's counts from the cases stored in `scope`: open cases are those assigned or in
 * progress with the lawyer now; the rotation count is the cases the lawyer took within `period`
 * (by the day the current lawyer took the case). Counted by the store where the heads are (one
 * aggregate query in SQL), no replay.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { CalendarDate, Region } from "fayuan"
 * import { workload } from "fayuan/assignment"
 * const counts = workload(Region.makeUnsafe("530103"), { from: CalendarDate.makeUnsafe("2018-01-01"), to: CalendarDate.makeUnsafe("2018-12-31") })
 * // Effect<ReadonlyMap<string, Workload>, StoreError, CaseStore>
 * ```
 *
 * @category workflow
 */
export const workload = Effect.fn("fayuan/assignment/workload")(function* (scope: Region.RegionCode, period: Period) {
  if (!isRegion(scope)) return yield* Effect.fail(new InvalidRequest({ issues: [{ path: "scope", reason: "expected a region code" }] }))
  const p = period as Partial<Period> | undefined
  if (typeof p !== "object" || p === null || !isDate(p.from) || !isDate(p.to) || p.from > p.to) {
    return yield* Effect.fail(new InvalidRequest({ issues: [{ path: "period", reason: "expected { from, to }, calendar dates with from ≤ to" }] }))
  }
  const store = yield* CaseStore
  return (yield* store.workload(scope, { from: period.from, to: period.to })) as ReadonlyMap<string, Workload>
})

/**
 * The pool `assign` takes: each profile with its counts (none stored: zero).
 *
 * @category workflow
 */
export const poolOf = (profiles: ReadonlyArray<LawyerProfile>, counts: ReadonlyMap<string, Workload>): ReadonlyArray<Lawyer> =>
  profiles.map((p) => ({ ...p, openCases: counts.get(p.id)?.openCases ?? 0, assignedCount: counts.get(p.id)?.assignedCount ?? 0 }))

/**
 * Options of {@link assignCase} and {@link reassignCase}.
 *
 * @category models
 */
export interface AssignCaseOptions extends AssignOptions {
  /** The rotation period the counts are taken over; the calendar year of the command's day by default. */
  readonly period?: Period
  /** The scope the pool works in (its counts are read there); the actor's region by default. */
  readonly scope?: Region.RegionCode
  /** What only the host knows of the case: languages, specialty, opposing parties, … */
  readonly extra?: Omit<Partial<CaseToAssign>, "caseId" | "region" | "kind" | "requirements">
  /**
   * The version the caller saw (`If-Match`): a `VersionConflict` if the case is at another, checked
   * before the lawyer is chosen and again when the assignment is appended.
   */
  readonly expectedVersion?: number
}

const yearOf = (ctx: Context): Period => {
  const day = chinaDate(ctx.occurredAt ?? ctx.at) ?? CalendarDate.makeUnsafe("2000-01-01")
  const year = day.slice(0, 4)
  return { from: CalendarDate.makeUnsafe(`${year}-01-01`), to: CalendarDate.makeUnsafe(`${year}-12-31`) }
}

/** The case is at the version the caller saw, or a `VersionConflict`. */
const atVersion = (current: Case, expected: number | undefined): Effect.Effect<void, VersionConflict> =>
  expected === undefined || expected === current.version ? Effect.void : Effect.fail(new VersionConflict({ caseId: current.id, expected, actual: current.version }))

const choose = Effect.fn("fayuan/assignment/choose")(function* (current: Case, profiles: ReadonlyArray<LawyerProfile>, ctx: Context, options: AssignCaseOptions) {
  const counts = yield* workload(options.scope ?? ctx.actor.region, options.period ?? yearOf(ctx))
  const choice = assign(caseToAssign(current, options.extra), poolOf(profiles, counts), options)
  if (choice._tag === "NoQualifiedLawyer") return yield* Effect.fail(choice as NoQualifiedLawyer)
  return choice
})

/**
 * Assigns a granted case through the store: loads it, reads the pool's counts from the stored
 * cases ({@link workload}), chooses by the filters and the rotation, and executes the `assign`
 * command at the version it read (so a concurrent change is a `VersionConflict`, not a double
 * assignment). Fails with `NoQualifiedLawyer` (every lawyer excluded, with the reason) and writes
 * nothing then.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { assignCase, type LawyerProfile } from "fayuan/assignment"
 * import type { Context } from "fayuan/lifecycle"
 * declare const profiles: ReadonlyArray<LawyerProfile>
 * declare const ctx: Context
 * const assigned = assignCase("2024-0001", profiles, ctx, { extra: { specialty: "labour" } })
 * ```
 *
 * @category workflow
 */
export const assignCase = Effect.fn("fayuan/assignment/assignCase")(function* (
  caseId: string,
  profiles: ReadonlyArray<LawyerProfile>,
  ctx: Context,
  options: AssignCaseOptions = {}
) {
  const current = yield* load(ctx.actor.region, caseId)
  yield* atVersion(current, options.expectedVersion)
  const choice = yield* choose(current, profiles, ctx, options)
  const done = yield* execute(caseId, assignCommand(choice), ctx, { expectedVersion: current.version })
  return { ...done, assignment: choice }
})

/**
 * Replaces the lawyer of an assigned case through the store (after a complaint, a conflict, or
 * unavailability), as {@link assignCase} does: the lawyer replaced after a complaint or a conflict
 * is excluded from the choice.
 *
 * @category workflow
 */
export const reassignCase = Effect.fn("fayuan/assignment/reassignCase")(function* (
  caseId: string,
  profiles: ReadonlyArray<LawyerProfile>,
  reason: ReassignReason,
  ctx: Context,
  options: AssignCaseOptions = {}
) {
  const extra = options.extra ?? {}
  const current = yield* load(ctx.actor.region, caseId)
  yield* atVersion(current, options.expectedVersion)
  // The lawyer on the case now may not be chosen again for it.
  const excluded = [...(extra.excludedLawyers ?? []), ...(current.lawyer === undefined ? [] : [current.lawyer.lawyerId])]
  const choice = yield* choose(current, profiles, ctx, { ...options, extra: { ...extra, excludedLawyers: excluded } })
  const done = yield* execute(caseId, reassignCommand(choice, reason), ctx, { expectedVersion: current.version })
  return { ...done, assignment: choice }
})
