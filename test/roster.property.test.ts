import { Result } from "effect"
import fc from "fast-check"
import { afterAll, describe, expect, it } from "vitest"
import type { CalendarDate } from "../src/CalendarDate.ts"
import { replan } from "../src/roster/replan.ts"
import type { Roster, RosterInput } from "../src/roster/Roster.ts"
import { decodeRosterInput } from "../src/roster/Roster.ts"
import { balance, Board, fill, fillAndBalance, firmDeviation, hasTakeableSeat, refine, report, rotationCost, solve, swapForRotation, transferForQuotas } from "../src/roster/solve.ts"
import * as WorkCalendar from "../src/WorkCalendar.ts"
import {
  dateOf,
  datesBetween,
  epochDay,
  exhaustive,
  expectUnfilledExplained,
  keyOf,
  interchangeable,
  loadsOf,
  mediumInstance,
  modelSeats,
  mostSeats,
  shuffled,
  smallInstance,
  violations
} from "./support/roster-arbitraries.ts"
import { referenceSwaps } from "./support/roster-reference.ts"

const maxLoad = (input: RosterInput, roster: Roster) => Math.max(0, ...loadsOf(input, roster).values())

/**
 * The flow-shaped instances: one shift a day (minDaysBetweenShifts = 1), or half-days allowed
 * (0) with every shift of one kind. Then seat → lawyer-day → lawyer-month is a flow network, and
 * an augmenting path (or a balancing chain) exists whenever coverage (or the largest load) can
 * improve. With 0 and full days mixed with half days, a full day needs both halves of one
 * lawyer-day (not a flow); with 2, the rest rule spans neighbouring days (not a flow either).
 */
const flowShaped = fc.oneof(smallInstance([1]), smallInstance([0], { uniformSlots: true }))

describe("roster properties: hard constraints (district-sized instances, gaps 0, 1, 2)", () => {
  it("no lawyer in two places at once, never on an unavailable date, qualified for every seat, under the monthly maximum; pins kept", () => {
    fc.assert(
      fc.property(mediumInstance(), (input) => {
        const roster = solve(input)
        expect(violations(input, roster)).toEqual([])
        expect(roster.assignments.length + roster.unfilled.length).toBe(modelSeats(input).length)
        for (const p of input.pinned ?? []) {
          expect(roster.assignments.some((a) => a.pinned && a.date === p.date && a.siteId === p.siteId && a.slot === p.slot && a.lawyerId === p.lawyerId)).toBe(true)
        }
        expect(roster.assignments.filter((a) => a.pinned).length).toBe((input.pinned ?? []).length)
      })
    )
  })

  it("an unfilled seat is one no qualified, available lawyer could take as the roster stands, and says why", () => {
    fc.assert(fc.property(mediumInstance(), (input) => expectUnfilledExplained(input, solve(input))))
  })
})


describe("roster regressions: open seats a lawyer could take", () => {
  const decode = (raw: unknown): RosterInput => {
    const r = decodeRosterInput(raw)
    if (Result.isFailure(r)) throw new Error(r.failure.message)
    return r.success
  }
  const lawyer = (id: string, extra: Record<string, unknown> = {}) => ({ id, firmId: "F1", region: "530103", yearsOfPractice: 5, ...extra })

  // FAYUAN_FC_SEED=1558368802, path 147, as CI found it: with a rest of 2 days, a rotation swap in
  // refine moved L7 from 10-10 to 10-11, which freed L7 for the open seats of 10-09.
  it("seed 1558368802: the seats a move in balancing or refining frees a lawyer for are filled", () => {
    const input = decode({
      period: { from: "2018-10-02", to: "2018-10-19" },
      sites: [
        { id: "S0", region: "5301", days: "every-day", shifts: [{ slot: "pm", lawyersNeeded: 1 }], minYearsOfPractice: 3, languages: ["yi"], openFrom: "2018-10-07" },
        { id: "S1", region: "530103", days: "working-days", shifts: [{ slot: "am", lawyersNeeded: 2 }], minYearsOfPractice: 0, languages: [], openTo: "2018-10-09" },
        { id: "S2", region: "530103", days: "every-day", shifts: [{ slot: "pm", lawyersNeeded: 2 }], openFrom: "2018-10-05", openTo: "2018-10-13" }
      ],
      lawyers: [
        { id: "L0", firmId: "F1", region: "530103", yearsOfPractice: 1, languages: ["bai"], unavailable: ["2018-10-02", "2018-10-06", "2018-10-07", "2018-10-10", "2018-10-12", "2018-10-15", "2018-10-16"], maxPerMonth: 2, preferredSites: [], preferredWeekdays: [7] },
        {
          id: "L1",
          firmId: "F3",
          region: "530102",
          yearsOfPractice: 6,
          unavailable: ["2018-10-02", "2018-10-03", "2018-10-04", "2018-10-05", "2018-10-06", "2018-10-07", "2018-10-09", "2018-10-10", "2018-10-11", "2018-10-12", "2018-10-13", "2018-10-14", "2018-10-15", "2018-10-16", "2018-10-17", "2018-10-18", "2018-10-19"],
          maxPerMonth: 2,
          preferredSites: ["S1", "S2"],
          preferredWeekdays: [1, 2, 3, 4, 5, 6, 7]
        },
        { id: "L2", firmId: "F3", region: "530103", yearsOfPractice: 5, languages: [], unavailable: ["2018-10-02", "2018-10-03", "2018-10-04", "2018-10-05", "2018-10-06", "2018-10-07", "2018-10-12", "2018-10-16", "2018-10-17", "2018-10-19"], maxPerMonth: 2, preferredSites: [] },
        {
          id: "L3",
          firmId: "F3",
          region: "530102",
          yearsOfPractice: 3,
          languages: ["yi"],
          unavailable: ["2018-10-02", "2018-10-03", "2018-10-04", "2018-10-05", "2018-10-06", "2018-10-08", "2018-10-09", "2018-10-11", "2018-10-15", "2018-10-16", "2018-10-17", "2018-10-18", "2018-10-19"],
          maxPerMonth: 4,
          preferredSites: ["S2"],
          preferredWeekdays: [7]
        },
        {
          id: "L4",
          firmId: "F3",
          region: "530103",
          yearsOfPractice: 1,
          languages: [],
          unavailable: ["2018-10-02", "2018-10-04", "2018-10-05", "2018-10-06", "2018-10-08", "2018-10-10", "2018-10-11", "2018-10-12", "2018-10-14", "2018-10-16", "2018-10-17", "2018-10-19"],
          maxPerMonth: 2,
          preferredSites: ["S1"],
          preferredWeekdays: [2, 3, 5, 6]
        },
        { id: "L5", firmId: "F1", region: "530103", yearsOfPractice: 5, languages: ["yi", "bai"], unavailable: ["2018-10-02", "2018-10-04", "2018-10-06", "2018-10-09", "2018-10-16", "2018-10-18", "2018-10-19"], maxPerMonth: 2, preferredSites: ["S2"], preferredWeekdays: [] },
        { id: "L6", firmId: "F3", region: "530103", yearsOfPractice: 1, languages: [], unavailable: ["2018-10-02", "2018-10-03", "2018-10-04", "2018-10-19"], maxPerMonth: 4, preferredSites: ["S0"] },
        { id: "L7", firmId: "F1", region: "530103", yearsOfPractice: 4, languages: [], unavailable: ["2018-10-05", "2018-10-08", "2018-10-16"], preferredSites: ["S0", "S1", "S2"], preferredWeekdays: [1, 2, 4, 5, 6, 7] },
        { id: "L8", firmId: "F2", region: "530103", yearsOfPractice: 5, unavailable: ["2018-10-05", "2018-10-06", "2018-10-13", "2018-10-17"], maxPerMonth: 2, preferredSites: ["S0"] }
      ],
      pinned: [{ date: "2018-10-12", siteId: "S2", slot: "pm", lawyerId: "L4" }],
      parameters: { maxPerMonth: 5, minDaysBetweenShifts: 2 },
      seed: 526338659
    })
    const roster = solve(input)
    expect(violations(input, roster)).toEqual([])
    expectUnfilledExplained(input, roster)
  })

  // The same failure, minimised: refine swaps L7's 10-10 for L8's 10-11 (and L6's 10-07 for
  // L7's 10-06), and with a rest of 2 days L7 is then free on 10-09.
  it("a rotation swap that frees a lawyer for an open seat (rest of 2 days): the seat is filled", () => {
    const input = decode({
      period: { from: "2018-10-06", to: "2018-10-13" },
      sites: [{ id: "S2", region: "530103", days: "every-day", shifts: [{ slot: "pm", lawyersNeeded: 2 }] }],
      lawyers: [
        lawyer("L2", { maxPerMonth: 2 }),
        lawyer("L4", { unavailable: ["2018-10-06", "2018-10-10", "2018-10-12"] }),
        lawyer("L6"),
        lawyer("L7", { unavailable: ["2018-10-08"], preferredWeekdays: [1, 2, 4, 5, 6, 7] }),
        lawyer("L8", { maxPerMonth: 2 })
      ],
      parameters: { minDaysBetweenShifts: 2 },
      seed: 0
    })
    // One round of the phases leaves a seat open that L7 can take.
    const board = new Board(input, WorkCalendar.china)
    fill(board)
    balance(board)
    refine(board)
    expect(hasTakeableSeat(board)).toBe(true)
    // The solver repeats them until no open seat can be taken.
    const roster = solve(input)
    expect(violations(input, roster)).toEqual([])
    expectUnfilledExplained(input, roster)
    expect(roster.assignments.length).toBeGreaterThan(board.total)
  })
})

describe("roster properties: optimality against exhaustive search (≤ 4 lawyers, ≤ 2 sites, ≤ 6 days, ≤ 8 seats)", () => {
  it("coverage is maximal when flow-shaped (minDaysBetweenShifts 1, or 0 with one kind of shift): augmenting paths are exact there", () => {
    fc.assert(
      fc.property(flowShaped, (input) => {
        expect(solve(input).assignments.length).toBe(exhaustive(input, modelSeats(input)).coverage)
      })
    )
  })

  it("the maximum load equals the exhaustive optimum among maximal-coverage rosters when flow-shaped, and the lower bound never exceeds it", () => {
    fc.assert(
      fc.property(flowShaped, (input) => {
        const roster = solve(input)
        const best = exhaustive(input, modelSeats(input))
        expect(roster.certificate.maxLoad).toBe(maxLoad(input, roster))
        expect(roster.certificate.maxLoad).toBe(best.maxLoad)
        expect(roster.certificate.lowerBound).toBeLessThanOrEqual(best.maxLoad)
        expect(roster.certificate.gap).toBe(roster.certificate.maxLoad - roster.certificate.lowerBound)
      })
    )
  })

  it("balancing reaches the optimum from any starting roster when flow-shaped (heavy-first random starts, then fill and balance)", () => {
    fc.assert(
      fc.property(flowShaped, fc.array(fc.nat(), { minLength: 16, maxLength: 16 }), (input, noise) => {
        const board = new Board(input, WorkCalendar.china)
        // A deliberately unfair start: seats in a random order, mostly to the most loaded lawyer who can take them.
        const order = board.seats.map((_, s) => s).sort((a, b) => noise[a % 16]! - noise[b % 16]! || a - b)
        for (const s of order) {
          if (board.holder[s] !== -1) continue
          const can = board.seats[s]!.candidates.filter((l) => board.canTake(l, s))
          if (can.length === 0) continue
          const top = Math.max(...can.map((l) => board.lawyers[l]!.load))
          const pool = noise[s % 16]! % 4 === 0 ? can : can.filter((l) => board.lawyers[l]!.load === top)
          board.take(pool[noise[(s + 7) % 16]! % pool.length]!, s)
        }
        fillAndBalance(board)
        const roster = report(board, input.period)
        const best = exhaustive(input, modelSeats(input))
        expect(violations(input, roster)).toEqual([])
        expect(roster.assignments.length).toBe(best.coverage)
        expect(roster.certificate.maxLoad).toBe(best.maxLoad)
      })
    )
  })

  it("interchangeable lawyers (same qualifications, availability and maximum, no pins) differ by at most 1 when some maximal roster allows it (flow-shaped)", () => {
    fc.assert(
      fc.property(fc.oneof(smallInstance([1], { maxPins: 0 }), smallInstance([0], { maxPins: 0, uniformSlots: true })), (input) => {
        const seats = modelSeats(input)
        const groups = interchangeable(input, seats)
        fc.pre(groups.length > 0)
        fc.pre(exhaustive(input, seats, groups).spreadFeasible)
        const roster = solve(input)
        const loads = loadsOf(input, roster)
        for (const g of groups) {
          const ls = g.map((id) => loads.get(id)!)
          expect(Math.max(...ls) - Math.min(...ls), `group ${g.join(",")}`).toBeLessThanOrEqual(1)
          // The certificate reports the same group with the same spread.
          const reported = roster.certificate.groups.find((r) => r.lawyers.includes(g[0]!))
          expect(reported?.spread).toBe(Math.max(...ls) - Math.min(...ls))
        }
      })
    )
  })

  // Not flow-shaped: the solver is a heuristic there. Each instance must stay within the hard
  // constraints and never beat the optimum; the observed shortfall (≈ 0.1% of instances, by 1
  // seat, once by 2 in 100,000) is checked against a loose ceiling and printed.
  const shortfalls = { "minDaysBetweenShifts 2": [0, 0, 0], "minDaysBetweenShifts 0 with full and half days mixed": [0, 0, 0] }
  afterAll(() => {
    for (const [name, [runs, short, seats]] of Object.entries(shortfalls)) {
      if (runs! > 0 && process.env["FAYUAN_FC_QUIET"] === undefined) console.info(`roster coverage, ${name}: ${short}/${runs} instances one or more seats short of the optimum (${seats} seats in all)`)
    }
  })
  for (const [name, arb] of [
    ["minDaysBetweenShifts 2", smallInstance([2])],
    ["minDaysBetweenShifts 0 with full and half days mixed", smallInstance([0])]
  ] as const) {
    it(`${name} (not flow-shaped, the augmenting-path argument is not exact): coverage at most the optimum and at most 2 seats short, rarely short; the lower bound is still sound`, () => {
      const tally = shortfalls[name]
      const before = [...tally]
      fc.assert(
        fc.property(arb, (input) => {
          const roster = solve(input)
          const best = exhaustive(input, modelSeats(input))
          expect(violations(input, roster)).toEqual([])
          const short = best.coverage - roster.assignments.length
          expect(short).toBeGreaterThanOrEqual(0)
          expect(short).toBeLessThanOrEqual(2)
          expect(roster.certificate.lowerBound).toBeLessThanOrEqual(best.maxLoad)
          tally[0]!++
          if (short > 0) {
            tally[1]!++
            tally[2]! += short
          }
        })
      )
      // Including fast-check's shrinking runs, fewer than 5% of instances fall short.
      expect((tally[1]! - before[1]!) / Math.max(1, tally[0]! - before[0]!)).toBeLessThan(0.05)
    })
  }
})

describe("roster properties: determinism", () => {
  it("shuffling every input list (sites, lawyers, firms, pins, shifts, dates, languages) gives the identical roster", () => {
    fc.assert(
      fc.property(mediumInstance(), fc.integer(), (input, seed) => {
        expect(solve(shuffled(input, seed))).toEqual(solve(input))
      }),
      { numRuns: 100 }
    )
  })
})

describe("roster properties: re-planning", () => {
  const scenario = mediumInstance().chain((input) => {
    const dates = datesBetween(input.period.from, input.period.to)
    return fc.record({
      input: fc.constant(input),
      lawyer: fc.constantFrom(...input.lawyers.map((l) => l.id)),
      from: fc.constantFrom(...dates),
      length: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
      today: fc.constantFrom(...dates, dateOf(epochDay(input.period.from) - 1))
    })
  })

  it("keeps pinned and past shifts, keeps the absent lawyer off the absence, keeps the hard constraints, and changes few seats", () => {
    fc.assert(
      fc.property(scenario, ({ input, lawyer, from, length, today }) => {
        const roster = solve(input)
        const to = length === undefined ? undefined : dateOf(epochDay(from) + length)
        const absence = { lawyerId: lawyer, from: from as CalendarDate, ...(to === undefined ? {} : { to: to as CalendarDate }) }
        const end = to ?? input.period.to
        const { roster: next, input: nextInput, changes } = replan(input, roster, absence, today as CalendarDate)
        const before = new Map(roster.assignments.map((a) => [keyOf(a), a]))
        const after = new Map(next.assignments.map((a) => [keyOf(a), a]))
        for (const a of roster.assignments) {
          if (a.pinned || a.date < today) expect(after.get(keyOf(a))?.lawyerId, `${keyOf(a)} moved`).toBe(a.lawyerId)
          if (a.pinned) expect(after.get(keyOf(a))?.pinned).toBe(true)
        }
        for (const c of changes) expect(c.date >= today, `change on ${c.date} before ${today}`).toBe(true)
        for (const a of next.assignments) {
          if (a.lawyerId === lawyer && a.date >= from && a.date <= end) expect(a.pinned || a.date < today, `${keyOf(a)} kept in the absence`).toBe(true)
        }
        // The absent lawyer's kept (past or pinned) shifts are the only ones on their new unavailable dates.
        expect(violations(nextInput, next).filter((v) => !(v.startsWith(`${lawyer} at `) && v.endsWith(": unavailable")))).toEqual([])
        // No seat ahead stays open that someone could take.
        expectUnfilledExplained(nextInput, next, today)
        const diff = [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k)?.lawyerId !== after.get(k)?.lawyerId).sort()
        expect(changes.map(keyOf).sort()).toEqual(diff)
        for (const c of changes) if (c.from !== undefined && c.from !== lawyer) expect(c.to, `${keyOf(c)} emptied`).toBeDefined()
        // Seats that had to change: the absent lawyer's (ahead, in the absence, not pinned) and the open seats ahead.
        const freed =
          roster.assignments.filter((a) => a.lawyerId === lawyer && !a.pinned && a.date >= today && a.date >= from && a.date <= end).length +
          roster.unfilled.filter((u) => u.date >= today).length
        expect(changes.length).toBeLessThanOrEqual(3 * freed)
      })
    )
  })

  it("re-planning for an absence after the period changes nothing when flow-shaped (the roster is already maximal)", () => {
    fc.assert(
      fc.property(mediumInstance([1]), (input) => {
        const roster = solve(input)
        const after = dateOf(epochDay(input.period.to) + 1) as CalendarDate
        const { changes, roster: next } = replan(input, roster, { lawyerId: input.lawyers[0]!.id, from: after }, input.period.from)
        expect(changes).toEqual([])
        expect(next.assignments).toEqual(roster.assignments)
      }),
      { numRuns: 100 }
    )
  })
})

describe("roster properties: the lower goals", () => {
  it("a firm is flagged exactly when its seats miss p × covered / q by a whole seat, and the reason given holds (exhaustive, ≤ 8 seats)", () => {
    fc.assert(
      fc.property(smallInstance([0, 1, 2], { quotas: true }), (input) => {
        const roster = solve(input)
        const misses = roster.certificate.quotaMisses
        if (input.firms === undefined) {
          expect(misses).toBeUndefined()
          return
        }
        const seats = modelSeats(input)
        const covered = roster.assignments.length
        const firmOf = new Map(input.lawyers.map((l) => [l.id, l.firmId]))
        for (const firm of input.firms) {
          const miss = misses?.find((m) => m.firmId === firm.id)
          if (firm.quotaShare === undefined) {
            expect(miss).toBeUndefined()
            continue
          }
          const { numerator: p, denominator: q } = firm.quotaShare
          const held = roster.assignments.filter((a) => firmOf.get(a.lawyerId) === firm.id).length
          const off = held * q - p * covered
          expect(miss !== undefined, `${firm.id}: ${held} of ${covered} seats, quota ${p}/${q}`).toBe(Math.abs(off) >= q)
          if (miss === undefined) continue
          expect(miss).toMatchObject({ quota: `${p}/${q}`, share: `${held}/${covered}`, seats: held })
          // Below: the firm's lawyers hold at most `most`; above: the other firms' lawyers do.
          const below = off < 0
          const members = new Set(input.lawyers.filter((l) => (l.firmId === firm.id) === below).map((l) => l.id))
          const short = (most: number) => (below ? (most + 1) * q <= p * covered : (covered - most - 1) * q >= p * covered)
          const atMost = /at most (\d+) of the (\d+) seats in any roster$/.exec(miss.reason)
          const above = /would raise the largest load above (\d+)$/.exec(miss.reason)
          if (atMost !== null) {
            expect(miss.reason).toMatch(below ? /of the firm:/ : /of the other firms:/)
            expect(mostSeats(input, seats, members, covered)).toBeLessThanOrEqual(Number(atMost[1]))
            expect(short(Number(atMost[1]))).toBe(true)
          } else if (above !== null) {
            expect(Number(above[1])).toBe(roster.certificate.maxLoad)
            expect(short(mostSeats(input, seats, members, covered, Number(above[1])))).toBe(true)
          } else expect(miss.reason).toBe("loads are balanced first: the quota only breaks ties between loads, and no move toward it keeps the loads as balanced")
        }
      })
    )
  })


  it("refining keeps the sorted loads and never worsens firm shares, nor rotation unless firm shares improved", () => {
    fc.assert(
      fc.property(mediumInstance([0, 1, 2]), (input) => {
        const board = new Board(input, WorkCalendar.china)
        fill(board)
        balance(board)
        const loads = () => board.lawyers.map((l) => l.load).sort((a, b) => a - b)
        const rotation = () => board.lawyers.reduce((sum, l) => sum + rotationCost(board, l.index), 0)
        const before = { loads: loads(), firms: firmDeviation(board), rotation: rotation(), covered: board.total }
        refine(board)
        expect(loads()).toEqual(before.loads)
        expect(board.total).toBe(before.covered)
        const firms = firmDeviation(board)
        expect(firms).toBeLessThanOrEqual(before.firms + 1e-9)
        if (firms > before.firms - 1e-9) expect(rotation()).toBeLessThanOrEqual(before.rotation)
        expect(violations(input, report(board, input.period))).toEqual([])
      }),
      { numRuns: 60 }
    )
  })

  it("the rotation swaps skip only candidates a bound rules out: the same swaps, in the same order, as the plain search", () => {
    fc.assert(
      fc.property(mediumInstance([0, 1, 2]), (input) => {
        const boards = [new Board(input, WorkCalendar.china), new Board(input, WorkCalendar.china)] as const
        for (const board of boards) {
          fill(board)
          balance(board)
          transferForQuotas(board)
        }
        swapForRotation(boards[0])
        referenceSwaps(boards[1])
        expect(boards[0].holder).toEqual(boards[1].holder)
        expect(boards[0].lawyers.map((l) => rotationCost(boards[0], l.index))).toEqual(boards[1].lawyers.map((l) => rotationCost(boards[1], l.index)))
      }),
      { numRuns: 150 }
    )
  })
})
