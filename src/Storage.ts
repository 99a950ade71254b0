/**
 * What every storage port shares: the names of the stores, the two failures any store may report
 * ({@link StoreError}, {@link CorruptRecord}), and the one way a stored JSON document is read back
 * ({@link decodeStored}).
 *
 * The ports follow one convention, the same on every adapter:
 * - reads take the **scope first** (a region code: a district sees its own records, a city or
 *   province its subtree), then the key: `get(scope, id)`, `list(scope, …)`, `load(scope, caseId)`;
 * - `put` stores a document under its key, replacing what was there (a roster, a budget, a party,
 *   evaluation records); `append` adds to an append-only log (case events, ledger entries);
 *   `erase` removes personal data;
 * - a record that no longer decodes is a `CorruptRecord` naming the store and the key, never its
 *   content; a failure of the database itself is a `StoreError` naming the store and the
 *   operation, never a value (driver messages can quote personal data).
 *
 * @example
 * ```ts
 * import { Storage } from "fayuan"
 * const e = new Storage.CorruptRecord({ store: "rosters", key: "PL-2018-duty", reason: "the stored JSON does not decode" })
 * e.message // "stored rosters record PL-2018-duty does not decode: the stored JSON does not decode"
 * ```
 *
 * @since 0.2.0
 */
import { Data, Result, Schema } from "effect"

/**
 * The stores a deployment holds.
 *
 * @category models
 */
export const storeNames = ["cases", "parties", "rosters", "shifts", "budgets", "ledger", "records", "documents"] as const

/** @category models */
export type StoreName = (typeof storeNames)[number]

/**
 * The storage itself failed (connection lost, disk full, a lock that could not be had): which
 * store and which operation. The message never holds stored data.
 *
 * @category errors
 */
export class StoreError extends Data.TaggedError("StoreError")<{
  readonly store: StoreName
  readonly operation: string
  readonly reason: string
}> {
  override get message(): string {
    return `${this.store} store: ${this.operation} failed: ${this.reason}`
  }
}

/**
 * A stored record that does not decode: which store, which key (for a case event,
 * `caseId/sequence`), and why — never its content.
 *
 * @category errors
 */
export class CorruptRecord extends Data.TaggedError("CorruptRecord")<{
  readonly store: StoreName
  readonly key: string
  readonly reason: string
}> {
  override get message(): string {
    return `stored ${this.store} record ${this.key} does not decode: ${this.reason}`
  }
}

/**
 * Reads a stored JSON document back through its schema: the value, or a `CorruptRecord` naming
 * the store and key. Every adapter reads documents through this one function.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Storage } from "fayuan"
 * const read = Storage.decodeStored("rosters", Schema.Struct({ n: Schema.Number }))
 * read("R1", '{"n":1}') // Result.succeed({ n: 1 })
 * ```
 *
 * @category decoding
 */
export const decodeStored = <A, I>(store: StoreName, schema: Schema.Codec<A, I>) => {
  const decode = Schema.decodeUnknownResult(Schema.fromJsonString(schema as Schema.Codec<A, unknown>))
  return (key: string, json: string): Result.Result<A, CorruptRecord> => {
    const r = decode(json)
    return Result.isSuccess(r) ? Result.succeed(r.success) : Result.fail(new CorruptRecord({ store, key, reason: "the stored JSON does not decode" }))
  }
}
