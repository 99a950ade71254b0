/**
 * Subsidies flowing into the ledger: concluded cases and worked shifts become entries keyed by
 * case and seat, a case the standard cannot pay is reported (not thrown), and the result does not
 * depend on the order of the cases.
 */
import { Effect, Result } from "effect"
import { describe, expect, it } from "vitest"
import { layer } from "../adapters/memory/index.ts"
import { reconcile, subsidiesForLedger } from "../src/budget/index.ts"
import { loadAll } from "../src/lifecycle/workflow.ts"
import * as Region from "../src/Region.ts"
import { tables } from "../src/subsidy/index.ts"
import { generate } from "../examples/panlong-2018/generate.ts"
import { runCases } from "../examples/panlong-2018/cases.ts"
import { budget2018 } from "../examples/panlong-2018/pipeline.ts"

const plan = generate(2018)
const small = { ...plan, cases: plan.cases.slice(0, 120) }
const region = Region.makeUnsafe("530103")
const cases = await Effect.runPromise(
  Effect.provide(
    Effect.gen(function* () {
      yield* runCases(small)
      return (yield* loadAll(region)).cases
    }),
    layer()
  )
)
const shifts = [
  { region, date: "2018-05-16", siteId: "court", slot: "full", seat: 0, lawyerId: "L01" },
  { region, date: "2018-05-18", siteId: "procuratorate", slot: "am", seat: 0, lawyerId: "L02" }
] as const

describe("subsidiesForLedger", () => {
  const facts = (id: string) => {
    const p = small.cases.find((c) => c.id === id)!
    return { ...(p.stages.length > 0 ? { stagesCompleted: p.stages } : {}), recipients: p.recipients, ...(p.end?.withdrawal === undefined ? {} : { endedBy: `withdrawn-${p.end.withdrawal}` as const }) }
  }

  it("reads every fact a subsidy needs from the cases' events: the same amounts as the plan's facts", () => {
    const fromEvents = Result.getOrThrow(subsidiesForLedger({ budget: budget2018, catalogue: tables.panlong, cases, shifts: [] }))
    const fromPlan = Result.getOrThrow(subsidiesForLedger({ budget: budget2018, catalogue: tables.panlong, cases, shifts: [], factsOf: (c) => ({ ...facts(c.id), possibleLifeOrDeath: small.cases.find((p) => p.id === c.id)!.possibleLifeOrDeath }) }))
    expect(fromEvents.unpaid).toEqual([])
    expect(fromEvents.payables).toEqual(fromPlan.payables)
    expect(cases.some((c) => c.withdrawal !== undefined) && cases.some((c) => (c.stagesCompleted?.length ?? 0) > 1)).toBe(true)
  })

  it("pays every case whose closing materials were filed, and every shift, keyed for the ledger", () => {
    const run = Result.getOrThrow(subsidiesForLedger({ budget: budget2018, catalogue: tables.panlong, cases, shifts: [...shifts] as never }))
    const filed = cases.filter((c) => c.clocks.some((k) => k.kind === "closing-materials" && k.stoppedOn !== undefined))
    expect(filed.length).toBeGreaterThan(0)
    expect(run.cases).toBe(filed.length)
    expect(run.shifts).toBe(2)
    expect(run.unpaid).toEqual([])
    expect(new Set(run.payables.map((p) => p.key)).size).toBe(run.payables.length)
    expect(run.payables.filter((p) => p.key.startsWith("shift:530103:2018-05-18:procuratorate:am:0"))).toHaveLength(1)
    expect(reconcile(run.entries, run.payables).balanced).toBe(true)
    for (const e of run.entries) expect(e.amount).toBeGreaterThan(0)
  })

  it("reports a case it cannot pay instead of failing the run", () => {
    // Withdrawals recorded without when they happened cannot be paid for a civil case.
    const withoutEnding = cases.map(({ withdrawal: _, ...rest }) => rest)
    const run = Result.getOrThrow(subsidiesForLedger({ budget: budget2018, catalogue: tables.panlong, cases: withoutEnding, shifts: [] }))
    const withdrawn = cases.filter((c) => c.outcome === "withdrawn-by-party" && c.clocks.some((k) => k.kind === "closing-materials" && k.stoppedOn !== undefined))
    expect(withdrawn.length).toBeGreaterThan(0)
    expect(run.unpaid.map((u) => u.caseId).sort()).toEqual(withdrawn.map((c) => c.id).sort())
    for (const u of run.unpaid) expect(u.reason.length).toBeGreaterThan(0)
  })

  it("does not depend on the order of the cases", () => {
    const a = Result.getOrThrow(subsidiesForLedger({ budget: budget2018, catalogue: tables.panlong, cases, shifts: [] }))
    const b = Result.getOrThrow(subsidiesForLedger({ budget: budget2018, catalogue: tables.panlong, cases: [...cases].reverse(), shifts: [] }))
    expect(JSON.stringify(b)).toBe(JSON.stringify(a))
  })
})
