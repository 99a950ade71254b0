import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import type { CalendarDate } from "../src/CalendarDate.ts"
import type { Evidence, Measured, Measures } from "../src/evaluation/Measure.ts"
import * as Measure from "../src/evaluation/Measure.ts"
import type { Scheme as SchemeT, SchemeData } from "../src/evaluation/Scheme.ts"
import { decodeJudgements, decodeScheme, decodeSchemeUnsafe, encodeScheme, indicatorsOf } from "../src/evaluation/Scheme.ts"
import * as schemes from "../src/evaluation/schemes.ts"
import type { Evaluation, EvaluateOptions } from "../src/evaluation/score.ts"
import { evaluate, formatPercent, formatPoints, formatValue, gradeOf } from "../src/evaluation/score.ts"
import * as Ratio from "../src/Ratio.ts"
import { failure, ok } from "./support/result.ts"

const period = { from: "2018-01-01" as CalendarDate, to: "2018-12-31" as CalendarDate }
const ev = (filter: string, records: number): Evidence => ({ source: "records", filter, records })
const count = (n: number): Measured => Measure.count(n, ev("test count", n))
const rate = (n: number, d: number): Measured => Measure.rate(n, d, ev("test rate", d))!
const fen = (n: number, d = 1): Measured => ({ value: Ratio.makeUnsafe(n, d), unit: "fen", evidence: { source: "derived", filter: "ledger ÷ cases", records: d } })
const survey = (n: number, d: number): Measured => ({ value: Ratio.makeUnsafe(n, d), unit: "rate", evidence: { source: "manual", filter: "survey", records: 200, note: "questionnaire" } })

type IndicatorData = SchemeData["groups"][number]["categories"][number]["indicators"][number]
const grades = schemes.grades

/** A scheme of one category per group, from `[weight, indicators]` pairs. */
const scheme = (groups: ReadonlyArray<readonly [string, ReadonlyArray<IndicatorData>]>, extra: Partial<SchemeData> = {}): SchemeT =>
  decodeSchemeUnsafe({
    id: "test",
    name: { zh: "测试", en: "test" },
    source: "test",
    verified: false,
    groups: groups.map(([weight, indicators], g) => ({
      id: `g${g}`,
      name: { zh: `组${g}`, en: `group ${g}` },
      weight,
      categories: [{ id: `c${g}`, name: { zh: `类${g}`, en: `category ${g}` }, indicators }]
    })),
    grades,
    ...extra
  })

const atLeast = (id: string, points: string, target: string, measure = id, unit: IndicatorData["unit"] = "count"): IndicatorData =>
  ({ id, name: { zh: id, en: id }, measure, unit, points, rule: { kind: "at-least", target } })
const atMost = (id: string, points: string, target: string, unit: IndicatorData["unit"] = "fen"): IndicatorData =>
  ({ id, name: { zh: id, en: id }, measure: id, unit, points, rule: { kind: "at-most", target } })
const equals = (id: string, points: string, target: string, unit: IndicatorData["unit"] = "rate"): IndicatorData =>
  ({ id, name: { zh: id, en: id }, measure: id, unit, points, rule: { kind: "equals", target } })

const run = (s: SchemeT, measures: ReadonlyArray<readonly [string, Measured]>, options: Partial<EvaluateOptions> = {}): Evaluation =>
  evaluate(s, new Map(measures), { period, ...options })
const byId = (e: Evaluation, id: string) => {
  const i = e.indicators.find((x) => x.id === id)
  if (i === undefined) throw new Error(`no indicator ${id}`)
  return i
}
const pts = (r: Ratio.Ratio) => formatPoints(r)

describe("decodeScheme", () => {
  it("decodes the shipped schemes and round-trips them through data", () => {
    for (const s of [schemes.defaultScheme, schemes.panlong2018]) {
      expect(s.groups.map((g) => [g.id, Ratio.toDecimalString(g.weight)])).toEqual([["budget", "10"], ["output", "50"], ["effect", "30"], ["satisfaction", "10"]])
      const data = JSON.parse(JSON.stringify(encodeScheme(s)))
      expect(ok(decodeScheme(data))).toEqual(s)
    }
  })

  it("has the doc's indicator tree: output → quantity/quality/timeliness/cost, effect → economic/social/ecological/sustainability", () => {
    const tree = schemes.defaultScheme.groups.map((g) => [g.id, g.categories.map((c) => c.id)])
    expect(tree).toEqual([
      ["budget", ["budget-execution"]],
      ["output", ["quantity", "quality", "timeliness", "cost"]],
      ["effect", ["economic", "social", "ecological", "sustainability"]],
      ["satisfaction", ["service-object"]]
    ])
    for (const { indicator } of indicatorsOf(schemes.defaultScheme)) {
      if (indicator.manual !== true) expect(Measure.measureKeys as ReadonlyArray<string>).toContain(indicator.measure)
    }
  })

  it("the Panlong 2018 scheme's quantity targets are the seed's 2018 figures, unverified", () => {
    const fixture = JSON.parse(readFileSync(new URL("./data/panlong-2018.json", import.meta.url), "utf8")) as { counts: Record<string, number> }
    const target = (id: string) => {
      const rule = indicatorsOf(schemes.panlong2018).find((x) => x.indicator.id === id)!.indicator.rule
      return rule.kind === "qualitative" ? undefined : Ratio.toDecimalString(rule.target)
    }
    expect(schemes.panlong2018.verified).toBe(false)
    expect(schemes.panlong2018.region).toBe("530103")
    expect(target("cases-accepted")).toBe(String(fixture.counts["casesAccepted"]))
    expect(target("consultations")).toBe(String(fixture.counts["consultations"]))
    expect(target("documents-drafted")).toBe(String(fixture.counts["documentsDrafted"]))
    expect(target("duty-shifts")).toBe(String(fixture.counts["dutyShifts"]))
    expect(target("outreach-events")).toBe(String(fixture.counts["outreachEvents"]))
    expect(target("outreach-materials")).toBe(String(fixture.counts["outreachMaterials"]))
    expect(target("handbooks")).toBe(String(fixture.counts["handbooksPrinted"]))
    expect(target("lectures")).toBe(String(fixture.counts["lecturesAtSubDistrictOffices"]))
    expect(target("articles")).toBe(String(fixture.counts["informationArticles"]))
    expect(target("articles-adopted")).toBe(String(fixture.counts["informationArticlesAdopted"]))
    expect(target("ministry-library")).toBe(String(fixture.counts["casesInMinistryLibrary"]))
    expect(target("quality-complaints")).toBe(String(fixture.counts["qualityComplaints"]))
    expect(target("notified-aid-rate")).toBe("1")
    expect(target("special-groups-aid-rate")).toBe("1")
    expect(target("free-consultation-rate")).toBe("1")
    expect(indicatorsOf(schemes.panlong2018).some((x) => x.indicator.id === "trainings")).toBe(false)
  })

  it("replaces weights and rescales the indicators' points to them", () => {
    const s = schemes.standardScheme({
      id: "mine",
      name: { zh: "自定", en: "own" },
      source: "test",
      verified: true,
      targets: schemes.defaultTargets,
      weights: { budget: "10", output: "40", effect: "40", satisfaction: "10" }
    })
    const sum = (g: string) => indicatorsOf(s).filter((x) => x.group.id === g).reduce((t, x) => t + (x.indicator.points.numerator * 100) / x.indicator.points.denominator, 0)
    expect([sum("budget"), sum("output"), sum("effect"), sum("satisfaction")]).toEqual([1000, 4000, 4000, 1000])
  })

  it("names the path and the reason of every problem", () => {
    const base = encodeScheme(scheme([["40", [atLeast("a", "40", "10")]], ["60", [atLeast("b", "30", "10"), atLeast("c", "30", "10")]]]))
    const issues = (mutate: (d: any) => void) => {
      const d = JSON.parse(JSON.stringify(base))
      mutate(d)
      return failure(decodeScheme(d)).issues
    }
    expect(issues((d) => (d.groups[0].weight = "35"))).toEqual([
      { path: "groups[0].categories", reason: "the indicators' points sum to 40, not the weight 35" },
      { path: "groups", reason: "the first-level weights sum to 95, not 100" }
    ])
    expect(issues((d) => (d.groups[1].categories[0].indicators[1].points = "25"))).toEqual([
      { path: "groups[1].categories", reason: "the indicators' points sum to 55, not the weight 60" }
    ])
    expect(issues((d) => (d.groups[1].categories[0].indicators[1].points = "30.005"))[0]).toEqual({
      path: "groups[1].categories[0].indicators[1].points",
      reason: "points has more than two decimal places"
    })
    expect(issues((d) => (d.groups[1].categories[0].indicators[1].id = "b"))).toContainEqual({ path: "groups[1].categories[0].indicators[1].id", reason: "is used twice" })
    expect(issues((d) => (d.groups[0].categories[0].indicators[0].rule.target = "0"))).toEqual([
      { path: "groups[0].categories[0].indicators[0].rule.target", reason: "an at-least target must be greater than 0" }
    ])
    expect(issues((d) => {
      d.groups[0].categories[0].indicators[0].unit = "rate"
      d.groups[0].categories[0].indicators[0].rule.target = "1.5"
    })).toEqual([{ path: "groups[0].categories[0].indicators[0].rule.target", reason: "a rate target is at most 1 (100%)" }])
    expect(issues((d) => (d.grades = d.grades.filter((g: { min: string }) => g.min !== "0")))).toEqual([
      { path: "grades", reason: "one grade must start at 0, so every total has a grade" }
    ])
    expect(issues((d) => (d.groups[0].categories[0].indicators[0].rule = { kind: "qualitative", bands: [
      { id: "x", name: { zh: "x", en: "x" }, from: "0.5", to: "1", award: "0.4" },
      { id: "y", name: { zh: "y", en: "y" }, from: "0", to: "0.6", award: "0.3", atLeast: "0" }
    ] }))).toEqual([
      { path: "groups[0].categories[0].indicators[0].rule.bands", reason: "either every band has atLeast (read off the measure) or none has (chosen by judgement)" },
      { path: "groups[0].categories[0].indicators[0].rule.bands[0].award", reason: "must lie within the band (from..to)" },
      { path: "groups[0].categories[0].indicators[0].rule.bands", reason: "bands y and x overlap" }
    ])
    const schemaIssues = issues((d) => {
      d.groups[0].categories[0].indicators[0].rule.kind = "more-or-less"
      d.extra = 1
    })
    expect(schemaIssues.map((i) => i.path)).toEqual(expect.arrayContaining(["groups[0].categories[0].indicators[0].rule", "extra"]))
  })

  it("decodes judgements against the scheme", () => {
    const s = schemes.defaultScheme
    const j = ok(decodeJudgements(s, { "management-rules": { band: "mostly-met", fraction: "0.75", note: "rules drafted" } }))
    expect(j.get("management-rules")?.fraction).toEqual(Ratio.makeUnsafe(3, 4))
    expect(failure(decodeJudgements(s, {
      "management-rules": { band: "mostly-met", fraction: "0.9", note: "x" },
      awareness: { band: "nope", note: "x" },
      consultations: { band: "fully-met", note: "x" },
      ghost: { band: "fully-met", note: "x" }
    })).issues).toEqual([
      { path: "judgements.awareness.band", reason: "is not one of the indicator's bands" },
      { path: "judgements.consultations", reason: "a judgement applies only to a qualitative indicator" },
      { path: "judgements.ghost", reason: "is not an indicator of the scheme" },
      { path: "judgements.management-rules.fraction", reason: "must lie within the band (from..to)" }
    ])
  })
})

describe("evaluate: each kind, by hand", () => {
  it("≥ target: points × min(actual ÷ target, 1)", () => {
    const s = scheme([["100", [atLeast("cases", "40", "864"), atLeast("shifts", "60", "180")]]])
    const e = run(s, [["cases", count(800)], ["shifts", count(200)]])
    // 40 × 800/864 = 37.037… → 37.04; 60 × min(200/180, 1) = 60
    expect(pts(byId(e, "cases").score)).toBe("37.04")
    expect(byId(e, "cases").met).toBe(false)
    expect(pts(byId(e, "shifts").score)).toBe("60.00")
    expect(byId(e, "shifts").met).toBe(true)
    expect(pts(e.total)).toBe("97.04")
    expect(byId(e, "cases").target.display).toEqual({ zh: "≥864", en: "≥ 864" })
  })

  it("≤ target: points × min(target ÷ actual, 1); an actual of 0 scores full points; with the scheme's named rounding", () => {
    const s = scheme([["100", [atMost("cost", "10", "150000"), atMost("days", "10", "3", "days"), atMost("complaints", "80", "0", "count")]]])
    // 10 × 150000/160000 = 9.375: half-up 9.38, half-down 9.37
    const e = run(s, [["cost", fen(160000)], ["days", { value: Ratio.zero, unit: "days", evidence: ev("days", 3) }], ["complaints", count(0)]])
    expect(pts(byId(e, "cost").score)).toBe("9.38")
    expect(pts(byId(e, "days").score)).toBe("10.00")
    expect(pts(byId(e, "complaints").score)).toBe("80.00")
    expect(e.rounding).toBe("half-up")
    const down = run(decodeSchemeUnsafe({ ...encodeScheme(s), rounding: "half-down" }), [["cost", fen(160000)], ["days", { value: Ratio.makeUnsafe(3, 1), unit: "days", evidence: ev("days", 3) }], ["complaints", count(2)]])
    expect(pts(byId(down, "cost").score)).toBe("9.37")
    // a target of 0 complaints with 2 complaints: 0 points
    expect(pts(byId(down, "complaints").score)).toBe("0.00")
    expect(byId(e, "cost").target.display.zh).toBe("≤¥1,500.00")
  })

  it("= target: points × min(actual ÷ target, 1), capped", () => {
    const s = scheme([["100", [equals("notified", "20", "1"), equals("lectures", "80", "12", "count")]]])
    const e = run(s, [["notified", rate(99, 100)], ["lectures", count(13)]])
    expect(pts(byId(e, "notified").score)).toBe("19.80")
    expect(byId(e, "notified").met).toBe(false)
    expect(pts(byId(e, "lectures").score)).toBe("80.00")
    expect(byId(e, "notified").target.display.zh).toBe("=100.00%")
  })

  it("qualitative: a band read off the measure, or a judgement's band and share; missing → dropped", () => {
    const awareness: IndicatorData = { id: "awareness", name: { zh: "知晓率", en: "awareness" }, measure: "survey.awareness", unit: "rate", points: "10", manual: true, rule: { kind: "qualitative", bands: [...schemes.threeBands(["0.8", "0.6"])] } }
    const rules: IndicatorData = { id: "rules", name: { zh: "制度", en: "rules" }, measure: "management.rules", unit: "rate", points: "10", rule: { kind: "qualitative", bands: [...schemes.threeBands()] } }
    const s = scheme([["20", [awareness, rules]], ["80", [atLeast("x", "80", "1")]]])
    const measures = (a: Measured): ReadonlyArray<readonly [string, Measured]> => [["survey.awareness", a], ["x", count(1)]]
    const judged = ok(decodeJudgements(s, { rules: { band: "mostly-met", fraction: "0.75", note: "rules drafted, not yet issued" } }))
    const mostly = run(s, measures(survey(7, 10)), { judgements: judged })
    expect(pts(byId(mostly, "awareness").score)).toBe("7.00")
    expect(byId(mostly, "awareness").band?.id).toBe("mostly-met")
    expect(byId(mostly, "awareness").met).toBe(false)
    expect(pts(byId(mostly, "rules").score)).toBe("7.50")
    expect(byId(mostly, "rules").judgement?.note).toBe("rules drafted, not yet issued")
    const fully = run(s, measures(survey(85, 100)), { judgements: ok(decodeJudgements(s, { rules: { band: "fully-met", note: "issued" } })) })
    expect(pts(byId(fully, "awareness").score)).toBe("10.00")
    expect(byId(fully, "awareness").met).toBe(true)
    expect(byId(fully, "rules").met).toBe(true)
    expect(pts(byId(run(s, measures(survey(1, 2)), { judgements: judged }), "awareness").score)).toBe("3.00")
    const none = run(s, [["x", count(1)]])
    expect(byId(none, "awareness").dropped).toBe("manual-missing")
    expect(byId(none, "rules").dropped).toBe("judgement-missing")
    expect(none.groups[0]!.dropped).toBe(true)
    expect(pts(none.total)).toBe("100.00")
  })

  it("budget execution: 10 × min(spent ÷ budget, 1)", () => {
    const s = scheme([["10", [atLeast("budget", "10", "1", "budget.execution-rate", "rate")]], ["90", [atLeast("x", "90", "1")]]])
    const e = run(s, [["budget.execution-rate", rate(180_000_000, 200_000_000)], ["x", count(1)]])
    expect(pts(byId(e, "budget").score)).toBe("9.00")
    expect(pts(run(s, [["budget.execution-rate", rate(210, 200)], ["x", count(1)]]).total)).toBe("100.00")
    // the default scheme: budget 10 and output 50 live, effect and satisfaction without figures:
    // 100 × 10/60 = 16.666… → 16.67 (largest remainder), scored 16.67 × 0.9 = 15.003 → 15.00
    const d = evaluate(schemes.defaultScheme, new Map([["budget.execution-rate", rate(18, 20)], ["cases.accepted", count(800)]]), { period })
    expect(pts(byId(d, "budget-execution").points)).toBe("16.67")
    expect(pts(byId(d, "budget-execution").score)).toBe("15.00")
    expect(pts(byId(d, "cases-accepted").points)).toBe("83.33")
    expect(pts(d.total)).toBe("98.33")
  })
})

describe("evaluate: dropped indicators and rescaling", () => {
  it("shares a dropped indicator's points within its first-level group in proportion, the total unchanged", () => {
    const s = scheme([["50", [atLeast("a", "20", "1"), atLeast("b", "20", "1"), atLeast("c", "10", "1")]], ["50", [atLeast("d", "50", "1")]]])
    const e = run(s, [["a", count(1)], ["b", count(1)], ["d", count(1)]])
    expect(byId(e, "c").dropped).toBe("no-measure")
    expect([pts(byId(e, "a").points), pts(byId(e, "b").points), pts(byId(e, "c").points)]).toEqual(["25.00", "25.00", "0.00"])
    expect(pts(e.groups[0]!.points)).toBe("50.00")
    expect(pts(e.total)).toBe("100.00")
  })

  it("allocates hundredths by largest remainder, ties to the smaller id", () => {
    const s = scheme([["10", [atLeast("c", "1", "1"), atLeast("a", "1", "1"), atLeast("b", "1", "1"), atLeast("d", "7", "1")]], ["90", [atLeast("e", "90", "1")]]])
    const e = run(s, [["a", count(1)], ["b", count(1)], ["c", count(1)], ["e", count(1)]])
    expect(["a", "b", "c"].map((id) => pts(byId(e, id).points))).toEqual(["3.34", "3.33", "3.33"])
    expect(pts(e.total)).toBe("100.00")
  })

  it("when a whole group drops, the others share the 100 points by weight", () => {
    const s = scheme([["10", [atLeast("budget", "10", "1")]], ["50", [atLeast("out", "50", "1")]], ["30", [atLeast("eff", "30", "1")]], ["10", [atLeast("sat", "10", "1")]]])
    const e = run(s, [["budget", count(1)], ["out", count(1)], ["eff", count(1)]])
    // 10000 × 10/90 = 1111.1, × 50/90 = 5555.5, × 30/90 = 3333.3: the spare hundredth goes to the largest remainder (output)
    expect(e.groups.map((g) => [pts(g.points), g.dropped])).toEqual([["11.11", false], ["55.56", false], ["33.33", false], ["0.00", true]])
    expect(pts(e.total)).toBe("100.00")
    expect(e.grade.id).toBe("excellent")
  })

  it("not-applicable and unit-mismatch drop an indicator; nothing left scores 0 and the lowest grade", () => {
    const s = scheme([["100", [atLeast("a", "50", "1"), atLeast("b", "50", "1")]]])
    const e = run(s, [["a", count(1)], ["b", rate(1, 2)]], { notApplicable: ["a"] })
    expect(byId(e, "a").dropped).toBe("not-applicable")
    expect(byId(e, "b").dropped).toBe("unit-mismatch")
    expect(pts(e.total)).toBe("0.00")
    expect(e.grade.id).toBe("poor")
    expect(e.groups[0]!.dropped).toBe(true)
  })

  it("rounds each indicator and sums the rounded scores (the total is not rounded again)", () => {
    const s = scheme([["100", [atLeast("a", "1", "8"), atLeast("b", "1", "8"), atLeast("c", "1", "8"), atLeast("d", "97", "1")]]])
    const e = run(s, [["a", count(1)], ["b", count(1)], ["c", count(1)], ["d", count(1)]])
    // each 1 × 1/8 = 0.125 → 0.13 (half-up); 0.39 + 97 = 97.39, where the exact sum 97.375 would round to 97.38
    expect(["a", "b", "c"].map((id) => pts(byId(e, id).score))).toEqual(["0.13", "0.13", "0.13"])
    expect(pts(e.total)).toBe("97.39")
    expect(e.total).toEqual(Ratio.makeUnsafe(9739, 100))
  })
})

describe("grades", () => {
  const at = (hundredths: number) => gradeOf(schemes.defaultScheme.grades, Ratio.makeUnsafe(hundredths, 100)).name.zh
  it("优 ≥ 90, 良 80–89.99, 中 60–79.99, 差 < 60", () => {
    expect([at(10000), at(9000), at(8999), at(8000), at(7999), at(6000), at(5999), at(0)]).toEqual(["优", "优", "良", "良", "中", "中", "差", "差"])
  })
  it("evaluate grades 89.99 良 and 90.00 优", () => {
    const s = scheme([["100", [atLeast("a", "100", "10000")]]])
    expect(run(s, [["a", count(8999)]]).grade.name.zh).toBe("良")
    expect(run(s, [["a", count(9000)]]).grade.name.zh).toBe("优")
    expect(run(s, [["a", count(7999)]]).grade.name.zh).toBe("中")
    expect(run(s, [["a", count(5999)]]).grade.name.zh).toBe("差")
    expect(run(s, [["a", count(6000)]]).grade.name.zh).toBe("中")
  })
})

describe("the Panlong 2018 scheme against the seed's figures", () => {
  it("scores every quantity indicator in full and carries the evidence", () => {
    const fixture = JSON.parse(readFileSync(new URL("./data/panlong-2018.json", import.meta.url), "utf8")) as { counts: Record<string, number> }
    const c = fixture.counts
    const measures: Measures = new Map<string, Measured>([
      ["cases.accepted", Measure.count(c["casesAccepted"]!, ev("cases received 2018-01-01..2018-12-31 in 530103", c["casesAccepted"]!))],
      ["consultations.total", count(c["consultations"]!)],
      ["documents.drafted", count(c["documentsDrafted"]!)],
      ["duty.shifts", count(c["dutyShifts"]!)],
      ["outreach.events", count(c["outreachEvents"]!)],
      ["outreach.materials", count(c["outreachMaterials"]!)],
      ["outreach.handbooks", count(c["handbooksPrinted"]!)],
      ["outreach.lectures", count(c["lecturesAtSubDistrictOffices"]!)],
      ["publicity.articles", count(c["informationArticles"]!)],
      ["publicity.articles-adopted", count(c["informationArticlesAdopted"]!)],
      ["cases.ministry-library", count(c["casesInMinistryLibrary"]!)],
      ["quality.complaints", count(c["qualityComplaints"]!)]
    ])
    const e = evaluate(schemes.panlong2018, measures, { period })
    for (const i of e.indicators.filter((x) => x.category === "quantity")) {
      expect(i.met).toBe(true)
      expect(i.score).toEqual(i.points)
    }
    expect(byId(e, "cases-accepted").evidence).toEqual(ev("cases received 2018-01-01..2018-12-31 in 530103", 864))
    expect(formatValue(byId(e, "cases-accepted").actual!.value, "count", "zh", byId(e, "cases-accepted").target.unitLabel)).toBe("864件")
  })
})

describe("formatting", () => {
  it("percentages with two decimals half-up, points with two decimals, money with Money.format", () => {
    expect(formatPercent(Ratio.makeUnsafe(2, 3))).toBe("66.67%")
    expect(formatPercent(Ratio.makeUnsafe(1, 8))).toBe("12.50%")
    expect(formatPercent(Ratio.makeUnsafe(1, 80000))).toBe("0.00%")
    expect(formatPercent(Ratio.makeUnsafe(1, 1600))).toBe("0.06%") // 0.0625 → 0.06
    expect(formatPercent(Ratio.makeUnsafe(1, 800))).toBe("0.13%") // 0.125 → 0.13
    expect(formatPoints(Ratio.makeUnsafe(96, 5))).toBe("19.20")
    expect(formatValue(Ratio.makeUnsafe(98765432, 820), "fen", "en")).toBe("¥1,204.46")
    expect(formatValue(Ratio.makeUnsafe(7, 2), "days", "en")).toBe("3.50 days")
    expect(formatValue(Ratio.makeUnsafe(7, 2), "days", "zh")).toBe("3.50天")
  })
})
