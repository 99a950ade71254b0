/**
 * Reliability tests every SQL adapter must pass: concurrent writers, a failure in the middle of a
 * write, migrations over existing data, and no personal data in errors or logs.
 */
import { Effect, Result } from "effect"
import type { Kysely } from "kysely"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import type { Opened, OpenOptions } from "../../adapters/kysely/open.ts"
import { rowOf } from "../../adapters/kysely/case-store.ts"
import { entryRow } from "../../adapters/kysely/ledger-store.ts"
import { encodeBudgetJson } from "../../src/budget/Budget.ts"
import { entry } from "../support/budget.ts"
import { panlongBudget } from "./ledger-store.ts"
import { migrate } from "../../adapters/kysely/migrations.ts"
import type { FayuanDatabase } from "../../adapters/kysely/schema.ts"
import { replay } from "../../src/lifecycle/Case.ts"
import type { CaseEvent } from "../../src/lifecycle/Event.ts"
import { decodeParty } from "../../src/lifecycle/Party.ts"
import { step } from "../../src/lifecycle/transition.ts"
import * as Region from "../../src/Region.ts"
import { ctx } from "../support/lifecycle.ts"
import { caseLog, headOfLog } from "./case-store.ts"
import { testParties } from "../support/sql-subject.ts"

/** How to reach a fresh database of the engine under test. */
export interface SqlTarget {
  /** `n` adapters on one fresh database: separate connections where the engine has them. */
  readonly openMany: (n: number, options?: OpenOptions) => Promise<{ readonly adapters: ReadonlyArray<Opened>; readonly closeAll: () => Promise<void> }>
}

const run = <A, E>(e: Effect.Effect<A, E>): Promise<Result.Result<A, E>> => Effect.runPromise(Effect.result(e))
const panlong = Region.makeUnsafe("530103")

const rowsOf = (events: ReadonlyArray<CaseEvent>) => events.map(rowOf)

export const sqlReliability = (name: string, target: SqlTarget): void => {
  // Parties are sealed with the suites' test key unless a test says otherwise.
  const openMany: typeof target.openMany = (count, options) => target.openMany(count, { parties: testParties, ...options })
  describe(`SQL reliability: ${name}`, { timeout: 120_000 }, () => {
    it("many concurrent writers on one case: exactly one append wins per version, nothing lost or duplicated", async () => {
      const writers = 6
      const rounds = 12
      const { adapters, closeAll } = await openMany(writers)
      try {
        const first = adapters[0]!.caseStore
        const start = caseLog("race")
        expect(await run(first.append([{ caseId: "race", expectedVersion: 0, events: start }]))).toEqual(Result.succeed(undefined))
        for (let round = 0; round < rounds; round++) {
          // Every writer read the case at the same version, then all append at once.
          const current = replay(Result.getOrThrow(await run(first.load(panlong, "race"))))
          const results = await Promise.all(
            adapters.map(async (a, i) => {
              const next = Result.getOrThrow(
                step(current, { type: "reassign", lawyerId: `R${round}-${i}`, firmId: "F", reason: "unavailable" }, ctx("2024-05-08", "dispatcher"))
              )
              return run(a.caseStore.append([{ caseId: "race", expectedVersion: current!.version, events: next.events }]))
            })
          )
          const won = results.filter(Result.isSuccess).length
          const conflicts = results.filter((r) => Result.isFailure(r) && r.failure._tag === "VersionConflict").length
          expect([won, conflicts], `round ${round}`).toEqual([1, writers - 1])
        }
        const log = Result.getOrThrow(await run(first.load(panlong, "race")))
        expect(log.map((e) => e.sequence)).toEqual(Array.from({ length: start.length + rounds }, (_, i) => i + 1))
        expect(replay(log)!.version).toBe(start.length + rounds)
        const [head] = Result.getOrThrow(await run(first.list(panlong)))
        expect(head).toMatchObject({ caseId: "race", region: "530103", version: start.length + rounds })
      } finally {
        await closeAll()
      }
    })

    it("a process that did not write a case folds its stored log once, not the new events twice; a stale process is caught", async () => {
      const { adapters, closeAll } = await openMany(2)
      try {
        const [a, b] = [adapters[0]!, adapters[1]!]
        const log = caseLog("fold")
        expect(log.length).toBe(3)
        const expected = replay(log)!
        expect(await run(a.caseStore.append([{ caseId: "fold", expectedVersion: 0, events: log.slice(0, 1) }]))).toEqual(Result.succeed(undefined))
        // B never saw the case: it folds the stored event, then applies the next once.
        expect(await run(b.caseStore.append([{ caseId: "fold", expectedVersion: 1, events: log.slice(1, 2) }]))).toEqual(Result.succeed(undefined))
        const head = await (b.db as unknown as Kysely<FayuanDatabase>).selectFrom("fayuan_case_heads").selectAll().where("region", "=", "530103").where("case_id", "=", "fold").executeTakeFirstOrThrow()
        const before = replay(log.slice(0, 2))!
        expect([Number(head.version), head.state, head.eligibility_outcome]).toEqual([2, before.state, "eligible"])
        // A still holds the case at version 1: its append there is a conflict, not a silent write.
        const stale = await run(a.caseStore.append([{ caseId: "fold", expectedVersion: 1, events: log.slice(1, 2) }]))
        expect(Result.isFailure(stale) && stale.failure).toMatchObject({ _tag: "VersionConflict", expected: 1, actual: 2 })
        // At the current version A folds again and carries on.
        expect(await run(a.caseStore.append([{ caseId: "fold", expectedVersion: 2, events: log.slice(2) }]))).toEqual(Result.succeed(undefined))
        expect(Result.getOrThrow(await run(a.caseStore.load(panlong, "fold")))).toEqual(log)
        const [listed] = Result.getOrThrow(await run(b.caseStore.list(panlong)))
        expect(listed).toMatchObject({ caseId: "fold", version: expected.version, state: expected.state })
        const lawyer = await (b.db as unknown as Kysely<FayuanDatabase>).selectFrom("fayuan_case_heads").select(["lawyer_id"]).where("region", "=", "530103").where("case_id", "=", "fold").executeTakeFirstOrThrow()
        expect(lawyer.lawyer_id).toBe(expected.lawyer?.lawyerId ?? null)
      } finally {
        await closeAll()
      }
    })

    it("a failure in the middle of a command's write leaves nothing behind", async () => {
      let fail = true
      const { adapters, closeAll } = await openMany(1, {
        hooks: {
          afterEvents: () => {
            if (fail) throw new Error("disk full")
          }
        }
      })
      try {
        const store = adapters[0]!.caseStore
        const log = caseLog("c1")
        fail = false
        await run(store.append([{ caseId: "c1", expectedVersion: 0, events: log.slice(0, 2) }]))
        fail = true
        const r = await run(store.append([{ caseId: "c1", expectedVersion: 2, events: log.slice(2) }]))
        expect(Result.isFailure(r) && r.failure._tag).toBe("StoreError")
        expect(Result.getOrThrow(await run(store.load(panlong, "c1")))).toHaveLength(2)
        expect(Result.getOrThrow(await run(store.list(panlong)))[0]!.version).toBe(2)
        fail = false
        expect(await run(store.append([{ caseId: "c1", expectedVersion: 2, events: log.slice(2) }]))).toEqual(Result.succeed(undefined))
        expect(Result.getOrThrow(await run(store.load(panlong, "c1")))).toEqual(log)
      } finally {
        await closeAll()
      }
    })

    it("migrations run forward over a database filled at an earlier version and keep every row", async () => {
      const { adapters, closeAll } = await openMany(1, { migrate: false })
      try {
        const db = adapters[0]!.db as Kysely<FayuanDatabase>
        await migrate(db, "0001_case_events")
        const logs = [caseLog("m1", "530103"), caseLog("m2", "530102"), caseLog("m3", "530502")]
        for (const log of logs) await db.insertInto("fayuan_case_events").values(rowsOf(log)).execute()
        await migrate(db, "0002_case_heads")
        const later = caseLog("m4", "530103")
        await db.insertInto("fayuan_case_events").values(rowsOf(later.slice(0, 1))).execute()
        await db
          .insertInto("fayuan_case_heads")
          .values({ region: "530103", case_id: "m4", version: 1, state: "received", kind: "civil", origin: "application", received_on: "2024-05-06", last_occurred_at: later[0]!.occurredAt, snapshot: JSON.stringify(replay(later.slice(0, 1))) })
          .execute()
        await migrate(db)
        const count = await db.selectFrom("fayuan_case_events").select(db.fn.countAll<number>().as("n")).where("region", ">=", "0").executeTakeFirstOrThrow()
        expect(Number(count.n)).toBe(3 * logs[0]!.length + 1)
        const store = adapters[0]!.caseStore
        // Heads back-filled by 0002, 0006 and 0008 (the lawyer on each case, from the snapshot).
        expect(Result.getOrThrow(await run(store.list(Region.makeUnsafe("53"))))).toEqual([...logs.map(headOfLog), headOfLog(later.slice(0, 1))])
        expect(headOfLog(logs[0]!).lawyer).toEqual({ lawyerId: "L1", since: "2024-05-07" })
        const heads = await db.selectFrom("fayuan_case_heads").select(["case_id", "state"]).where("region", ">=", "0").orderBy("case_id").execute()
        expect(heads.map((h) => [h.case_id, h.state])).toEqual([["m1", "assigned"], ["m2", "assigned"], ["m3", "assigned"], ["m4", "received"]])
        for (const log of logs) expect(Result.getOrThrow(await run(store.load(Region.makeUnsafe("53"), log[0]!.caseId)))).toEqual(log)
        // The store carries on where the old data left off.
        expect(await run(store.append([{ caseId: "m4", expectedVersion: 1, events: later.slice(1) }]))).toEqual(Result.succeed(undefined))
      } finally {
        await closeAll()
      }
    })

    it("0011_ledger_recorded gives every budget the total of the entries already recorded on it, and the store carries on from it", async () => {
      const { adapters, closeAll } = await openMany(1, { migrate: false })
      try {
        const db = adapters[0]!.db as Kysely<FayuanDatabase>
        await migrate(db, "0010_append_path")
        await db.insertInto("fayuan_budgets").values({ region: "530103", budget_id: "PL-2018", year: 2018, data: encodeBudgetJson(panlongBudget) } as never).execute()
        const old = [entry("old-1", "cases", "payment", 100, "2018-02-01"), entry("old-2", "duty", "commitment", 250, "2018-02-02")]
        await db.insertInto("fayuan_ledger_entries").values(old.map((e) => entryRow("530103", e))).execute()
        await migrate(db)
        const row = await db.selectFrom("fayuan_budgets").select("recorded_fen").where("region", "=", "530103").where("budget_id", "=", "PL-2018").executeTakeFirstOrThrow()
        expect(Number(row.recorded_fen)).toBe(350)
        const ledger = adapters[0]!.ledgerStore
        expect(Result.isSuccess(await run(ledger.append([entry("new-1", "cases", "payment", 50, "2018-03-01")])))).toBe(true)
        const after = await db.selectFrom("fayuan_budgets").select("recorded_fen").where("region", "=", "530103").where("budget_id", "=", "PL-2018").executeTakeFirstOrThrow()
        expect(Number(after.recorded_fen)).toBe(400)
      } finally {
        await closeAll()
      }
    })

    describe("personal data", () => {
      const output: Array<string> = []
      beforeEach(() => {
        output.length = 0
        for (const level of ["log", "info", "warn", "error", "debug"] as const) {
          vi.spyOn(console, level).mockImplementation((...args: Array<unknown>) => void output.push(args.map(String).join(" ")))
        }
        const write = process.stderr.write.bind(process.stderr) as (chunk: string | Uint8Array) => boolean
        vi.spyOn(process.stderr, "write").mockImplementation(((chunk: string | Uint8Array) => {
          output.push(String(chunk))
          return write(chunk)
        }) as typeof process.stderr.write)
      })
      afterEach(() => vi.restoreAllMocks())

      it("never appears in error messages or logs", async () => {
        const queries: Array<string> = []
        const { adapters, closeAll } = await openMany(1, { onQuery: (q) => queries.push(q) })
        const name = "欧阳修文"
        const idNumber = "530103199001011238"
        const phone = "13912345678"
        const errors: Array<unknown> = []
        try {
          const { caseStore, partyStore, db } = adapters[0]!
          const party = decodeParty({ name, residentId: idNumber, phone })
          expect(Result.isSuccess(party)).toBe(true)
          if (Result.isFailure(party)) return
          await run(caseStore.append([{ caseId: "p1", expectedVersion: 0, events: caseLog("p1") }]))
          await run(partyStore.put(panlong, "p1", party.success))
          // Every failure we can provoke, collected.
          const attempts: ReadonlyArray<Result.Result<unknown, unknown>> = [
            await run(partyStore.get(Region.makeUnsafe("530102"), "p1")),
            await run(caseStore.append([{ caseId: "p1", expectedVersion: 0, events: caseLog("p1") }])),
            await run(caseStore.load(panlong, "nobody"))
          ]
          for (const r of attempts) if (Result.isFailure(r)) errors.push(r.failure)
          await db.updateTable("fayuan_parties").set({ data: JSON.stringify({ name, residentId: idNumber.slice(0, 17) + "0", phone }) }).where("region", "=", "530103").execute()
          const corrupt = await run(partyStore.get(panlong, "p1"))
          expect(Result.isFailure(corrupt)).toBe(true)
          if (Result.isFailure(corrupt)) errors.push(corrupt.failure)
          // A constraint error from the database itself, whose driver message may quote the row.
          const duplicate = await db.insertInto("fayuan_parties").values({ region: "530103", case_id: "p1", data: JSON.stringify({ name, idNumber }) }).execute().then(
            () => undefined,
            (e: unknown) => e
          )
          expect(duplicate).toBeDefined()
          const invalid = decodeParty({ name, residentId: idNumber.slice(0, 17) + "1" })
          if (Result.isFailure(invalid)) errors.push(invalid.failure)
          const got = Result.getOrThrow(await run(adapters[0]!.caseStore.list(panlong)))
          expect(got).toHaveLength(1)
          console.log("party", Result.getOrThrow(decodeParty({ name: "x", residentId: idNumber })).residentId)
        } finally {
          await closeAll()
        }
        expect(errors.length).toBeGreaterThanOrEqual(4)
        const texts = [...errors.flatMap((e) => [String(e), (e as Error).message ?? "", JSON.stringify(e)]), ...output, ...queries]
        for (const text of texts) {
          expect(text).not.toContain(name)
          expect(text).not.toContain(idNumber)
          expect(text).not.toContain(phone)
        }
      })
    })
  })
}
