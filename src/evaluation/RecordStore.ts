/**
 * The port for evaluation records (network points, consultations, drafted documents, activities,
 * trainings, staff positions, surveys): an Effect service every storage adapter implements.
 *
 * Guarantees an adapter keeps (the contract suite checks each one):
 * - **idempotent by key**: a record is stored under (region, type, id). Putting the same content
 *   again changes nothing; putting other content under a stored key is a {@link RecordConflict}
 *   unless `replace` is asked for (a correction) — records are facts entered once, so an
 *   accidental second entry under an old id is reported, not silently applied;
 * - **all or nothing**: a batch with a bad record or a conflict stores nothing;
 * - **region scoping**: `list` sees only records inside the scope's region;
 * - **every read decodes**: a stored record that no longer decodes is a `CorruptRecord`.
 *
 * @since 0.1.0
 */
import { Context, Data, Effect, Result } from "effect"
import type * as Region from "../Region.ts"
import type { CorruptRecord, StoreError } from "../Storage.ts"
import type { EvaluationRecord, Period, RecordOf, RecordType } from "./Records.ts"
import { canonicalJson, decodeRecords, InvalidRecords, recordKey } from "./Records.ts"

/**
 * Other content is already stored under this key. Pass `{ replace: true }` to correct it.
 *
 * @category errors
 */
export class RecordConflict extends Data.TaggedError("RecordConflict")<{
  readonly region: string
  readonly type: RecordType
  readonly id: string
}> {
  override get message(): string {
    return `record ${this.type} ${this.id} of ${this.region} is already stored with other content: put it with { replace: true } to correct it`
  }
}

/**
 * What a put did: records new, unchanged (same content already stored) and replaced.
 *
 * @category models
 */
export interface PutOutcome {
  readonly inserted: number
  readonly unchanged: number
  readonly replaced: number
}

/**
 * Options of a put: `replace` lets new content replace what is stored under the same key.
 *
 * @category models
 */
export interface PutOptions {
  readonly replace?: boolean
}

/**
 * What an adapter provides.
 *
 * @category models
 */
export interface RecordStoreShape {
  /**
   * Stores records, all or nothing. Every record is decoded first (bad input → `InvalidRecords`
   * naming each bad field, nothing stored); the same key with other content is a `RecordConflict`
   * unless `replace`.
   */
  readonly put: (records: ReadonlyArray<EvaluationRecord>, options?: PutOptions) => Effect.Effect<PutOutcome, InvalidRecords | RecordConflict | StoreError>
  /**
   * The records of a type inside `scope`, by region and id; with a period, only those that count
   * in it (a dated record on a day of it, a point or position open during it).
   */
  readonly list: <T extends RecordType>(scope: Region.RegionCode, type: T, period?: Period) => Effect.Effect<ReadonlyArray<RecordOf<T>>, CorruptRecord | StoreError>
}

/**
 * The record store service.
 *
 * @example
 * import { Effect } from "effect"
 * import { Region } from "fayuan"
 * import { RecordStore } from "fayuan/evaluation"
 * const points = Effect.gen(function* () {
 *   const store = yield* RecordStore
 *   return yield* store.list(Region.makeUnsafe("530103"), "network-point")
 * })
 *
 * @category services
 */
export class RecordStore extends Context.Service<RecordStore, RecordStoreShape>()("fayuan/RecordStore") {}

/**
 * A batch checked for a put: its records decoded (so plain JavaScript callers cannot slip bad
 * values past the types), each key once, with its canonical JSON. Shared by every adapter so all
 * treat a batch alike.
 *
 * @category batches
 */
export const checkBatch = (
  records: ReadonlyArray<EvaluationRecord>
): Effect.Effect<ReadonlyArray<{ readonly key: string; readonly record: EvaluationRecord; readonly json: string }>, InvalidRecords> => {
  const decoded = decodeRecords(records)
  if (Result.isFailure(decoded)) return Effect.fail(decoded.failure)
  const byKey = new Map<string, { readonly key: string; readonly record: EvaluationRecord; readonly json: string }>()
  for (const record of decoded.success) {
    const key = recordKey(record)
    byKey.set(key, { key, record, json: canonicalJson(record) })
  }
  return Effect.succeed([...byKey.values()])
}

/**
 * Orders records canonically: by region, then id (code units, whatever the engine's collation).
 *
 * @category ordering
 */
export const compareRecords = (a: EvaluationRecord, b: EvaluationRecord): number =>
  a.region !== b.region ? (a.region < b.region ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0

export { InvalidRecords }
