/**
 * The `PartyStore` port on any Kysely dialect. Personal data is sealed at rest with the host's key
 * (AES-256-GCM, see `OpenOptions.parties`), or stored in clear only when the host says so; erasure
 * deletes the row and, where the engine keeps copies of freed pages (SQLite's write-ahead log),
 * checkpoints them away (see `Flavour.afterErase`).
 *
 * @since 0.1.0
 */
import { Effect, Result } from "effect"
import type { Kysely } from "kysely"
import type { PartyStoreShape } from "../../src/lifecycle/Party.ts"
import { encodePartyJson, masked, Party } from "../../src/lifecycle/Party.ts"
import { CaseNotFound } from "../../src/lifecycle/Store.ts"
import { CorruptRecord, decodeStored, StoreError } from "../../src/Storage.ts"
import type { Flavour } from "./case-store.ts"
import { documentRows } from "./internal/documents.ts"
import { databaseError } from "./internal/errors.ts"
import { regionRange } from "./internal/region.ts"
import type { PartyProtection } from "./internal/seal.ts"
import { isStale, open, protectionProblem, seal } from "./internal/seal.ts"
import type { FayuanDatabase } from "./schema.ts"

const read = (key: string, json: string) => Result.map(decodeStored("parties", Party)(key, json), (p) => masked({ ...p }))

/**
 * A `PartyStore` over a migrated Kysely database, with `reencrypt` for key rotation.
 *
 * @category constructors
 */
export const makePartyStore = (
  db: Kysely<FayuanDatabase>,
  protection: PartyProtection | undefined,
  flavour?: Flavour
): PartyStoreShape & { readonly reencrypt: () => Promise<number> } => {
  const problem = protectionProblem(protection)
  const unconfigured = (operation: string) => new StoreError({ store: "parties", operation, reason: problem! })
  return {
    put: (region, caseId, party) =>
      problem !== undefined
        ? Effect.fail(unconfigured("put"))
        : Effect.tryPromise({
            try: () =>
              db.transaction().execute(async (trx) => {
                await trx.deleteFrom("fayuan_parties").where("region", "=", region).where("case_id", "=", caseId).execute()
                await trx.insertInto("fayuan_parties").values({ region, case_id: caseId, data: seal(protection!, region, caseId, encodePartyJson(party)) }).execute()
              }),
            catch: (error) => new StoreError({ store: "parties", operation: "put", reason: databaseError(error) })
          }),
    get: (scope, caseId) =>
      problem !== undefined
        ? Effect.fail(unconfigured("get"))
        : Effect.tryPromise({
            try: () => documentRows(db, "fayuan_parties", scope, caseId),
            catch: (error) => new StoreError({ store: "parties", operation: "get", reason: databaseError(error) })
          }).pipe(
            Effect.flatMap((rows): Effect.Effect<Party, CaseNotFound | CorruptRecord | StoreError> => {
              if (rows.length !== 1) return Effect.fail(new CaseNotFound({ caseId }))
              const opened = open(protection!, rows[0]!.region, caseId, rows[0]!.data)
              if ("problem" in opened) {
                return opened.problem.startsWith("the sealed party does not open")
                  ? Effect.fail(new CorruptRecord({ store: "parties", key: caseId, reason: opened.problem }))
                  : Effect.fail(new StoreError({ store: "parties", operation: "get", reason: opened.problem }))
              }
              return Effect.fromResult(read(caseId, opened.json))
            })
          ),
    erase: (scope, caseId) =>
      Effect.tryPromise({
        try: async () => {
          const { from, to } = regionRange(scope)
          const r = await db.deleteFrom("fayuan_parties").where("region", ">=", from).where("region", "<", to).where("case_id", "=", caseId).executeTakeFirst()
          const erased = Number(r.numDeletedRows) > 0
          if (erased) await flavour?.afterErase?.(db)
          return erased
        },
        catch: (error) => new StoreError({ store: "parties", operation: "erase", reason: error instanceof Error && error.name === "EraseIncomplete" ? error.message : databaseError(error) })
      }).pipe(Effect.flatMap((erased) => (erased ? Effect.void : Effect.fail(new CaseNotFound({ caseId }))))),
    reencrypt: async () => {
      if (problem !== undefined) throw unconfigured("reencrypt")
      let rewritten = 0
      const everywhere = regionRange("000000" as never)
      const rows = await db.selectFrom("fayuan_parties").select(["region", "case_id", "data"]).where("region", ">=", everywhere.from).where("region", "<", everywhere.to).execute()
      for (const row of rows) {
        const opened = open(protection!, row.region, row.case_id, row.data)
        if (!isStale(protection!, opened) || !("json" in opened)) continue
        if (Result.isFailure(read(row.case_id, opened.json))) continue
        await db
          .updateTable("fayuan_parties")
          .set({ data: seal(protection!, row.region, row.case_id, opened.json) })
          .where("region", "=", row.region)
          .where("case_id", "=", row.case_id)
          .execute()
        rewritten++
      }
      await flavour?.afterErase?.(db)
      return rewritten
    }
  }
}
