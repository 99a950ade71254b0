/**
 * The `PartyStore` port on any Kysely dialect.
 *
 * @since 0.1.0
 */
import { Effect, Result } from "effect"
import type { Kysely } from "kysely"
import type { Party, PartyStoreShape } from "../../src/lifecycle/Party.ts"
import { decodePartyJson, encodePartyJson } from "../../src/lifecycle/Party.ts"
import { CaseNotFound, CorruptRecord, StoreError } from "../../src/lifecycle/Store.ts"
import { databaseError, regionRange } from "./case-store.ts"
import type { FayuanDatabase } from "./schema.ts"

/**
 * A `PartyStore` over a migrated Kysely database.
 *
 * @category constructors
 */
export const makePartyStore = (db: Kysely<FayuanDatabase>): PartyStoreShape => ({
  put: (caseId, region, party: Party) =>
    Effect.tryPromise({
      try: () =>
        db.transaction().execute(async (trx) => {
          await trx.deleteFrom("fayuan_parties").where("region", "=", region).where("case_id", "=", caseId).execute()
          await trx.insertInto("fayuan_parties").values({ region, case_id: caseId, data: encodePartyJson(party) }).execute()
        }),
      catch: (error) => new StoreError({ operation: "put party", reason: databaseError(error) })
    }),
  get: (caseId, scope) =>
    Effect.tryPromise({
      try: () => {
        const { from, to } = regionRange(scope)
        return db.selectFrom("fayuan_parties").select(["data"]).where("region", ">=", from).where("region", "<", to).where("case_id", "=", caseId).execute()
      },
      catch: (error) => new StoreError({ operation: "get party", reason: databaseError(error) })
    }).pipe(
      Effect.flatMap((rows): Effect.Effect<Party, CaseNotFound | CorruptRecord> => {
        if (rows.length !== 1) return Effect.fail(new CaseNotFound({ caseId }))
        const r = decodePartyJson(rows[0]!.data)
        return Result.isSuccess(r) ? Effect.succeed(r.success) : Effect.fail(new CorruptRecord({ caseId, sequence: 0, reason: "the stored party does not decode" }))
      })
    ),
  erase: (caseId, region) =>
    Effect.tryPromise({
      try: () => db.deleteFrom("fayuan_parties").where("region", "=", region).where("case_id", "=", caseId).execute(),
      catch: (error) => new StoreError({ operation: "erase party", reason: databaseError(error) })
    }).pipe(Effect.asVoid)
})
