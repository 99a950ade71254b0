import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as CalendarDate from "../src/CalendarDate.ts"
import type { Grade } from "../src/lifecycle/vocabulary.ts"
import * as Money from "../src/Money.ts"
import * as Ratio from "../src/Ratio.ts"
import * as Region from "../src/Region.ts"
import { roundings } from "../src/Rounding.ts"
import type { ProceedingStage as Stage } from "../src/RuleSet.ts"
import type { Catalogue, Claim, Row, Service, Standard, Subsidy, WorkedShift } from "../src/subsidy/index.ts"
import { allocate, calculateCase, calculateDuty, calculateWork, catalogueProblems, makeCatalogue, services } from "../src/subsidy/index.ts"

const region = Region.makeUnsafe("530103")
const d = CalendarDate.makeUnsafe
const fen = (n: number) => n as Money.Fen
const stageList: ReadonlyArray<Stage> = ["investigation", "prosecution-review", "trial", "death-penalty-review"]
const gradeOrder: ReadonlyArray<Grade> = ["fail", "pass", "good", "excellent"]

// ---------------------------------------------------------------------------------------------
// Arbitraries: valid standards by construction, and claims against them.

const ratioIn = (min: number, maxNumerator: number): fc.Arbitrary<Ratio.Ratio> =>
  fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: maxNumerator })).map(([den, extra]) => Ratio.makeUnsafe(min * den + extra, den))

const amount = fc.integer({ min: 0, max: 500_000 })
const serviceSubset = fc.subarray([...services], { minLength: 1 })

/** The rows of one service/stage/place: grade levels with amounts that do not fall as the grade rises. */
const groupRows = (service: Service, stage: Stage | undefined, place: "home" | "outside", allowFail: boolean): fc.Arbitrary<Array<Row>> => {
  const levels: ReadonlyArray<Grade | undefined> = allowFail ? [undefined, "fail", "pass", "good", "excellent"] : [undefined, "pass", "good", "excellent"]
  return fc
    .subarray([...levels], { minLength: 1 })
    .filter((chosen) => chosen.some((g) => g === undefined || g === "fail" || g === "pass"))
    .chain((chosen) => fc.array(amount, { minLength: chosen.length, maxLength: chosen.length }).map((amounts) => {
      const sorted = [...amounts].sort((a, b) => a - b)
      return chosen.map((grade, i): Row => ({
        kind: "case",
        id: `${service}-${stage ?? "-"}-${place}-${grade ?? "any"}`,
        service,
        ...(stage === undefined ? {} : { stage }),
        ...(place === "outside" ? { place } : {}),
        ...(grade === undefined ? {} : { grade }),
        amount: fen(sorted[i]!)
      }))
    }))
}

const standardArb: fc.Arbitrary<Standard> = fc.boolean().chain((useUnqualified) => {
  const slots: Array<[Service, Stage | undefined]> = [...stageList.map((s): [Service, Stage] => ["criminal", s]), ...services.filter((s) => s !== "criminal").map((s): [Service, undefined] => [s, undefined])]
  const groups = slots.map(([service, stage]) =>
    fc.record({
      home: fc.option(groupRows(service, stage, "home", !useUnqualified), { freq: 5, nil: undefined }),
      outside: fc.option(groupRows(service, stage, "outside", !useUnqualified), { freq: 2, nil: undefined })
    })
  )
  const optional = <A>(arb: fc.Arbitrary<A>) => fc.option(arb, { freq: 2, nil: undefined })
  return fc
    .record({
      groups: fc.tuple(...groups),
      rounding: fc.constantFrom(...roundings),
      lifeOrDeath: optional(fc.record({ ratio: ratioIn(1, 16), services: optional(serviceSubset) })),
      complexity: optional(fc.record({ ratio: ratioIn(1, 16), services: optional(serviceSubset) })),
      outside: optional(fc.record({ ratio: ratioIn(1, 16), services: optional(serviceSubset) })),
      extra: optional(fc.record({ amount, maxRecipients: fc.integer({ min: 1, max: 20 }), services: optional(serviceSubset) })),
      early: fc.array(fc.record({ amount, services: optional(serviceSubset) }), { minLength: 3, maxLength: 3 }).chain((rows) => fc.tuple(...rows.map((r) => fc.option(fc.constant(r), { nil: undefined })))),
      unqualified: useUnqualified ? fc.option(fc.integer({ min: 0, max: 8 }).map((n) => Ratio.makeUnsafe(n, 8)), { freq: 4, nil: undefined }) : fc.constant(undefined),
      dutyDay: optional(amount),
      dutyHalf: optional(amount),
      consultDay: optional(amount),
      consultHalf: optional(amount),
      document: optional(amount)
    })
    .map((g): Standard => {
      const rows: Array<Row> = []
      for (const { home, outside } of g.groups) rows.push(...(home ?? []), ...(outside ?? []))
      const mult = (factor: "life-or-death" | "complexity" | "outside-home-city", m: { ratio: Ratio.Ratio; services: Array<Service> | undefined } | undefined) => {
        if (m !== undefined) rows.push({ kind: "multiplier", id: factor, factor, ratio: m.ratio, ...(m.services === undefined ? {} : { services: m.services }) })
      }
      mult("life-or-death", g.lifeOrDeath)
      mult("complexity", g.complexity)
      mult("outside-home-city", g.outside)
      if (g.extra !== undefined) {
        rows.push({ kind: "extra-recipient", id: "extra", amount: fen(g.extra.amount), maxRecipients: g.extra.maxRecipients, ...(g.extra.services === undefined ? {} : { services: g.extra.services }) })
      }
      const endings = ["terminated", "withdrawn-before-hearing", "withdrawn-during-hearing"] as const
      g.early.forEach((e, i) => {
        if (e !== undefined) rows.push({ kind: "early-end", id: endings[i]!, endedBy: endings[i]!, amount: fen(e.amount), ...(e.services === undefined ? {} : { services: e.services }) })
      })
      if (g.unqualified !== undefined) rows.push({ kind: "unqualified", id: "unqualified", ratio: g.unqualified })
      if (g.dutyDay !== undefined) rows.push({ kind: "duty", id: "duty-day", unit: "day", amount: fen(g.dutyDay) })
      if (g.dutyHalf !== undefined) rows.push({ kind: "duty", id: "duty-half", unit: "half-day", amount: fen(g.dutyHalf) })
      if (g.consultDay !== undefined) rows.push({ kind: "consultation", id: "consult-day", unit: "day", amount: fen(g.consultDay) })
      if (g.consultHalf !== undefined) rows.push({ kind: "consultation", id: "consult-half", unit: "half-day", amount: fen(g.consultHalf) })
      if (g.document !== undefined) rows.push({ kind: "document", id: "document", amount: fen(g.document) })
      return {
        id: "generated",
        region,
        effectiveFrom: d("2018-01-01"),
        effectiveTo: d("2018-12-31"),
        title: "generated",
        basis: [],
        source: "property test",
        verified: false,
        label: "generated",
        rounding: g.rounding,
        dateRule: "assigned-on",
        rows
      }
    })
})

const catalogueArb: fc.Arbitrary<Catalogue> = standardArb.map((s) => {
  const r = makeCatalogue([s])
  if (Result.isFailure(r)) throw new Error(`generator made an invalid standard: ${r.failure.message}`)
  return r.success
})

const claimArb: fc.Arbitrary<Claim> = fc
  .record({
    service: fc.constantFrom(...services),
    stages: fc.subarray([...stageList], { minLength: 1 }),
    endedBy: fc.constantFrom("concluded", "concluded", "terminated", "withdrawn-before-hearing", "withdrawn-during-hearing"),
    possibleLifeOrDeath: fc.boolean(),
    complexity: fc.option(ratioIn(1, 24), { nil: undefined }),
    outsideHomeCity: fc.option(fc.boolean(), { nil: undefined }),
    recipients: fc.integer({ min: 1, max: 30 }),
    grade: fc.option(fc.constantFrom(...gradeOrder), { nil: undefined }),
    lawyers: fc.option(
      fc.uniqueArray(fc.constantFrom("L1", "L2", "L3", "L4", "L5"), { minLength: 1, maxLength: 5 }).chain((ids) =>
        fc.boolean().chain((shared) =>
          shared
            ? fc.tuple(...ids.map((lawyerId) => fc.integer({ min: 1, max: 9 }).map((n) => ({ lawyerId, share: Ratio.makeUnsafe(n, 4) }))))
            : fc.constant(ids.map((lawyerId) => ({ lawyerId })))
        )
      ),
      { nil: undefined }
    )
  })
  .map((c): Claim => {
    const criminal = c.service === "criminal"
    return {
      region,
      caseId: "C-1",
      service: c.service,
      ...(criminal ? { stagesCompleted: c.stages, possibleLifeOrDeath: c.possibleLifeOrDeath } : {}),
      assignedOn: d("2018-03-01"),
      endedOn: d("2018-09-30"),
      endedBy: c.endedBy,
      ...(c.complexity === undefined ? {} : { complexity: c.complexity }),
      ...(c.outsideHomeCity === undefined ? {} : { outsideHomeCity: c.outsideHomeCity }),
      recipients: c.recipients,
      ...(c.grade === undefined ? {} : { grade: c.grade }),
      ...(c.lawyers === undefined ? {} : { lawyers: c.lawyers })
    }
  })

const wellFormed = (s: Subsidy): void => {
  expect(s.amount).toBeGreaterThanOrEqual(0)
  expect(Number.isSafeInteger(s.amount)).toBe(true)
  expect(Money.sum(s.lines.map((l) => l.amount))).toBe(s.amount)
  for (const l of s.lines) {
    expect(l.standardId).toBe(s.standard.id)
    expect(l.effectiveFrom).toBe(s.standard.effectiveFrom)
    expect(Number.isSafeInteger(l.amount)).toBe(true)
  }
  if (s.allocations !== undefined) {
    expect(Money.sum(s.allocations.map((a) => a.amount))).toBe(s.amount)
    for (const a of s.allocations) expect(a.amount).toBeGreaterThanOrEqual(0)
  }
}

const amountOr = (r: Result.Result<Subsidy, unknown>): number | undefined => (Result.isSuccess(r) ? r.success.amount : undefined)

// ---------------------------------------------------------------------------------------------

describe("subsidy properties: cases", () => {
  it("amounts are never negative, the lines sum to the amount, allocations to the whole; failures are typed", () => {
    let succeeded = 0
    fc.assert(
      fc.property(catalogueArb, claimArb, (catalogue, claim) => {
        const r = calculateCase(catalogue, claim)
        if (Result.isSuccess(r)) {
          succeeded++
          wellFormed(r.success)
        } else {
          expect(r.failure._tag).toBe("NotCovered")
        }
      })
    )
    expect(succeeded).toBeGreaterThan(0)
  })

  it("more stages completed never pay less", () => {
    fc.assert(
      fc.property(catalogueArb, claimArb, fc.subarray([...stageList]), (catalogue, claim, more) => {
        const fewer: Claim = { ...claim, service: "criminal", stagesCompleted: claim.stagesCompleted ?? ["trial"] }
        const all: Claim = { ...fewer, stagesCompleted: [...new Set([...fewer.stagesCompleted!, ...more])] }
        const a = amountOr(calculateCase(catalogue, fewer))
        const b = amountOr(calculateCase(catalogue, all))
        if (a !== undefined && b !== undefined) expect(a).toBeLessThanOrEqual(b)
      })
    )
  })

  it("a better grade never pays less", () => {
    fc.assert(
      fc.property(catalogueArb, claimArb, (catalogue, claim) => {
        const amounts = gradeOrder.map((grade) => amountOr(calculateCase(catalogue, { ...claim, grade })))
        for (let i = 0; i < amounts.length; i++) {
          for (let j = i + 1; j < amounts.length; j++) {
            const [a, b] = [amounts[i], amounts[j]]
            if (a !== undefined && b !== undefined) expect(a).toBeLessThanOrEqual(b)
          }
        }
        // Where the standard grades, a pass can always be paid when any grade can.
        if (amounts.some((a) => a !== undefined)) expect(amounts[1]).toBeDefined()
      })
    )
  })

  it("the order of stages and lawyers does not change the result", () => {
    fc.assert(
      fc.property(catalogueArb, claimArb, fc.integer(), (catalogue, claim, seed) => {
        const shuffle = <A>(xs: ReadonlyArray<A>): Array<A> => {
          const out = [...xs]
          let s = seed >>> 0
          for (let i = out.length - 1; i > 0; i--) {
            s = (Math.imul(s, 1103515245) + 12345) >>> 0
            const j = s % (i + 1)
            ;[out[i], out[j]] = [out[j]!, out[i]!]
          }
          return out
        }
        const shuffled: Claim = {
          ...claim,
          ...(claim.stagesCompleted === undefined ? {} : { stagesCompleted: shuffle(claim.stagesCompleted) }),
          ...(claim.lawyers === undefined ? {} : { lawyers: shuffle(claim.lawyers) })
        }
        expect(calculateCase(catalogue, shuffled)).toEqual(calculateCase(catalogue, claim))
      })
    )
  })

  it("allocations sum to the whole and do not depend on the order of the lawyers", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.uniqueArray(fc.record({ lawyerId: fc.string({ minLength: 1, maxLength: 3 }), share: fc.integer({ min: 1, max: 50 }) }), { minLength: 1, maxLength: 8, selector: (l) => l.lawyerId }),
        (total, list) => {
          const lawyers = list.map((l) => ({ lawyerId: l.lawyerId, share: Ratio.makeUnsafe(l.share, 10) }))
          const a = Result.getOrThrow(allocate({ amount: fen(total) }, lawyers))
          expect(Money.sum(a.map((x) => x.amount))).toBe(total)
          expect(Result.getOrThrow(allocate({ amount: fen(total) }, [...lawyers].reverse()))).toEqual(a)
        }
      )
    )
  })
})

describe("subsidy properties: duty and work", () => {
  const shiftsArb = fc.uniqueArray(
    fc.record({
      lawyerId: fc.constantFrom("L1", "L2", "L3"),
      day: fc.integer({ min: 1, max: 5 }),
      slot: fc.constantFrom("full" as const, "am" as const, "pm" as const),
      siteId: fc.constantFrom("court", "detention"),
      seat: fc.integer({ min: 0, max: 1 })
    }),
    { maxLength: 30, selector: (s) => `${s.day}|${s.siteId}|${s.slot}|${s.seat}` }
  ).map((list) => list.map((s): WorkedShift => ({ region, date: d(`2018-05-0${s.day}`), siteId: s.siteId, slot: s.slot, seat: s.seat, lawyerId: s.lawyerId })))

  it("duty: totals add up, each lawyer-day matches the model, and order does not matter", () => {
    fc.assert(
      fc.property(catalogueArb, shiftsArb, (catalogue, shifts) => {
        const r = calculateDuty(catalogue, shifts)
        const { day, half } = (() => {
          const rows = catalogue.standards[0]!.rows
          const find = (unit: string) => rows.find((x) => x.kind === "duty" && x.unit === unit) as { amount: number } | undefined
          return { day: find("day")?.amount, half: find("half-day")?.amount }
        })()
        if (shifts.length > 0 && day === undefined && half === undefined) {
          expect(Result.isFailure(r)).toBe(true)
          return
        }
        const duty = Result.getOrThrow(r)
        expect(Money.sum(duty.days.map((x) => x.amount))).toBe(duty.amount)
        expect(duty.days.flatMap((x) => x.lines)).toHaveLength(shifts.length)
        const rounding = catalogue.standards[0]!.rounding
        for (const x of duty.days) {
          expect(Money.sum(x.lines.map((l) => l.amount))).toBe(x.amount)
          const count = (slot: string) => x.lines.filter((l) => l.shift.slot === slot).length
          const [fulls, ams, pms] = [count("full"), count("am"), count("pm")]
          const pairs = day === undefined ? 0 : Math.min(ams, pms)
          const halfPay = half ?? Money.multiply(fen(day!), Ratio.makeUnsafe(1, 2), rounding)
          expect(x.amount).toBe(fulls * (day ?? 2 * half!) + pairs * (day ?? 0) + (ams + pms - 2 * pairs) * halfPay)
        }
        expect(calculateDuty(catalogue, [...shifts].reverse())).toEqual(r)
      })
    )
  })

  it("consultation days and documents: the amount is the rate times the count", () => {
    fc.assert(
      fc.property(catalogueArb, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 50 }), (catalogue, days, halfDays, count) => {
        const rows = catalogue.standards[0]!.rows
        const rate = (kind: string, unit?: string) => (rows.find((x) => x.kind === kind && (unit === undefined || ("unit" in x && x.unit === unit))) as { amount: number } | undefined)?.amount
        const docs = calculateWork(catalogue, { kind: "documents", ref: "D", region, on: d("2018-06-01"), count })
        const doc = rate("document")
        if (doc === undefined) expect(Result.isFailure(docs)).toBe(true)
        else expect(Result.getOrThrow(docs).amount).toBe(count * doc)
        if (days + halfDays === 0) return
        const consult = calculateWork(catalogue, { kind: "consultation", ref: "W", region, on: d("2018-06-01"), days, halfDays })
        const [day, half] = [rate("consultation", "day"), rate("consultation", "half-day")]
        if (day === undefined && half === undefined) {
          expect(Result.isFailure(consult)).toBe(true)
          return
        }
        const s = Result.getOrThrow(consult)
        wellFormed(s)
        const halfPay = half ?? Money.multiply(fen(day!), Ratio.makeUnsafe(1, 2), catalogue.standards[0]!.rounding)
        expect(s.amount).toBe(days * (day ?? 2 * half!) + halfDays * halfPay)
      })
    )
  })
})

describe("subsidy properties: catalogue periods", () => {
  const base: Standard = {
    id: "s",
    region,
    effectiveFrom: d("2018-01-01"),
    title: "t",
    basis: [],
    source: "s",
    verified: false,
    label: "l",
    rounding: "half-up",
    dateRule: "assigned-on",
    rows: []
  }
  const origin = CalendarDate.toEpochDay(d("2018-01-01"))
  const horizon = 200
  const period = (id: string, from: number, to: number | undefined): Standard => {
    const start = CalendarDate.fromEpochDay(origin + from)
    return to === undefined ? { ...base, id, effectiveFrom: start } : { ...base, id, effectiveFrom: start, effectiveTo: CalendarDate.fromEpochDay(origin + to) }
  }

  it("a tiling of consecutive periods is accepted, and moving one boundary makes a gap or an overlap that is rejected", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 150 }), { maxLength: 8 }), fc.boolean(), fc.nat(), fc.constantFrom(-2, -1, 1, 2), (cuts, open, which, shift) => {
        const bounds = [0, ...[...cuts].sort((a, b) => a - b)]
        const standards = bounds.map((from, i) => period(`s${i}`, from, i + 1 < bounds.length ? bounds[i + 1]! - 1 : open ? undefined : 180))
        expect(catalogueProblems(standards)).toEqual([])
        expect(Result.isSuccess(makeCatalogue([...standards].reverse()))).toBe(true)
        if (standards.length < 2) return
        const k = 1 + (which % (standards.length - 1))
        const moved = standards.map((s, i) => (i === k ? period(s.id, bounds[k]! + shift, s.effectiveTo === undefined ? undefined : CalendarDate.toEpochDay(s.effectiveTo) - origin) : s))
        if (moved[k]!.effectiveTo !== undefined && moved[k]!.effectiveTo! < moved[k]!.effectiveFrom) return
        const problems = catalogueProblems(moved)
        expect(problems.map((p) => p.reason)).toContain(shift > 0 ? "gap" : "overlap")
        expect(problems.every((p) => p.first.id !== p.second.id)).toBe(true)
      })
    )
  })

  it("random periods are accepted exactly when every day from the first start to the last end is covered once", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ from: fc.integer({ min: 0, max: 60 }), length: fc.option(fc.integer({ min: 0, max: 40 }), { freq: 5, nil: undefined }) }), { minLength: 1, maxLength: 5 }),
        (list) => {
          const standards = list.map((p, i) => period(`s${i}`, p.from, p.length === undefined ? undefined : p.from + p.length))
          const cover = new Array<number>(horizon).fill(0)
          let first = horizon
          let last = 0
          for (const p of list) {
            const end = p.length === undefined ? horizon - 1 : p.from + p.length
            first = Math.min(first, p.from)
            last = Math.max(last, end)
            for (let x = p.from; x <= end; x++) cover[x]!++
          }
          const tiles = cover.slice(first, last + 1).every((n) => n === 1)
          expect(catalogueProblems(standards).length === 0).toBe(tiles)
          expect(Result.isSuccess(makeCatalogue(standards))).toBe(tiles)
        }
      )
    )
  })
})
