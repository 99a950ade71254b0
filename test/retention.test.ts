/**
 * Retention: a closed case's parties are erased once the region's period has passed since it
 * closed; open cases and recent ones keep theirs; the event log stays. On memory and SQLite.
 */
import { Effect, Layer, Result } from "effect"
import { describe, expect, it } from "vitest"
import { makeMemoryPartyStore, makeMemoryStore } from "../adapters/memory/index.ts"
import { openSqlite } from "../adapters/sqlite/index.ts"
import * as CalendarDate from "../src/CalendarDate.ts"
import { decodeParty, PartyStore } from "../src/lifecycle/Party.ts"
import { eraseExpired, expiredParties } from "../src/lifecycle/retention.ts"
import { CaseStore } from "../src/lifecycle/Store.ts"
import { execute } from "../src/lifecycle/workflow.ts"
import * as Parameter from "../src/Parameter.ts"
import * as Region from "../src/Region.ts"
import { defaultRuleBook } from "../src/RuleBook.ts"
import { applyCommand, ctx, panlong } from "./support/lifecycle.ts"

const party = Result.getOrThrow(decodeParty({ name: "示例甲", residentId: "530103199001011238" }))
const day = CalendarDate.makeUnsafe

const scenario = Effect.gen(function* () {
  const parties = yield* PartyStore
  // A: withdrawn on 2010-01-05; B: withdrawn on 2020-03-02; C: still open.
  for (const [id, opened, closed] of [["A", "2010-01-04", "2010-01-05"], ["B", "2020-03-02", "2020-03-02"], ["C", "2020-03-02", undefined]] as const) {
    yield* execute(id, applyCommand(id), ctx(opened, "intake"))
    yield* parties.put(panlong, id, party)
    if (closed !== undefined) yield* execute(id, { type: "withdraw", deemed: false }, ctx(closed, "intake", { time: "16:00:00" }))
  }
  const asOf = day("2024-06-01")
  const ten = Result.getOrThrow(Parameter.decodeOverrides(defaultRuleBook.parameters, { "retention.partyDataYears": 10 }))
  const expired = yield* expiredParties(Region.makeUnsafe("53"), asOf, { parameters: ten })
  const first = yield* eraseExpired(Region.makeUnsafe("53"), asOf, { parameters: ten })
  const again = yield* eraseExpired(Region.makeUnsafe("53"), asOf, { parameters: ten })
  const a = yield* Effect.result(parties.get(panlong, "A"))
  const b = yield* Effect.result(parties.get(panlong, "B"))
  const log = yield* (yield* CaseStore).load(panlong, "A")
  // With the shipped placeholder (30 years) nothing of these is due yet.
  const shipped = yield* expiredParties(Region.makeUnsafe("53"), asOf)
  const three = Result.getOrThrow(Parameter.decodeOverrides(defaultRuleBook.parameters, { "retention.partyDataYears": 3 }))
  const later = yield* expiredParties(Region.makeUnsafe("53"), asOf, { parameters: three })
  return { expired, first, again, a, b, log, shipped, later }
})

const check = (r: Effect.Success<typeof scenario>) => {
  expect(r.expired).toEqual([{ caseId: "A", region: "530103", closedOn: "2010-01-05", keptUntil: "2020-01-04" }])
  expect(r.first).toEqual({ erased: ["A"], absent: [] })
  expect(r.again).toEqual({ erased: [], absent: ["A"] })
  expect(Result.isFailure(r.a) && r.a.failure._tag).toBe("CaseNotFound")
  expect(Result.isSuccess(r.b)).toBe(true)
  expect(r.log.map((e) => e.type)).toEqual(["ApplicationReceived", "ApplicationWithdrawn"])
  expect(r.shipped).toEqual([])
  expect(r.later.map((e) => e.caseId)).toEqual(["A", "B"])
}

describe("retention of the parties' data", () => {
  it("erases what has outlived its period, keeps the rest and the log (memory)", async () => {
    const layer = Layer.mergeAll(Layer.succeed(CaseStore, makeMemoryStore()), Layer.succeed(PartyStore, makeMemoryPartyStore()))
    check(await Effect.runPromise(Effect.provide(scenario, layer)))
  })

  it("does the same on SQLite", async () => {
    const a = await openSqlite({ path: ":memory:", parties: { keys: { current: { id: "k1", key: new Uint8Array(32).fill(3) } } } })
    try {
      check(await Effect.runPromise(Effect.provide(scenario, a.layer)))
    } finally {
      await a.close()
    }
  })

  it("refuses a period outside its range and a malformed scope or date", async () => {
    expect(Result.isFailure(Parameter.decodeOverrides(defaultRuleBook.parameters, { "retention.partyDataYears": 0 }))).toBe(true)
    const layer = Layer.mergeAll(Layer.succeed(CaseStore, makeMemoryStore()), Layer.succeed(PartyStore, makeMemoryPartyStore()))
    const r = await Effect.runPromise(Effect.result(Effect.provide(expiredParties("nowhere" as never, day("2024-06-01")), layer)))
    expect(Result.isFailure(r) && r.failure._tag).toBe("InvalidRequest")
  })
})
