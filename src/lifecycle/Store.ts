/**
 * The port for case event logs: an Effect service every storage adapter implements.
 *
 * Guarantees an adapter must keep (the contract suite checks each one):
 * - **optimistic concurrency**: `append` at an expected version that is no longer current fails
 *   with {@link VersionConflict} and writes nothing; a batch is written whole or not at all;
 * - **region scoping**: `load` and `list` see only cases inside the scope's region (a city or
 *   province sees its subtree); a case outside it is reported as not found;
 * - **every read decodes**: a record that no longer decodes is a {@link CorruptRecord} naming it,
 *   and does not stop the other cases from being listed.
 *
 * @since 0.1.0
 */
import { Context, Data, Schema } from "effect"
import * as Id from "../Id.ts"
import * as RegionModule from "../Region.ts"
import type { Effect } from "effect"
import type * as CalendarDate from "../CalendarDate.ts"
import type * as Region from "../Region.ts"
import type { State } from "./vocabulary.ts"
import type { CorruptRecord, StoreError } from "../Storage.ts"
import type { CaseEvent } from "./Event.ts"

/**
 * Someone else appended first: the case is at `actual`, not `expected`. Reload and retry.
 *
 * @category errors
 */
export class VersionConflict extends Data.TaggedError("VersionConflict")<{
  readonly caseId: string
  readonly expected: number
  readonly actual: number
}> {
  override get message(): string {
    return `case ${this.caseId} is at version ${this.actual}, not ${this.expected}: reload and retry`
  }
}

/**
 * A case with this id already exists: an opening command (apply, notify) sent twice — a double
 * submission. Retrying cannot succeed; load the case instead.
 *
 * @category errors
 */
export class CaseAlreadyExists extends Data.TaggedError("CaseAlreadyExists")<{ readonly caseId: string }> {
  override get message(): string {
    return `case ${this.caseId} already exists: load it instead of opening it again`
  }
}

/**
 * No case with this id in the scope.
 *
 * @category errors
 */
export class CaseNotFound extends Data.TaggedError("CaseNotFound")<{ readonly caseId: string }> {
  override get message(): string {
    return `no case ${this.caseId} in this scope`
  }
}

/**
 * An append that is not well formed (events of another case, out of sequence, wrong region).
 *
 * @category errors
 */
export class InvalidAppend extends Data.TaggedError("InvalidAppend")<{ readonly caseId: string; readonly reason: string }> {
  override get message(): string {
    return `invalid append to case ${this.caseId}: ${this.reason}`
  }
}

export { CorruptRecord, StoreError } from "../Storage.ts"

/**
 * A case in a listing.
 *
 * @category models
 */
export interface CaseHead {
  readonly caseId: string
  readonly region: Region.RegionCode
  readonly version: number
  readonly state: State
  /** The lawyer on the case now, and the day they took it. */
  readonly lawyer?: { readonly lawyerId: string; readonly since: CalendarDate.CalendarDate }
  /** The day the case closed (withdrawn, refused for good, or archived): retention counts from it. */
  readonly closedOn?: CalendarDate.CalendarDate
}

/**
 * One append of a batch.
 *
 * @category models
 */
export interface AppendRequest {
  readonly caseId: string
  readonly expectedVersion: number
  readonly events: ReadonlyArray<CaseEvent>
}

/**
 * Checks a batch and merges each case's requests into one (versions must chain, events must be
 * the case's, in sequence, in one region). Shared by every adapter so all treat a batch alike.
 *
 * @category batches
 */
export const mergeBatch = (batch: ReadonlyArray<AppendRequest>): ReadonlyArray<AppendRequest & { readonly region: Region.RegionCode }> | InvalidAppend => {
  const merged = new Map<string, { caseId: string; region: Region.RegionCode; expectedVersion: number; events: Array<CaseEvent> }>()
  if (!Array.isArray(batch)) return new InvalidAppend({ caseId: "", reason: "expected an array of appends" })
  for (const request of batch) {
    if (typeof request !== "object" || request === null || !Array.isArray(request.events)) return new InvalidAppend({ caseId: "", reason: "expected { caseId, expectedVersion, events }" })
    const { caseId, expectedVersion, events } = request
    // The same ids on every adapter: what one engine would store and another refuse is refused here.
    const badId = typeof caseId === "string" ? Id.problem(caseId) : "expected a string"
    if (badId !== undefined) return new InvalidAppend({ caseId: typeof caseId === "string" ? caseId.slice(0, Id.maxLength) : "", reason: `case id: ${badId}` })
    if (!Number.isSafeInteger(expectedVersion) || expectedVersion < 0) return new InvalidAppend({ caseId, reason: "expected version: a whole number ≥ 0" })
    if (events.length === 0) continue
    const region = events[0]!.region
    const key = `${region}\u0000${caseId}`
    const current = merged.get(key)
    const start = current === undefined ? expectedVersion : current.expectedVersion + current.events.length
    if (current !== undefined && expectedVersion !== start) {
      return new InvalidAppend({ caseId, reason: `expected version ${expectedVersion} does not follow the batch's earlier append (${start})` })
    }
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!
      if (e.caseId !== caseId) return new InvalidAppend({ caseId, reason: `event ${i} belongs to another case` })
      if (e.sequence !== start + i + 1) return new InvalidAppend({ caseId, reason: `event ${i} has sequence ${e.sequence}, expected ${start + i + 1}` })
      if (e.region !== region) return new InvalidAppend({ caseId, reason: `event ${i} is in another region than the case` })
    }
    if (current === undefined) merged.set(key, { caseId, region, expectedVersion, events: [...events] })
    else current.events.push(...events)
  }
  return [...merged.values()]
}

/**
 * Whether a load or listing can name anything: a well-formed case id (see `Id`) and a region code.
 * Adapters answer `CaseNotFound` (or an empty listing) for anything else without a query, so every
 * engine answers alike.
 *
 * @category batches
 */
export const isLoadable = (scope: unknown, caseId?: unknown): boolean =>
  isRegionCode(scope) && (caseId === undefined || (typeof caseId === "string" && Id.problem(caseId) === undefined))

const isRegionCode = Schema.is(RegionModule.RegionCode)

/**
 * What an adapter provides.
 *
 * @category models
 */
export interface CaseStoreShape {
  /**
   * Appends each request's events (sequences `expectedVersion + 1 …`) to its case's log, if the
   * case is at `expectedVersion` (0 for a new case), all in one transaction: all or nothing. A
   * case may appear more than once if its versions chain; the first conflict fails the whole
   * batch and names its case. Case ids are unique in a deployment: opening a case whose id exists
   * in any region is a conflict. An empty batch, or requests without events, is a no-op.
   */
  readonly append: (batch: ReadonlyArray<AppendRequest>) => Effect.Effect<void, VersionConflict | InvalidAppend | StoreError>
  /** The log of a case inside `scope`, in sequence order. */
  readonly load: (scope: Region.RegionCode, caseId: string) => Effect.Effect<ReadonlyArray<CaseEvent>, CaseNotFound | CorruptRecord | StoreError>
  /** The cases inside `scope`, by case id. */
  readonly list: (scope: Region.RegionCode) => Effect.Effect<ReadonlyArray<CaseHead>, StoreError>
  /**
   * Each lawyer's counts over the cases inside `scope`, as {@link countWorkload} computes them from
   * `list` — counted where the heads are (one aggregate query in SQL), so an assignment does not
   * read every head of a province. Lawyers with no case are absent.
   */
  readonly workload: (scope: Region.RegionCode, period: WorkloadPeriod) => Effect.Effect<ReadonlyMap<string, LawyerCounts>, StoreError>
}

/**
 * A lawyer's counts: cases open with them now (assigned or in progress) and cases they took in
 * the period (by the day the current lawyer took the case: the rotation count).
 *
 * @category models
 */
export interface LawyerCounts {
  readonly openCases: number
  readonly assignedCount: number
}

/**
 * The days a rotation count covers, both ends inclusive.
 *
 * @category models
 */
export interface WorkloadPeriod {
  readonly from: CalendarDate.CalendarDate
  readonly to: CalendarDate.CalendarDate
}

/** The states in which a case is open with its lawyer. */
export const openWithLawyer: ReadonlyArray<string> = ["assigned", "in-progress"]

/**
 * The counts from listed heads: the reference every adapter's `workload` must equal.
 *
 * @example
 * import { CalendarDate } from "fayuan"
 * import { countWorkload, type CaseHead } from "fayuan/lifecycle"
 * declare const heads: ReadonlyArray<CaseHead>
 * const counts = countWorkload(heads, { from: CalendarDate.makeUnsafe("2018-01-01"), to: CalendarDate.makeUnsafe("2018-12-31") })
 * counts.get("L1") // { openCases, assignedCount } or undefined
 *
 * @category batches
 */
export const countWorkload = (heads: ReadonlyArray<CaseHead>, period: WorkloadPeriod): ReadonlyMap<string, LawyerCounts> => {
  const counts = new Map<string, { openCases: number; assignedCount: number }>()
  for (const head of heads) {
    if (head.lawyer === undefined) continue
    let w = counts.get(head.lawyer.lawyerId)
    if (w === undefined) counts.set(head.lawyer.lawyerId, (w = { openCases: 0, assignedCount: 0 }))
    if (openWithLawyer.includes(head.state)) w.openCases++
    if (head.lawyer.since >= period.from && head.lawyer.since <= period.to) w.assignedCount++
  }
  // By lawyer id, whatever the order of the heads.
  return new Map([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/**
 * The case event store service.
 *
 * @example
 * import { Effect } from "effect"
 * import { Region } from "fayuan"
 * import { CaseStore } from "fayuan/lifecycle"
 * const heads = Effect.gen(function* () {
 *   const store = yield* CaseStore
 *   return yield* store.list(Region.makeUnsafe("530103"))
 * })
 *
 * @category services
 */
export class CaseStore extends Context.Service<CaseStore, CaseStoreShape>()("fayuan/CaseStore") {}
