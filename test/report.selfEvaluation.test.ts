/**
 * selfEvaluation on empty stores: the ledger's measures need the budget of the year evaluated, and
 * a budget of another year is a typed error naming the field, not a silently empty plan.
 */
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { layer } from "../adapters/memory/index.ts"
import { LedgerStore } from "../src/budget/index.ts"
import * as CalendarDate from "../src/CalendarDate.ts"
import { schemes } from "../src/evaluation/index.ts"
import * as Region from "../src/Region.ts"
import { selfEvaluation } from "../src/report/index.ts"
import { budget2018 } from "../examples/panlong-2018/pipeline.ts"

const options = (year: number) => ({
  scope: Region.makeUnsafe("530103"),
  year,
  scheme: schemes.panlong2018,
  budgetId: budget2018.id,
  regionName: "盘龙区",
  projectName: "法律援助项目",
  generatedOn: CalendarDate.makeUnsafe("2019-01-15")
})

const run = (year: number) =>
  Effect.runPromise(
    Effect.provide(
      Effect.gen(function* () {
        yield* (yield* LedgerStore).putBudget(budget2018)
        return yield* Effect.result(selfEvaluation(options(year)))
      }),
      layer()
    )
  )

describe("selfEvaluation", () => {
  it("refuses a budget of another year, naming the field", async () => {
    const r = await run(2019)
    expect(r._tag).toBe("Failure")
    if (r._tag === "Failure") {
      expect(r.failure._tag).toBe("BudgetYearMismatch")
      expect(r.failure.message).toMatch(/^budgetId: /)
    }
  })

  it("scores an empty year with the budget's measures and no cases", async () => {
    const r = await run(2018)
    expect(r._tag).toBe("Success")
    if (r._tag === "Success") {
      expect(r.success.measures.get("budget.execution-rate")?.value.numerator).toBe(0)
      expect(r.success.measures.get("cases.accepted")?.value.numerator).toBe(0)
      expect(r.success.report.budget?.lines.map((l) => l.name)).toEqual(budget2018.lines.map((l) => l.name))
    }
  })
})
