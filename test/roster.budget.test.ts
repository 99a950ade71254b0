/**
 * The solver's budget: a roster built to be hard (one site every day, a full day, a morning and an
 * afternoon of 20 seats each, 400 days, 200 lawyers — 24,000 seats) once ran for minutes and now
 * takes some 3.5 s on a 2-core machine; with a time or step budget well below that the solver
 * stops within it, returns the best roster found with its certificate, and still fills every seat
 * someone can take. Input beyond the stated limits is refused.
 */
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { decodeRosterInput, limits } from "../src/roster/Roster.ts"
import { solve } from "../src/roster/solve.ts"
import { expectUnfilledExplained, violations } from "./support/roster-arbitraries.ts"

const hard = (days = 400, lawyers = 200) =>
  Result.getOrThrow(
    decodeRosterInput({
      period: { from: "2018-01-01", to: new Date(Date.UTC(2018, 0, days)).toISOString().slice(0, 10) },
      sites: [{ id: "S", region: "530103", days: "every-day", shifts: (["full", "am", "pm"] as const).map((slot) => ({ slot, lawyersNeeded: 20 })) }],
      lawyers: Array.from({ length: lawyers }, (_, i) => ({ id: `L${String(i).padStart(3, "0")}`, firmId: `F${i % 7}`, region: "530103", yearsOfPractice: 1 + (i % 20) })),
      parameters: { maxPerMonth: 12, minDaysBetweenShifts: 2 },
      seed: 7
    })
  )

describe("the roster solver's budget", { timeout: 120_000 }, () => {
  it("honours a time limit within a tolerance, and the roster it returns keeps every hard constraint", () => {
    const input = hard()
    const limitMs = 300
    const started = performance.now()
    const roster = solve(input, { timeLimitMs: limitMs, maxSteps: Infinity })
    const elapsed = performance.now() - started
    // Building the board (24,000 seats × 200 candidates) and the certificate's bound come on top
    // of the search the limit stops: the tolerance covers them on a loaded 2-core machine.
    expect(elapsed).toBeLessThan(limitMs + 4_000)
    expect(roster.certificate.stoppedEarly?.reason).toBe("time")
    expect(roster.certificate.gap).toBeGreaterThanOrEqual(0)
    expect(violations(input, roster)).toEqual([])
    expectUnfilledExplained(input, roster)
  })

  it("stops after a number of steps, deterministically", () => {
    const input = hard(60, 60)
    const a = solve(input, { maxSteps: 20_000 })
    const b = solve(input, { maxSteps: 20_000 })
    expect(a.certificate.stoppedEarly).toEqual({ reason: "steps", steps: 20_001 })
    expect(JSON.stringify(b)).toBe(JSON.stringify(a))
    expect(violations(input, a)).toEqual([])
    expectUnfilledExplained(input, a)
    // Without a binding budget it finishes and says nothing of one.
    expect(solve(hard(20, 60)).certificate.stoppedEarly).toBeUndefined()
  })

  it("refuses a roster beyond its stated limits, naming the field", () => {
    const big = decodeRosterInput({
      period: { from: "2018-01-01", to: "2019-01-31" },
      sites: Array.from({ length: 20 }, (_, i) => ({ id: `S${i}`, region: "530103", days: "every-day", shifts: [{ slot: "full", lawyersNeeded: 20 }, { slot: "am", lawyersNeeded: 20 }] })),
      lawyers: [{ id: "L1", firmId: "F1", region: "530103", yearsOfPractice: 3 }],
      seed: 1
    })
    expect(Result.isFailure(big) && big.failure.issues.map((i) => i.path)).toEqual(["sites"])
    expect(Result.isFailure(big) && big.failure.message).toMatch(new RegExp(`at most ${limits.seats} seats`))
    const many = decodeRosterInput({
      period: { from: "2018-01-01", to: "2018-01-31" },
      sites: [{ id: "S", region: "530103", shifts: [{ slot: "full", lawyersNeeded: 1 }] }],
      lawyers: Array.from({ length: limits.lawyers + 1 }, (_, i) => ({ id: `L${i}`, firmId: "F", region: "530103", yearsOfPractice: 3 })),
      seed: 1
    })
    expect(Result.isFailure(many) && many.failure.issues.map((i) => i.path)).toEqual(["lawyers"])
  })
})
