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
import { Context, Data } from "effect"
import type { Effect } from "effect"
import type * as Region from "../Region.ts"
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
 * A stored record that does not decode: which case, which event, and why (never its content).
 *
 * @category errors
 */
export class CorruptRecord extends Data.TaggedError("CorruptRecord")<{
  readonly caseId: string
  readonly sequence: number
  readonly reason: string
}> {
  override get message(): string {
    return `stored event ${this.sequence} of case ${this.caseId} does not decode: ${this.reason}`
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

/**
 * The storage itself failed (connection lost, disk full). The message never holds stored data.
 *
 * @category errors
 */
export class StoreError extends Data.TaggedError("StoreError")<{ readonly operation: string; readonly reason: string }> {
  override get message(): string {
    return `store ${this.operation} failed: ${this.reason}`
  }
}

/**
 * A case in a listing.
 *
 * @category models
 */
export interface CaseHead {
  readonly caseId: string
  readonly region: Region.RegionCode
  readonly version: number
}

/**
 * What an adapter provides.
 *
 * @category models
 */
export interface CaseStoreShape {
  /**
   * Appends `events` (sequences `expectedVersion + 1 …`) to the log of `caseId`, if its current
   * version is `expectedVersion` (0 for a new case). All or nothing.
   */
  readonly append: (
    caseId: string,
    expectedVersion: number,
    events: ReadonlyArray<CaseEvent>
  ) => Effect.Effect<void, VersionConflict | InvalidAppend | StoreError>
  /** The log of a case inside `scope`, in sequence order. */
  readonly load: (caseId: string, scope: Region.RegionCode) => Effect.Effect<ReadonlyArray<CaseEvent>, CaseNotFound | CorruptRecord | StoreError>
  /** The cases inside `scope`, by case id. */
  readonly list: (scope: Region.RegionCode) => Effect.Effect<ReadonlyArray<CaseHead>, StoreError>
}

/**
 * The case event store service.
 *
 * @example
 * import { Effect } from "effect"
 * import { CaseStore } from "fayuan/lifecycle"
 * const heads = Effect.gen(function* () {
 *   const store = yield* CaseStore
 *   return yield* store.list("530103")
 * })
 *
 * @category services
 */
export class CaseStore extends Context.Service<CaseStore, CaseStoreShape>()("fayuan/CaseStore") {}
