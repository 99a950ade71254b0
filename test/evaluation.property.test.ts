import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { CalendarDate } from "../src/CalendarDate.ts"
import type { Measured } from "../src/evaluation/Measure.ts"
import type { Judgement, Scheme, SchemeData } from "../src/evaluation/Scheme.ts"
import { decodeScheme, decodeSchemeUnsafe, encodeScheme, indicatorsOf } from "../src/evaluation/Scheme.ts"
import { threeBands, grades } from "../src/evaluation/schemes.ts"
import type { Evaluation } from "../src/evaluation/score.ts"
import { evaluate } from "../src/evaluation/score.ts"
import * as Ratio from "../src/Ratio.ts"
import { ok } from "./support/result.ts"

const period = { from: "2018-01-01" as CalendarDate, to: "2018-12-31" as CalendarDate }
type IndicatorData = SchemeData["groups"][number]["categories"][number]["indicators"][number]
type Kind = "at-least" | "at-most" | "equals" | "bands-by-measure" | "bands-by-judgement"

/** `total` hundredths split into `k` positive parts by random weights (largest remainder). */
const parts = (total: number, k: number): fc.Arbitrary<ReadonlyArray<number>> =>
  fc.array(fc.integer({ min: 1, max: 100 }), { minLength: k, maxLength: k }).map((ws) => {
    const spare = total - k
    const sum = ws.reduce((s, w) => s + w, 0)
    const out = ws.map((w) => 1 + Math.floor((spare * w) / sum))
    let left = total - out.reduce((s, x) => s + x, 0)
    for (let i = 0; left > 0; i = (i + 1) % k, left--) out[i]! += 1
    return out
  })

const decimal = (h: number): string => Ratio.toDecimalString(Ratio.makeUnsafe(h, 100))

const kindArb: fc.Arbitrary<Kind> = fc.constantFrom("at-least", "at-most", "equals", "bands-by-measure", "bands-by-judgement")

const indicator = (id: string, points: number, kind: Kind, target: number): IndicatorData => {
  const base = { id, name: { zh: id, en: id }, measure: `m.${id}`, points: decimal(points) }
  switch (kind) {
    case "at-least":
    case "equals":
      return { ...base, unit: "count", rule: { kind, target: String(target) } }
    case "at-most":
      return { ...base, unit: "count", rule: { kind, target: String(target - 1) } }
    case "bands-by-measure":
      return { ...base, unit: "rate", manual: true, rule: { kind: "qualitative", bands: [...threeBands(["0.8", "0.6"])] } }
    case "bands-by-judgement":
      return { ...base, unit: "rate", rule: { kind: "qualitative", bands: [...threeBands()] } }
  }
}

interface Instance {
  readonly data: SchemeData
  readonly scheme: Scheme
  readonly measures: ReadonlyArray<readonly [string, Measured]>
  readonly judgements: ReadonlyMap<string, Judgement>
}

const measured = (value: Ratio.Ratio, unit: Measured["unit"]): Measured => ({ value, unit, evidence: { source: "records", filter: "generated", records: 1 } })

/** A random valid scheme with random (possibly missing) measures and judgements. */
const instance: fc.Arbitrary<Instance> = fc
  .integer({ min: 1, max: 4 })
  .chain((groupCount) => parts(10_000, groupCount))
  .chain((weights) =>
    fc.tuple(
      ...weights.map((w, g) =>
        fc.integer({ min: 1, max: Math.min(5, w) }).chain((k) =>
          fc.tuple(
            parts(w, k),
            fc.array(fc.tuple(kindArb, fc.integer({ min: 1, max: 1000 })), { minLength: k, maxLength: k })
          ).map(([points, rules]) => ({ g, weight: w, indicators: points.map((p, i) => indicator(`g${g}i${i}`, p, rules[i]![0], rules[i]![1])) }))
        )
      )
    )
  )
  .chain((groups) => {
    const data: SchemeData = {
      id: "prop",
      name: { zh: "性质", en: "property" },
      source: "generated",
      verified: false,
      groups: groups.map((g) => ({
        id: `g${g.g}`,
        name: { zh: `组${g.g}`, en: `group ${g.g}` },
        weight: decimal(g.weight),
        categories: [{ id: `c${g.g}`, name: { zh: "类", en: "category" }, indicators: g.indicators }]
      })),
      grades
    }
    const scheme = decodeSchemeUnsafe(data)
    const all = indicatorsOf(scheme).map((x) => x.indicator)
    return fc
      .tuple(
        ...all.map(() =>
          fc.record({
            value: fc.option(fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 1, max: 10 })), { nil: undefined }),
            band: fc.option(fc.constantFrom("fully-met", "mostly-met", "not-met"), { nil: undefined })
          })
        )
      )
      .map((draws) => {
        const measures: Array<readonly [string, Measured]> = []
        const judgements = new Map<string, Judgement>()
        all.forEach((i, k) => {
          const d = draws[k]!
          if (i.rule.kind === "qualitative") {
            const byMeasure = i.rule.bands.every((b) => b.atLeast !== undefined)
            if (byMeasure && d.value !== undefined) measures.push([i.measure, measured(Ratio.makeUnsafe(d.value[0] % 101, 100), "rate")])
            if (!byMeasure && d.band !== undefined) judgements.set(i.id, { band: d.band, note: "generated" })
          } else if (d.value !== undefined) {
            measures.push([i.measure, measured(Ratio.makeUnsafe(d.value[0], d.value[1]), "count")])
          }
        })
        return { data, scheme, measures, judgements }
      })
  })

const hundredths = (r: Ratio.Ratio): number => (r.numerator * 100) / r.denominator
const run = (x: Instance, measures = x.measures, scheme = x.scheme): Evaluation =>
  evaluate(scheme, new Map(measures), { period, judgements: x.judgements })

const shuffle = <A>(list: ReadonlyArray<A>, seed: number): Array<A> => {
  const out = [...list]
  let n = seed | 0
  for (let i = out.length - 1; i > 0; i--) {
    n = (Math.imul(n, 1_103_515_245) + 12_345) | 0
    const j = Math.abs(n) % (i + 1)
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

/** What an evaluation says about each indicator, by id. */
const byId = (e: Evaluation) =>
  Object.fromEntries(e.indicators.map((i) => [i.id, { points: i.points, score: i.score, met: i.met, dropped: i.dropped, band: i.band?.id }]))

describe("evaluation properties", () => {
  it("every score lies between 0 and its points; a dropped indicator has neither", () => {
    fc.assert(
      fc.property(instance, (x) => {
        for (const i of run(x).indicators) {
          expect(i.score.numerator).toBeGreaterThanOrEqual(0)
          expect(Ratio.compare(i.score, i.points)).toBeLessThanOrEqual(0)
          expect(100 % i.score.denominator).toBe(0)
          if (i.dropped !== undefined) expect([i.points, i.score]).toEqual([Ratio.zero, Ratio.zero])
        }
      })
    )
  })

  it("rescaling keeps the total: the points of the scored indicators sum to exactly 100 (or 0 when none is scored)", () => {
    fc.assert(
      fc.property(instance, (x) => {
        const e = run(x)
        const live = e.indicators.filter((i) => i.dropped === undefined)
        const points = live.reduce((s, i) => s + hundredths(i.points), 0)
        expect(points).toBe(live.length === 0 ? 0 : 10_000)
        expect(e.groups.reduce((s, g) => s + hundredths(g.points), 0)).toBe(live.length === 0 ? 0 : 10_000)
        for (const g of e.groups) {
          const inGroup = e.indicators.filter((i) => i.group === g.id && i.dropped === undefined)
          expect(inGroup.reduce((s, i) => s + hundredths(i.points), 0)).toBe(hundredths(g.points))
          expect(g.dropped).toBe(inGroup.length === 0)
        }
      })
    )
  })

  it("the total is the sum of the indicator scores, at most 100, and graded by the bands", () => {
    fc.assert(
      fc.property(instance, (x) => {
        const e = run(x)
        const total = hundredths(e.total)
        expect(total).toBe(e.indicators.reduce((s, i) => s + hundredths(i.score), 0))
        expect(total).toBe(e.groups.reduce((s, g) => s + hundredths(g.score), 0))
        expect(total).toBeLessThanOrEqual(10_000)
        const expected = total >= 9000 ? "excellent" : total >= 8000 ? "good" : total >= 6000 ? "fair" : "poor"
        expect(e.grade.id).toBe(expected)
      })
    )
  })

  it("is monotone: a better actual never lowers the indicator's score or the total", () => {
    fc.assert(
      fc.property(instance, fc.nat(), fc.integer({ min: 1, max: 500 }), (x, pick, step) => {
        if (x.measures.length === 0) return
        const k = pick % x.measures.length
        const [key, m] = x.measures[k]!
        const indicator = indicatorsOf(x.scheme).find((i) => i.indicator.measure === key)!.indicator
        const lowerIsBetter = indicator.rule.kind === "at-most"
        const delta = Ratio.makeUnsafe(step, m.unit === "rate" ? 100 : 1)
        const add = (a: Ratio.Ratio, b: Ratio.Ratio, sign: 1 | -1) => Ratio.makeUnsafe(a.numerator * b.denominator + sign * b.numerator * a.denominator, a.denominator * b.denominator)
        let better = add(m.value, delta, lowerIsBetter ? -1 : 1)
        if (better.numerator < 0) better = Ratio.zero
        if (m.unit === "rate" && Ratio.compare(better, Ratio.one) > 0) better = Ratio.one
        const improved = x.measures.map((entry, i) => (i === k ? ([key, { ...m, value: better }] as const) : entry))
        const before = run(x)
        const after = run(x, improved)
        const score = (e: Evaluation) => e.indicators.find((i) => i.id === indicator.id)!.score
        expect(Ratio.compare(score(after), score(before))).toBeGreaterThanOrEqual(0)
        expect(Ratio.compare(after.total, before.total)).toBeGreaterThanOrEqual(0)
      })
    )
  })

  it("permuting the indicator lists or the order of the measures map changes nothing", () => {
    fc.assert(
      fc.property(instance, fc.integer(), (x, seed) => {
        const data = x.data
        const permuted: SchemeData = {
          ...data,
          groups: shuffle(data.groups, seed).map((g, i) => ({
            ...g,
            categories: shuffle(g.categories, seed + i).map((c, j) => ({ ...c, indicators: shuffle(c.indicators, seed + 31 * i + j) }))
          })),
          grades: shuffle(data.grades, seed + 7)
        }
        const a = run(x)
        const b = run(x, shuffle(x.measures, seed + 3), decodeSchemeUnsafe(permuted))
        expect(byId(b)).toEqual(byId(a))
        expect(b.total).toEqual(a.total)
        expect(b.grade).toEqual(a.grade)
        const groups = (e: Evaluation) => [...e.groups].sort((p, q) => (p.id < q.id ? -1 : 1))
        expect(groups(b)).toEqual(groups(a))
      })
    )
  })

  it("is deterministic, and a scheme survives encoding to data and back", () => {
    fc.assert(
      fc.property(instance, (x) => {
        expect(run(x)).toEqual(run(x))
        const again = ok(decodeScheme(JSON.parse(JSON.stringify(encodeScheme(x.scheme)))))
        expect(again).toEqual(x.scheme)
      })
    )
  })
})
