/**
 * `assignCase` and `reassignCase` at the version the caller saw: a stale `expectedVersion` is a
 * `VersionConflict` before any lawyer is chosen, and nothing is appended.
 */
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { layer } from "../adapters/memory/index.ts"
import { assignCase, reassignCase } from "../src/assignment/workflow.ts"
import * as Region from "../src/Region.ts"
import type { Context } from "../src/lifecycle/Command.ts"
import type { Role } from "../src/lifecycle/vocabulary.ts"
import { execute, load } from "../src/lifecycle/workflow.ts"
import { defaultRuleBook } from "../src/RuleBook.ts"
import * as WorkCalendar from "../src/WorkCalendar.ts"

const region = Region.makeUnsafe("530103")
const ctx = (role: Role, day = "2024-06-03"): Context => ({ at: `${day}T10:00:00+08:00`, calendar: WorkCalendar.china, book: defaultRuleBook, actor: { id: `${role}-1`, role, region } })
const lawyers = ["L1", "L2"].map((id) => ({ id, firmId: "F1", region, yearsOfPractice: 5, languages: [], specialties: [], minorsTrained: false, maxOpenCases: 10 }))
const eligible = { outcome: "eligible", meansTest: "passed", citations: ["LAL-31-1-5", "LAL-34"], ruleSetId: "LAL-2022" } as const

const decided = Effect.gen(function* () {
  yield* execute("A-1", { type: "apply", caseId: "A-1", region, kind: "civil", channel: "centre" }, ctx("intake"))
  yield* execute("A-1", { type: "startReview" }, ctx("reviewer"))
  return (yield* execute("A-1", { type: "decide", eligibility: eligible }, ctx("reviewer"))).case
})

describe("assignCase at an expected version", () => {
  it("refuses a stale version before choosing, and appends nothing", async () => {
    const program = Effect.gen(function* () {
      const before = yield* decided
      const stale = yield* Effect.flip(assignCase("A-1", lawyers, ctx("dispatcher"), { expectedVersion: before.version - 1 }))
      const after = yield* load(region, "A-1")
      const done = yield* assignCase("A-1", lawyers, ctx("dispatcher"), { expectedVersion: before.version })
      const again = yield* Effect.flip(reassignCase("A-1", lawyers, "complaint", ctx("dispatcher"), { expectedVersion: before.version }))
      return { before, stale, after, done, again }
    })
    const { before, stale, after, done, again } = await Effect.runPromise(Effect.provide(program, layer()))
    expect(stale._tag).toBe("VersionConflict")
    expect(stale).toMatchObject({ caseId: "A-1", expected: before.version - 1, actual: before.version })
    expect(after.version).toBe(before.version)
    expect(done.case.state).toBe("assigned")
    expect(done.case.version).toBe(before.version + 1)
    expect(again._tag).toBe("VersionConflict")
  })
})
