/**
 * The `RecordStore` port on any Kysely dialect: one table of records keyed by (region, type, id),
 * with the columns the evaluation aggregates and the record as canonical JSON.
 *
 * @since 0.1.0
 */
import { Effect, Result } from "effect"
import type { Insertable, Kysely } from "kysely"
import type { EvaluationRecord, RecordOf, RecordType } from "../../src/evaluation/Records.ts"
import { decodeRecord, recordKey, recordStart, recordEnd, spansTime } from "../../src/evaluation/Records.ts"
import type { PutOutcome, RecordStoreShape } from "../../src/evaluation/RecordStore.ts"
import { checkBatch, compareRecords, RecordConflict } from "../../src/evaluation/RecordStore.ts"
import { CorruptRecord, StoreError } from "../../src/lifecycle/Store.ts"
import { databaseError } from "./internal/errors.ts"
import { regionRange } from "./internal/region.ts"
import { upsert } from "./internal/dialect.ts"
import { rowsStatement } from "./internal/statements.ts"
import type { FayuanDatabase, RecordsTable } from "./schema.ts"

const CHUNK = 200

/** The column a record's category is kept in. */
const categoryOf = (r: EvaluationRecord): string => {
  switch (r.type) {
    case "network-point":
      return r.level
    case "consultation":
      return r.channel
    case "drafted-document":
      return r.documentKind
    case "activity":
      return r.kind
    case "training":
      return r.audience
    case "staff-position":
      return r.kind
    case "survey":
      return r.topic
  }
}

/**
 * The row a record is stored as.
 *
 * @category rows
 */
export const recordRow = (r: EvaluationRecord, json: string): Insertable<RecordsTable> => {
  const end = recordEnd(r)
  return {
    region: r.region,
    record_type: r.type,
    id: r.id,
    on_date: recordStart(r),
    until_date: spansTime(r.type) ? (end ?? null) : null,
    category: categoryOf(r),
    point_id: r.type === "network-point" ? (r.subDistrict ?? null) : "pointId" in r ? (r.pointId ?? null) : null,
    quantity: r.type === "consultation" ? (r.persons ?? 1) : r.type === "activity" ? r.quantity : r.type === "training" ? r.participants : r.type === "survey" ? r.respondents : 1,
    portion: r.type === "activity" ? (r.adopted ?? null) : r.type === "survey" ? r.positive : null,
    data: json
  }
}

/** Records written (a key stored already has its columns replaced): one statement per chunk. */
const insertRecords = rowsStatement((trx, rows: ReadonlyArray<Insertable<RecordsTable>>) =>
  upsert(trx, trx.insertInto("fayuan_records").values(rows), ["region", "record_type", "id"], ["on_date", "until_date", "category", "point_id", "quantity", "portion", "data"])
)

/** Thrown inside the transaction to roll it back and report the conflict. */
class Conflict {
  readonly error: RecordConflict
  constructor(error: RecordConflict) {
    this.error = error
  }
}

/**
 * A `RecordStore` over a migrated Kysely database.
 *
 * @category constructors
 */
export const makeRecordStore = (db: Kysely<FayuanDatabase>): RecordStoreShape => {
  const put: RecordStoreShape["put"] = (records, options = {}) =>
    checkBatch(records).pipe(
      Effect.flatMap((batch) =>
        Effect.tryPromise({
          try: () =>
            db.transaction().execute(async (trx): Promise<PutOutcome> => {
              const stored = new Map<string, string>()
              for (let i = 0; i < batch.length; i += CHUNK) {
                const chunk = batch.slice(i, i + CHUNK)
                const rows = await trx
                  .selectFrom("fayuan_records")
                  .select(["region", "record_type", "id", "data"])
                  .where("region", "in", [...new Set(chunk.map((b) => b.record.region))])
                  .where("record_type", "in", [...new Set(chunk.map((b) => b.record.type))])
                  .where("id", "in", [...new Set(chunk.map((b) => b.record.id))])
                  .execute()
                for (const row of rows) stored.set(recordKey({ region: row.region, type: row.record_type, id: row.id }), row.data)
              }
              let inserted = 0
              let unchanged = 0
              let replaced = 0
              const writes: Array<Insertable<RecordsTable>> = []
              for (const b of batch) {
                const before = stored.get(b.key)
                if (before === b.json) {
                  unchanged++
                  continue
                }
                if (before !== undefined) {
                  if (options.replace !== true) throw new Conflict(new RecordConflict({ region: b.record.region, type: b.record.type, id: b.record.id }))
                  replaced++
                } else inserted++
                writes.push(recordRow(b.record, b.json))
              }
              for (let i = 0; i < writes.length; i += CHUNK) {
                await insertRecords(trx, writes.slice(i, i + CHUNK))
              }
              return { inserted, unchanged, replaced }
            }),
          catch: (error) => (error instanceof Conflict ? error.error : new StoreError({ store: "records", operation: "put", reason: databaseError(error) }))
        })
      )
    )

  const list = <T extends RecordType>(scope: Parameters<RecordStoreShape["list"]>[0], type: T, period?: Parameters<RecordStoreShape["list"]>[2]) =>
    Effect.tryPromise({
      try: async () => {
        const { from, to } = regionRange(scope)
        let q = db.selectFrom("fayuan_records").select(["region", "id", "data"]).where("region", ">=", from).where("region", "<", to).where("record_type", "=", type)
        if (period !== undefined) {
          q = q.where("on_date", "<=", period.to)
          q = spansTime(type)
            ? q.where((eb) => eb.or([eb("until_date", "is", null), eb("until_date", ">=", period.from)]))
            : q.where("on_date", ">=", period.from)
        }
        return q.execute()
      },
      catch: (error) => new StoreError({ store: "records", operation: "list", reason: databaseError(error) })
    }).pipe(
      Effect.flatMap((rows): Effect.Effect<ReadonlyArray<RecordOf<T>>, CorruptRecord> => {
        const out: Array<EvaluationRecord> = []
        for (const row of rows) {
          let parsed: unknown
          try {
            parsed = JSON.parse(row.data)
          } catch {
            parsed = undefined
          }
          const r = decodeRecord(parsed)
          if (Result.isFailure(r) || r.success.type !== type || r.success.id !== row.id || r.success.region !== row.region) {
            return Effect.fail(new CorruptRecord({ store: "records", key: `${row.region}/${type}/${row.id}`, reason: "the stored record does not decode" }))
          }
          out.push(r.success)
        }
        return Effect.succeed(out.sort(compareRecords) as unknown as ReadonlyArray<RecordOf<T>>)
      })
    )

  return { put, list }
}
