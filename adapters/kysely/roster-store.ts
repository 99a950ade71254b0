/**
 * The `RosterStore` port on any Kysely dialect.
 *
 * @since 0.1.0
 */
import { Effect, Result } from "effect"
import type { Kysely } from "kysely"
import type * as Region from "../../src/Region.ts"
import type { Roster } from "../../src/roster/Roster.ts"
import type { RosterStoreShape, WorkedShift } from "../../src/roster/Store.ts"
import { compareWorked, encodeRosterJson, RosterNotFound, rosterOfStored, seatKey, StoredRoster } from "../../src/roster/Store.ts"
import { decodeStored, StoreError } from "../../src/Storage.ts"
import { getDocument } from "./internal/documents.ts"
import { databaseError } from "./internal/errors.ts"
import { regionRange } from "./internal/region.ts"
import { upsert } from "./internal/dialect.ts"
import type { FayuanDatabase } from "./schema.ts"

const read = (key: string, json: string) => Result.map(decodeStored("rosters", StoredRoster)(key, json), rosterOfStored)

const CHUNK = 500

/**
 * A `RosterStore` over a migrated Kysely database.
 *
 * @category constructors
 */
export const makeRosterStore = (db: Kysely<FayuanDatabase>): RosterStoreShape => ({
  put: (region, rosterId, roster: Roster) =>
    Effect.tryPromise({
      try: () =>
        db.transaction().execute(async (trx) => {
          await trx.deleteFrom("fayuan_rosters").where("region", "=", region).where("roster_id", "=", rosterId).execute()
          await trx
            .insertInto("fayuan_rosters")
            .values({ region, roster_id: rosterId, period_from: roster.period.from, period_to: roster.period.to, data: encodeRosterJson(roster) })
            .execute()
        }),
      catch: (error) => new StoreError({ store: "rosters", operation: "put", reason: databaseError(error) })
    }),
  get: (scope, rosterId) =>
    getDocument(db, { store: "rosters", table: "fayuan_rosters", scope, key: rosterId, read, notFound: () => new RosterNotFound({ rosterId }) }),
  putWorked: (shifts) =>
    Effect.tryPromise({
      try: async () => {
        // One row per seat: the last record of a seat wins within the batch, and on the table.
        const bySeat = new Map<string, WorkedShift>()
        for (const w of shifts) bySeat.set(seatKey(w), w)
        const rows = [...bySeat.values()].map((w) => ({
          region: w.region,
          date: w.date,
          site_id: w.siteId,
          slot: w.slot,
          seat: w.seat,
          lawyer_id: w.lawyerId,
          roster_id: w.rosterId ?? null
        }))
        await db.transaction().execute(async (trx) => {
          for (let i = 0; i < rows.length; i += CHUNK) {
            await upsert(trx, trx.insertInto("fayuan_duty_shifts").values(rows.slice(i, i + CHUNK)), ["region", "date", "site_id", "slot", "seat"], ["lawyer_id", "roster_id"]).execute()
          }
        })
      },
      catch: (error) => new StoreError({ store: "shifts", operation: "put", reason: databaseError(error) })
    }),
  listWorked: (scope, range) =>
    Effect.tryPromise({
      try: async () => {
        const { from, to } = regionRange(scope)
        const rows = await db
          .selectFrom("fayuan_duty_shifts")
          .selectAll()
          .where("region", ">=", from)
          .where("region", "<", to)
          .where("date", ">=", range.from)
          .where("date", "<=", range.to)
          .execute()
        return rows
          .map((r): WorkedShift => {
            const w = {
              region: r.region as Region.RegionCode,
              date: r.date as WorkedShift["date"],
              siteId: r.site_id,
              slot: r.slot as WorkedShift["slot"],
              seat: Number(r.seat),
              lawyerId: r.lawyer_id
            }
            return r.roster_id === null ? w : { ...w, rosterId: r.roster_id }
          })
          .sort(compareWorked)
      },
      catch: (error) => new StoreError({ store: "shifts", operation: "list", reason: databaseError(error) })
    })
})
