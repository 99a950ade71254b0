import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { decodeApplication } from "../src/eligibility/Application.ts"
import { decide } from "../src/eligibility/decide.ts"
import type { Decision } from "../src/eligibility/Decision.ts"
import * as CalendarDate from "../src/CalendarDate.ts"
import * as HardshipStandard from "../src/HardshipStandard.ts"
import * as Parameter from "../src/Parameter.ts"
import * as Region from "../src/Region.ts"
import * as RuleBook from "../src/RuleBook.ts"

const book = RuleBook.defaultRuleBook
const provinces = [
  "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41",
  "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"
] as const

const civil = (
  region: string,
  date: string,
  household: { members: number; monthlyIncomeFen: number; area: "urban" | "rural" },
  statuses: ReadonlyArray<string> = []
) =>
  Result.getOrThrow(
    decodeApplication({
      region,
      date,
      applicant: { birthDate: "1980-01-01", disabilities: [], statuses, hasLawyer: false, household },
      matter: { kind: "civil", claims: ["maintenance"] }
    })
  )

const overrides = (o: Record<string, unknown>) => Result.getOrThrow(Parameter.decodeOverrides(book.parameters, o))
const run = (app: ReturnType<typeof civil>, o: Record<string, unknown> = {}): Result.Result<Decision, RuleBook.MissingParameter | RuleBook.NoRuleSetInForce> =>
  decide(app, { parameters: overrides(o) })
const decided = (app: ReturnType<typeof civil>, o: Record<string, unknown> = {}): Decision => Result.getOrThrow(run(app, o))

describe("hardship forms: coverage", () => {
  it("every province-level division has a form of its own, with its source and flags", () => {
    for (const code of provinces) {
      for (const date of ["2010-01-01", "2026-06-01"]) {
        const form = HardshipStandard.formFor(book.hardshipForms, Region.makeUnsafe(code), date)
        expect(form?.region, `${code} on ${date}`).toBe(code)
        expect(form!.document.length).toBeGreaterThan(0)
        if (form!.presumed) expect(form!.verified).toBe(false)
      }
    }
    const confirmed = provinces.filter((c) => !HardshipStandard.formFor(book.hardshipForms, Region.makeUnsafe(c), "2026-06-01")!.presumed)
    expect(confirmed).toEqual(["11", "31", "32", "43", "44", "45"])
  })

  it("a prefecture's form wins over its province's (Kunming's 2.5 × 低保 over Yunnan's presumption)", () => {
    expect(HardshipStandard.formFor(book.hardshipForms, Region.makeUnsafe("530103"), "2018-06-01")?.region).toBe("5301")
    expect(HardshipStandard.formFor(book.hardshipForms, Region.makeUnsafe("530103"), "2017-06-30")?.region).toBe("53")
  })

  it("the decision reports the form it applied", () => {
    const d = decided(civil("530103", "2019-01-15", { members: 2, monthlyIncomeFen: 200000, area: "urban" }))
    expect(d.meansTest).toMatchObject({ status: "passed", reference: "minimum-living-standard", form: { region: "5301", verified: false, presumed: false } })
  })
})

describe("hardship forms: each province's own rule", () => {
  it("Guangdong (粤府令268 art. 3(1)): below 50 % of the city's urban disposable income, rural households too", () => {
    // 中山市 2023: 62196 yuan a year, so the line is 62196 / 12 × 50 % = 2591.50 yuan a month, strict.
    const zhongshan = { "hardship.urban.disposableIncomePerHeadAnnualFen": 6_219_600 }
    const at = (fen: number) => decided(civil("4420", "2023-06-01", { members: 1, monthlyIncomeFen: fen, area: "rural" }), zhongshan)
    expect(at(259_149).meansTest).toMatchObject({ status: "passed", thresholdFen: 259_149, reference: "disposable-income" })
    expect(at(259_150).meansTest).toMatchObject({ status: "failed", marginFen: 1 })
    expect(at(259_149).parameters.map((p) => p.key)).toContain("hardship.rural.fraction")
  })

  it("Shanghai (司法局公告〔2024〕4号): income per head below 3190 yuan a month, shipped and verified", () => {
    const at = (members: number, fen: number) => decided(civil("310104", "2025-03-01", { members, monthlyIncomeFen: fen, area: "urban" }))
    expect(at(1, 318_999).meansTest).toMatchObject({ status: "passed", thresholdFen: 318_999, reference: "fixed-line" })
    expect(at(1, 319_000).meansTest.status).toBe("failed")
    expect(at(2, 637_999).meansTest.status).toBe("passed")
    expect(at(1, 100).parameters.every((p) => p.verified)).toBe(true)
  })

  it("Guangxi (2025): below the local minimum wage, which the host supplies", () => {
    const app = civil("450102", "2026-03-01", { members: 3, monthlyIncomeFen: 600_000, area: "urban" })
    const missing = run(app)
    expect(Result.isFailure(missing) && missing.failure).toMatchObject({ _tag: "MissingParameter", key: "hardship.minimumWageMonthlyFen", region: "450102" })
    const d = decided(app, { "hardship.minimumWageMonthlyFen": 199_000 }) // 南宁 first band, 1990 yuan
    expect(d.meansTest).toMatchObject({ status: "failed", thresholdFen: 3 * 199_000 - 1 })
  })

  it("Hunan (2024 regulation): a recognised low-income household, whatever its figures", () => {
    const poorFigures = { members: 4, monthlyIncomeFen: 1, area: "urban" } as const
    const recognised = decided(civil("430102", "2025-01-10", poorFigures, ["low-income"]))
    expect(recognised.outcome).toBe("eligible")
    expect(recognised.meansTest).toMatchObject({ status: "recognised", reference: "low-income-status" })
    const not = decided(civil("430102", "2025-01-10", poorFigures))
    expect([not.outcome, not.meansTest.status]).toEqual(["ineligible", "not-recognised"])
    // Before the revision: twice the prefecture's 低保 (2016 opinion), the amount from the host.
    const earlier = decided(civil("430102", "2020-01-10", poorFigures), { "hardship.urban.minimumLivingStandardMonthlyFen": 65_000 })
    expect(earlier.meansTest).toMatchObject({ status: "passed", thresholdFen: 4 * 2 * 65_000 })
  })

  it("Jiangsu (2021): not above the city's monthly minimum wage, inclusive", () => {
    const d = decided(civil("320102", "2024-01-10", { members: 2, monthlyIncomeFen: 4_980_00, area: "rural" }), { "hardship.minimumWageMonthlyFen": 249_000 })
    expect(d.meansTest).toMatchObject({ status: "passed", thresholdFen: 498_000, reference: "minimum-wage" })
  })
})

describe("hardship forms: what a host is told when an amount is missing", () => {
  it("names the parameter, the region, the form and how to supply it", () => {
    const r = run(civil("130102", "2024-01-10", { members: 1, monthlyIncomeFen: 50_000, area: "urban" }))
    expect(Result.isFailure(r)).toBe(true)
    const e = (r as Result.Failure<Decision, RuleBook.MissingParameter>).failure
    expect(e.key).toBe("hardship.urban.minimumLivingStandardMonthlyFen")
    expect(e.neededBy).toContain("河北省 (13)")
    expect(e.message).toContain("presumed")
    expect(e.message).toContain('Parameter.decodeOverrides(book.parameters, { "hardship.urban.minimumLivingStandardMonthlyFen": value })')
    expect(e.message).toContain('region: "130102"')
    expect(e.message).toContain("RuleBook.make")
  })

  it("a host's own form and amounts make the test run, through RuleBook.make", () => {
    const hebei: HardshipStandard.HardshipForm = {
      region: Region.makeUnsafe("13"),
      nameZh: "河北省",
      validFrom: "2022-01-01",
      urban: { reference: "minimum-wage" },
      rural: { reference: "minimum-wage" },
      basis: ["LAL-34"],
      document: "host-supplied",
      verified: true,
      presumed: false
    }
    const mine = Result.getOrThrow(
      RuleBook.make({
        ...RuleBook.defaultSources,
        hardshipForms: [...RuleBook.defaultSources.hardshipForms.filter((f) => f.region !== "13"), hebei],
        parameterEntries: [
          ...RuleBook.defaultSources.parameterEntries,
          { key: "hardship.minimumWageMonthlyFen", region: Region.makeUnsafe("13"), validFrom: CalendarDate.makeUnsafe("2022-01-01"), value: 220_000, basis: ["LAL-34"], source: "host", verified: true },
          { key: "hardship.urban.multiple", region: Region.makeUnsafe("13"), validFrom: CalendarDate.makeUnsafe("2022-01-01"), value: { numerator: 1, denominator: 1 }, basis: ["LAL-34"], source: "host", verified: true }
        ]
      })
    )
    const d = Result.getOrThrow(decide(civil("130102", "2024-01-10", { members: 1, monthlyIncomeFen: 220_000, area: "urban" }), { book: mine }))
    expect(d.meansTest).toMatchObject({ status: "passed", thresholdFen: 220_000, form: { region: "13", verified: true } })
  })

  it("RuleBook.make rejects overlapping forms and unknown references", () => {
    const form = HardshipStandard.presumption
    const overlap = RuleBook.make({ ...RuleBook.defaultSources, hardshipForms: [form, { ...form, validFrom: "2020-01-01" }] })
    expect(Result.isFailure(overlap) && overlap.failure.message).toContain("overlap")
    const bad = RuleBook.make({
      ...RuleBook.defaultSources,
      hardshipForms: [{ ...form, urban: { reference: "median-income" as HardshipStandard.Reference } }]
    })
    expect(Result.isFailure(bad) && bad.failure.message).toContain("urban.reference")
  })

  it("a book with no forms falls back to the presumption", () => {
    const bare = Result.getOrThrow(RuleBook.make({ ...RuleBook.defaultSources, hardshipForms: [] }))
    const d = Result.getOrThrow(decide(civil("530103", "2019-01-15", { members: 2, monthlyIncomeFen: 200000, area: "urban" }), { book: bare }))
    expect(d.meansTest).toMatchObject({ status: "passed", form: { region: "000000", presumed: true } })
  })
})
