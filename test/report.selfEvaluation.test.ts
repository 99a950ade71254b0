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
import { renderMarkdown, selfEvaluation } from "../src/report/index.ts"
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

const run = (year: number, extra: { readonly allowEmpty?: boolean; readonly budgetId?: undefined } = {}) =>
  Effect.runPromise(
    Effect.provide(
      Effect.gen(function* () {
        yield* (yield* LedgerStore).putBudget(budget2018)
        const { budgetId, ...rest } = options(year)
        return yield* Effect.result(selfEvaluation({ ...rest, ...("budgetId" in extra ? {} : { budgetId }), ...(extra.allowEmpty === undefined ? {} : { allowEmpty: extra.allowEmpty }) }))
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

  it("says that nothing was found in an empty scope and year, rather than grading it", async () => {
    for (const r of [await run(2018), await run(2018, { budgetId: undefined })]) {
      expect(r._tag).toBe("Failure")
      if (r._tag === "Failure") {
        expect(r.failure._tag).toBe("NothingToEvaluate")
        expect(r.failure.message).toMatch(/^scope: nothing to evaluate in 530103 for 2018/)
      }
    }
  })

  it("scores an empty year when asked, with the budget's measures and no cases, and the report says it is empty", async () => {
    const r = await run(2018, { allowEmpty: true })
    expect(r._tag).toBe("Success")
    if (r._tag === "Success") {
      expect(r.success.measures.get("budget.execution-rate")?.value.numerator).toBe(0)
      expect(r.success.measures.get("cases.accepted")?.value.numerator).toBe(0)
      expect(r.success.report.budget?.lines.map((l) => l.name)).toEqual(budget2018.lines.map((l) => l.name))
      expect(r.success.report.empty).toBe(true)
      expect(renderMarkdown(r.success.report)).toMatch(/未找到任何案件、记录或支出/)
    }
  })
})
