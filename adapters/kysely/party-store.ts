/**
 * The `PartyStore` port on any Kysely dialect.
 *
 * @since 0.1.0
 */
import { Effect } from "effect"
import type { Kysely } from "kysely"
import type { PartyStoreShape } from "../../src/lifecycle/Party.ts"
import { encodePartyJson, Party } from "../../src/lifecycle/Party.ts"
import { CaseNotFound } from "../../src/lifecycle/Store.ts"
import { decodeStored, StoreError } from "../../src/Storage.ts"
import { getDocument } from "./internal/documents.ts"
import { databaseError } from "./internal/errors.ts"
import { regionRange } from "./internal/region.ts"
import type { FayuanDatabase } from "./schema.ts"

const read = decodeStored("parties", Party)

/**
 * A `PartyStore` over a migrated Kysely database.
 *
 * @category constructors
 */
export const makePartyStore = (db: Kysely<FayuanDatabase>): PartyStoreShape => ({
  put: (region, caseId, party) =>
    Effect.tryPromise({
      try: () =>
        db.transaction().execute(async (trx) => {
          await trx.deleteFrom("fayuan_parties").where("region", "=", region).where("case_id", "=", caseId).execute()
          await trx.insertInto("fayuan_parties").values({ region, case_id: caseId, data: encodePartyJson(party) }).execute()
        }),
      catch: (error) => new StoreError({ store: "parties", operation: "put", reason: databaseError(error) })
    }),
  get: (scope, caseId) =>
    getDocument(db, { store: "parties", table: "fayuan_parties", scope, key: caseId, read, notFound: () => new CaseNotFound({ caseId }) }),
  erase: (scope, caseId) =>
    Effect.tryPromise({
      try: () => {
        const { from, to } = regionRange(scope)
        return db.deleteFrom("fayuan_parties").where("region", ">=", from).where("region", "<", to).where("case_id", "=", caseId).executeTakeFirst()
      },
      catch: (error) => new StoreError({ store: "parties", operation: "erase", reason: databaseError(error) })
    }).pipe(Effect.flatMap((r) => (Number(r.numDeletedRows) === 0 ? Effect.fail(new CaseNotFound({ caseId })) : Effect.void)))
})
