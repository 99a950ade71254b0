/**
 * The `RosterStore` port on any Kysely dialect.
 *
 * @since 0.1.0
 */
import { Effect, Result } from "effect"
import type { Kysely } from "kysely"
import { CorruptRecord, StoreError } from "../../src/lifecycle/Store.ts"
import type * as Region from "../../src/Region.ts"
import type { Roster } from "../../src/roster/Roster.ts"
import type { RosterStoreShape, WorkedShift } from "../../src/roster/Store.ts"
import { compareWorked, decodeRosterJson, encodeRosterJson, RosterNotFound } from "../../src/roster/Store.ts"
import { databaseError, regionRange } from "./case-store.ts"
import type { FayuanDatabase } from "./schema.ts"

const CHUNK = 500

/**
 * A `RosterStore` over a migrated Kysely database.
 *
 * @category constructors
 */
export const makeRosterStore = (db: Kysely<FayuanDatabase>): RosterStoreShape => ({
  save: (rosterId, region, roster: Roster) =>
    Effect.tryPromise({
      try: () =>
        db.transaction().execute(async (trx) => {
          await trx.deleteFrom("fayuan_rosters").where("region", "=", region).where("roster_id", "=", rosterId).execute()
          await trx
            .insertInto("fayuan_rosters")
            .values({ region, roster_id: rosterId, period_from: roster.period.from, period_to: roster.period.to, data: encodeRosterJson(roster) })
            .execute()
        }),
      catch: (error) => new StoreError({ operation: "save roster", reason: databaseError(error) })
    }),
  get: (rosterId, scope) =>
    Effect.tryPromise({
      try: () => {
        const { from, to } = regionRange(scope)
        return db.selectFrom("fayuan_rosters").select(["data"]).where("region", ">=", from).where("region", "<", to).where("roster_id", "=", rosterId).execute()
      },
      catch: (error) => new StoreError({ operation: "get roster", reason: databaseError(error) })
    }).pipe(
      Effect.flatMap((rows): Effect.Effect<Roster, RosterNotFound | CorruptRecord> => {
        if (rows.length !== 1) return Effect.fail(new RosterNotFound({ rosterId }))
        const r = decodeRosterJson(rows[0]!.data)
        if (Result.isFailure(r)) return Effect.fail(new CorruptRecord({ caseId: rosterId, sequence: 0, reason: "the stored roster does not decode" }))
        const { schemaVersion: _, ...roster } = r.success
        return Effect.succeed(roster)
      })
    ),
  recordWorked: (shifts) =>
    Effect.tryPromise({
      try: async () => {
        // One row per seat: the last record of a seat wins within the batch, and on the table.
        const bySeat = new Map<string, WorkedShift>()
        for (const w of shifts) bySeat.set(`${w.region}|${w.date}|${w.siteId}|${w.slot}|${w.seat}`, w)
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
            await trx
              .insertInto("fayuan_duty_shifts")
              .values(rows.slice(i, i + CHUNK))
              .onConflict((oc) =>
                oc.columns(["region", "date", "site_id", "slot", "seat"]).doUpdateSet((eb) => ({
                  lawyer_id: eb.ref("excluded.lawyer_id"),
                  roster_id: eb.ref("excluded.roster_id")
                }))
              )
              .execute()
          }
        })
      },
      catch: (error) => new StoreError({ operation: "record worked shifts", reason: databaseError(error) })
    }),
  listWorked: (scope, fromDate, toDate) =>
    Effect.tryPromise({
      try: async () => {
        const { from, to } = regionRange(scope)
        const rows = await db
          .selectFrom("fayuan_duty_shifts")
          .selectAll()
          .where("region", ">=", from)
          .where("region", "<", to)
          .where("date", ">=", fromDate)
          .where("date", "<=", toDate)
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
      catch: (error) => new StoreError({ operation: "list worked shifts", reason: databaseError(error) })
    })
})
