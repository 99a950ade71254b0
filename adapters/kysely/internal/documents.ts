/**
 * The one way the SQL adapters read a region-scoped JSON document (a party, a roster, a budget):
 * select it by key inside the scope's region range, then decode it through `Storage.decodeStored`.
 * Adapter-internal: not exported from the package.
 */
import { Effect, Result } from "effect"
import type { Kysely, Transaction } from "kysely"
import type * as Region from "../../../src/Region.ts"
import type { CorruptRecord, StoreName } from "../../../src/Storage.ts"
import { StoreError } from "../../../src/Storage.ts"
import { databaseError } from "./errors.ts"
import { regionRange } from "./region.ts"
import type { FayuanDatabase } from "../schema.ts"

/** The document tables and the column each is keyed by. */
const keyColumns = { fayuan_parties: "case_id", fayuan_rosters: "roster_id", fayuan_budgets: "budget_id" } as const

/** A table of JSON documents. */
export type DocumentTable = keyof typeof keyColumns

/** The stored JSON of the documents under `key` inside `scope` (one, when the store is sound). */
export const documentRows = async (
  db: Kysely<FayuanDatabase> | Transaction<FayuanDatabase>,
  table: DocumentTable,
  scope: Region.RegionCode,
  key: string
): Promise<ReadonlyArray<{ readonly region: string; readonly data: string }>> => {
  const { from, to } = regionRange(scope)
  return (db as Kysely<FayuanDatabase>)
    .selectFrom(table as "fayuan_rosters")
    .select(["region", "data"])
    .where("region", ">=", from)
    .where("region", "<", to)
    .where(keyColumns[table] as "roster_id", "=", key)
    .execute()
}

/**
 * The document under `key` inside `scope`, decoded by `read`; `notFound()` when there is none.
 *
 * @example
 * getDocument(db, { store: "rosters", table: "fayuan_rosters", scope, key: "R1", read, notFound: () => new RosterNotFound({ rosterId: "R1" }) })
 */
export const getDocument = <A, NF>(
  db: Kysely<FayuanDatabase>,
  options: {
    readonly store: StoreName
    readonly table: DocumentTable
    readonly scope: Region.RegionCode
    readonly key: string
    readonly read: (key: string, json: string) => Result.Result<A, CorruptRecord>
    readonly notFound: () => NF
  }
): Effect.Effect<A, NF | CorruptRecord | StoreError> =>
  Effect.tryPromise({
    try: () => documentRows(db, options.table, options.scope, options.key),
    catch: (error) => new StoreError({ store: options.store, operation: "get", reason: databaseError(error) })
  }).pipe(
    Effect.flatMap((rows): Effect.Effect<A, NF | CorruptRecord> =>
      rows.length !== 1 ? Effect.fail(options.notFound()) : Effect.fromResult(options.read(options.key, rows[0]!.data))
    )
  )
