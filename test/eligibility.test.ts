import { Result } from "effect"
import { describe, expect, it } from "vitest"
import type { Application } from "../src/eligibility/Application.ts"
import { decodeApplication } from "../src/eligibility/Application.ts"
import { decide, decideUnsafe } from "../src/eligibility/decide.ts"
import type { Decision } from "../src/eligibility/Decision.ts"
import * as Parameter from "../src/Parameter.ts"
import { defaultRuleBook } from "../src/RuleBook.ts"

type Input = {
  date: string
  region?: string
  applicant?: Record<string, unknown>
  matter: Record<string, unknown>
}

const app = (input: Input): Application => {
  const r = decodeApplication({
    region: "530103",
    ...input,
    applicant: { disabilities: [], statuses: [], hasLawyer: false, ...input.applicant },
    matter: { claims: [], ...input.matter }
  })
  if (Result.isFailure(r)) throw new Error(r.failure.message)
  return r.success
}

const overrides = (o: Record<string, unknown>) => Result.getOrThrow(Parameter.decodeOverrides(defaultRuleBook.parameters, o))
const urban800 = overrides({ "hardship.urban.minimumLivingStandardMonthlyFen": 80000, "hardship.urban.multiple": "2.5" })
const decideWith = (input: Input, parameters = urban800): Decision => decideUnsafe(app(input), { parameters })

const adult = { birthDate: "1980-01-01" }
const defence = (matter: Record<string, unknown>) => ({ kind: "criminal-defence", stage: "trial", possibleSentence: "fixed-term", ...matter })

describe("criminal defence under the Legal Aid Law (LAL-25)", () => {
  const cases: ReadonlyArray<[string, Input, string]> = [
    ["a minor", { date: "2024-05-10", applicant: { birthDate: "2008-03-01" }, matter: defence({}) }, "LAL-25-1-1"],
    ["a person with a visual disability", { date: "2024-05-10", applicant: { ...adult, disabilities: ["visual"] }, matter: defence({}) }, "LAL-25-1-2"],
    ["a person with a speech disability", { date: "2024-05-10", applicant: { ...adult, disabilities: ["speech"] }, matter: defence({}) }, "LAL-25-1-2"],
    ["an adult who cannot fully recognise their conduct", { date: "2024-05-10", applicant: { ...adult, disabilities: ["mental"] }, matter: defence({}) }, "LAL-25-1-3"],
    ["possible life imprisonment", { date: "2024-05-10", applicant: adult, matter: defence({ possibleSentence: "life" }) }, "LAL-25-1-4"],
    ["death-penalty review", { date: "2024-05-10", applicant: adult, matter: defence({ stage: "death-penalty-review", possibleSentence: "death" }) }, "LAL-25-1-5"],
    ["a trial in absentia", { date: "2024-05-10", applicant: adult, matter: defence({ inAbsentia: true }) }, "LAL-25-1-6"]
  ]
  for (const [name, input, basis] of cases) {
    it(`${name}: mandatory, no means test, citing ${basis}`, () => {
      const d = decideWith(input)
      expect(d.outcome).toBe("mandatory")
      expect(d.meansTest.status).toBe("not-required")
      expect(d.citations).toContain(basis)
      expect(d.ruleSet.id).toBe("LAL-2022")
    })
  }

  it("an intellectual or physical disability alone is not a mandatory ground", () => {
    const d = decideWith({ date: "2024-05-10", applicant: { ...adult, disabilities: ["physical", "intellectual"] }, matter: defence({}) })
    expect(d.outcome).toBe("incomplete")
    expect(d.missing.map((m) => m.path)).toEqual(["applicant.household"])
  })

  it("LAL-26: life, death and death-penalty review need a lawyer with 3 years of practice", () => {
    for (const matter of [defence({ possibleSentence: "life" }), defence({ possibleSentence: "death" }), defence({ stage: "death-penalty-review" })]) {
      const d = decideWith({ date: "2023-11-20", applicant: adult, matter })
      expect(d.requirements.lawyerMinYears).toBe(3)
      expect(d.requirements.basis).toContain("LAL-26")
      expect(d.citations).toContain("LAL-26")
    }
    expect(decideWith({ date: "2023-11-20", applicant: adult, matter: defence({}) }).requirements.lawyerMinYears).toBeUndefined()
  })

  it("a minor's case needs a lawyer familiar with minors (MPL-104-2)", () => {
    const d = decideWith({ date: "2024-05-10", applicant: { birthDate: "2008-03-01" }, matter: defence({}) })
    expect(d.requirements).toEqual({ minorsSpecialist: true, basis: ["MPL-104-2"] })
  })

  it("an accused is a minor on the 18th birthday and an adult the day after (SPCJ2006-2)", () => {
    const onBirthday = decideWith({ date: "2024-03-01", applicant: { birthDate: "2006-03-01" }, matter: defence({}) })
    expect(onBirthday.outcome).toBe("mandatory")
    expect(onBirthday.citations).toEqual(expect.arrayContaining(["LAL-25-1-1", "SPCJ2006-2"]))
    const dayAfter = decideWith({ date: "2024-03-02", applicant: { birthDate: "2006-03-01" }, matter: defence({}) })
    expect(dayAfter.citations).not.toContain("LAL-25-1-1")
    const younger = decideWith({ date: "2024-02-29", applicant: { birthDate: "2006-03-01" }, matter: defence({}) })
    expect(younger.citations).not.toContain("SPCJ2006-2")
  })

  it("before the 2006 interpretation took effect, the birthday itself counted", () => {
    const d = decideWith({ date: "2005-06-01", applicant: { birthDate: "1987-06-01" }, matter: defence({}) })
    expect(d.citations).not.toContain("LAR-12-2")
    const after = decideWith({ date: "2006-06-01", applicant: { birthDate: "1988-06-01" }, matter: defence({}) })
    expect(after.citations).toEqual(["LAR-12-2", "CPL1996-34-2", "SPCJ2006-2"])
  })

  it("an accused with a defence lawyer gets no aid", () => {
    const d = decideWith({ date: "2024-02-02", applicant: { birthDate: "2010-01-01", hasLawyer: true }, matter: defence({}) })
    expect(d.outcome).toBe("ineligible")
    expect(d.citations).toEqual(["LAL-24"])
  })

  it("otherwise the accused applies under LAL-24 (and CPL-35-1) with the means test, helped meanwhile by a duty lawyer (LAL-30)", () => {
    const poor = decideWith({ date: "2024-04-01", applicant: { ...adult, household: { members: 2, monthlyIncomeFen: 250000, area: "urban" } }, matter: defence({ procedure: "ordinary" }) })
    expect(poor.outcome).toBe("eligible")
    expect(poor.citations).toEqual(["LAL-24", "LAL-30", "LAL-34", "LAL-41", "CPL-35-1"])
    expect(poor.advisories.map((a) => a.basis)).toEqual(["LAL-30", "LAL-25-2"])
    const rich = decideWith({ date: "2024-04-01", applicant: { ...adult, household: { members: 2, monthlyIncomeFen: 900000, area: "urban" } }, matter: defence({}) })
    expect(rich.outcome).toBe("ineligible")
    expect(rich.meansTest).toMatchObject({ status: "failed", thresholdFen: 400000, marginFen: 500000 })
  })

  it("a detainee's application is to be forwarded within 24 hours (LAL-39)", () => {
    const d = decideWith({ date: "2024-04-01", applicant: { ...adult, statuses: ["detained", "social-assistance"] }, matter: defence({}) })
    expect(d.outcome).toBe("eligible")
    expect(d.meansTest).toEqual({ status: "verification-exempt", basis: ["LAL-42-1-2"] })
    expect(d.advisories.map((a) => a.basis)).toContain("LAL-39")
  })

  it("lists every missing fact at once (LAL-43-2)", () => {
    const d = decideWith({ date: "2024-04-01", matter: { kind: "criminal-defence" } })
    expect(d.outcome).toBe("incomplete")
    expect(d.missing.map((m) => m.path).sort()).toEqual(["applicant.birthDate", "applicant.household", "matter.possibleSentence", "matter.stage"])
    expect(d.citations).toContain("LAL-43-2")
    for (const m of d.missing) expect(m.basis).toContain("LAL-43-2")
  })

  it("a ground that is already established makes missing facts irrelevant", () => {
    const d = decideWith({ date: "2024-04-01", applicant: { disabilities: ["hearing"] }, matter: { kind: "criminal-defence" } })
    expect(d.outcome).toBe("mandatory")
    expect(d.missing).toEqual([])
  })
})

describe("other criminal matters", () => {
  it("compulsory treatment without an agent: the court must notify (LAL-28, CPL-304-2)", () => {
    expect(decideWith({ date: "2024-01-01", matter: { kind: "compulsory-treatment" } })).toMatchObject({ outcome: "mandatory", citations: ["LAL-28", "CPL-304-2"] })
    expect(decideWith({ date: "2024-01-01", applicant: { hasLawyer: true }, matter: { kind: "compulsory-treatment" } }).outcome).toBe("ineligible")
  })

  it("victims, private prosecutors and incidental civil parties apply under LAL-29 with the means test", () => {
    for (const kind of ["criminal-victim", "private-prosecution", "incidental-civil"]) {
      const d = decideWith({ date: "2024-01-01", applicant: { household: { members: 1, monthlyIncomeFen: 100000, area: "urban" } }, matter: { kind, stage: "trial" } })
      expect(d.outcome).toBe("eligible")
      expect(d.citations).toContain("LAL-29")
    }
  })
})

describe("civil and administrative matters under the Legal Aid Law", () => {
  const household = { members: 3, monthlyIncomeFen: 100000, area: "urban" }
  it.each([
    ["state-compensation", "LAL-31-1-1"],
    ["social-insurance", "LAL-31-1-2"],
    ["survivor-pension", "LAL-31-1-3"],
    ["maintenance", "LAL-31-1-4"],
    ["labour-remuneration", "LAL-31-1-5"],
    ["civil-capacity", "LAL-31-1-6"],
    ["medical-accident", "LAL-31-1-7"],
    ["environmental-damage", "LAL-31-1-8"]
  ])("%s is in scope under %s with the means test", (claim, basis) => {
    const d = decideWith({ date: "2023-06-01", applicant: { ...adult, household }, matter: { kind: "civil", claims: [claim] } })
    expect(d.outcome).toBe("eligible")
    expect(d.meansTest.status).toBe("passed")
    expect(d.citations).toContain(basis)
  })

  it.each([
    ["hero-martyr-rights", "LAL-32-1-1"],
    ["act-of-bravery", "LAL-32-1-2"],
    ["retrial-acquittal-compensation", "LAL-32-1-3"],
    ["abuse", "LAL-32-1-4"]
  ])("%s needs no means test (%s), whatever the income", (claim, basis) => {
    const d = decideWith({ date: "2023-06-01", applicant: { ...adult, household: { members: 1, monthlyIncomeFen: 9_000_000, area: "urban" } }, matter: { kind: "administrative", claims: [claim] } })
    expect(d).toMatchObject({ outcome: "eligible", meansTest: { status: "not-required" } })
    expect(d.meansTest.status === "not-required" && d.meansTest.basis[0]).toBe(basis)
  })

  it("LAL-42: the exemptions from verifying finances", () => {
    const exempt = (applicant: Record<string, unknown>, claims: ReadonlyArray<string>) =>
      decideWith({ date: "2023-06-01", applicant, matter: { kind: "civil", claims } }).meansTest
    expect(exempt({ birthDate: "1950-01-01", statuses: ["no-fixed-income"] }, ["maintenance"])).toEqual({ status: "verification-exempt", basis: ["LAL-42-1-1"] })
    expect(exempt({ ...adult, disabilities: ["physical"], statuses: ["no-fixed-income"] }, ["maintenance"])).toEqual({ status: "verification-exempt", basis: ["LAL-42-1-1"] })
    expect(exempt({ ...adult, statuses: ["entitled-group"] }, ["maintenance"])).toEqual({ status: "verification-exempt", basis: ["LAL-42-1-2"] })
    expect(exempt({ ...adult, statuses: ["migrant-worker"] }, ["work-injury"])).toEqual({ status: "verification-exempt", basis: ["LAL-42-1-3"] })
    // A working-age adult without fixed income, and a migrant worker claiming maintenance, are not exempt.
    expect(exempt({ ...adult, statuses: ["no-fixed-income"], household }, ["maintenance"]).status).toBe("passed")
    expect(exempt({ ...adult, statuses: ["migrant-worker"], household }, ["maintenance"]).status).toBe("passed")
  })

  it("the urban line is exact: members × multiple × minimum living standard, rounded down to the fen", () => {
    const p = overrides({ "hardship.urban.minimumLivingStandardMonthlyFen": 80001, "hardship.urban.multiple": "2.5" })
    const at = (income: number) => decideWith({ date: "2023-06-01", applicant: { ...adult, household: { members: 1, monthlyIncomeFen: income, area: "urban" } }, matter: { kind: "civil", claims: ["maintenance"] } }, p)
    expect(at(200002).meansTest).toMatchObject({ status: "passed", thresholdFen: 200002, marginFen: 0 })
    expect(at(200003).meansTest).toMatchObject({ status: "failed", thresholdFen: 200002, marginFen: 1 })
  })

  it("the rural line: 12 × monthly income ≤ members × fraction × annual disposable income", () => {
    const p = overrides({ "hardship.rural.disposableIncomePerHeadAnnualFen": 1800000, "hardship.rural.fraction": "0.5" })
    const at = (income: number) => decideWith({ date: "2025-03-03", applicant: { ...adult, household: { members: 4, monthlyIncomeFen: income, area: "rural" } }, matter: { kind: "civil", claims: ["work-injury"] } }, p)
    expect(at(300000).meansTest).toMatchObject({ status: "passed", thresholdFen: 300000 })
    expect(at(300001).meansTest).toMatchObject({ status: "failed", marginFen: 1 })
  })

  it("an agent already acting, or a matter out of scope, means no aid", () => {
    expect(decideWith({ date: "2023-06-01", applicant: { hasLawyer: true }, matter: { kind: "civil", claims: ["maintenance"] } })).toMatchObject({ outcome: "ineligible", citations: ["LAL-31"] })
    // An adult: Yunnan's 2010 regulation (in force under the Law until 2025) adds matters of minors and the elderly.
    expect(decideWith({ date: "2023-06-01", applicant: adult, matter: { kind: "civil", claims: ["property", "contract"] } })).toMatchObject({ outcome: "ineligible", citations: ["LAL-31"], meansTest: { status: "not-assessed" } })
  })

  it("a civil matter without any claim asks what it is about", () => {
    const d = decideWith({ date: "2023-06-01", matter: { kind: "non-litigation" } })
    expect(d.outcome).toBe("incomplete")
    expect(d.missing.map((m) => m.path)).toEqual(["matter.claims"])
  })
})

describe("before 2022: the 2003 Regulation with the Criminal Procedure Law", () => {
  const minorAt = (date: string, stage: string) => decideWith({ date, applicant: { birthDate: "2001-09-01" }, matter: defence({ stage }) })

  it("picks the rule set in force on the date, with the 2018-10-26 renumbering", () => {
    expect(decideWith({ date: "2012-12-31", matter: { kind: "civil", claims: ["contract"] } }).ruleSet.id).toBe("LAR-2003")
    expect(decideWith({ date: "2018-10-25", matter: { kind: "civil", claims: ["contract"] } }).ruleSet.id).toBe("LAR-2003/CPL-2012")
    expect(decideWith({ date: "2018-10-26", matter: { kind: "civil", claims: ["contract"] } }).ruleSet.id).toBe("LAR-2003/CPL-2018")
    expect(decideWith({ date: "2021-12-31", matter: { kind: "civil", claims: ["contract"] } }).ruleSet).toMatchObject({ id: "LAR-2003/CPL-2018", validTo: "2021-12-31" })
    expect(decideWith({ date: "2022-01-01", matter: { kind: "civil", claims: ["contract"] } }).ruleSet.id).toBe("LAL-2022")
  })

  it("a minor at trial: designated defence (LAR-12-2) and the CPL notification in its numbering of the day", () => {
    expect(minorAt("2018-06-12", "trial").citations).toEqual(["LAR-12-2", "CPL-267"])
    expect(minorAt("2018-11-12", "trial").citations).toEqual(["LAR-12-2", "CPL-278"])
  })

  it("a minor under investigation: CPL only (LAR-12-2 covers trial designation)", () => {
    expect(minorAt("2018-06-12", "investigation")).toMatchObject({ outcome: "mandatory", citations: ["CPL-267"] })
    // Before 2013 the 1996 law had no notification before trial.
    const d = decideWith({ date: "2011-06-12", applicant: { birthDate: "1995-09-01" }, matter: defence({ stage: "investigation" }) })
    expect(d.outcome).not.toBe("mandatory")
    expect(d.citations).toContain("LAR-11-1-1")
  })

  it("possible life imprisonment: CPL-34-3 / CPL-35-3 (LAR-12-2 names only death); no LAL-26 requirement before 2022", () => {
    const life = decideWith({ date: "2016-01-01", applicant: adult, matter: defence({ possibleSentence: "life" }) })
    expect(life).toMatchObject({ outcome: "mandatory", citations: ["CPL-34-3"] })
    expect(life.requirements.lawyerMinYears).toBeUndefined()
    expect(decideWith({ date: "2020-01-01", applicant: adult, matter: defence({ possibleSentence: "death" }) }).citations).toEqual(["LAR-12-2", "CPL-35-3"])
  })

  it("trial in absentia is mandatory only from 2018-10-26 (CPL-293)", () => {
    expect(decideWith({ date: "2019-03-01", applicant: adult, matter: defence({ inAbsentia: true }) }).citations).toContain("CPL-293")
    expect(decideWith({ date: "2018-03-01", applicant: adult, matter: defence({ inAbsentia: true }) }).outcome).not.toBe("mandatory")
  })

  it("civil scope: the Regulation's list, plus Yunnan's additions under LAR-10-2 (unverified layer)", () => {
    const household = { members: 3, monthlyIncomeFen: 100000, area: "urban" }
    const wages = decideWith({ date: "2018-04-20", applicant: { ...adult, household }, matter: { kind: "labour-arbitration", claims: ["labour-remuneration"] } })
    expect(wages).toMatchObject({ outcome: "eligible", citations: ["LAR-10-1-5", "LAR-13"] })
    // Domestic violence: no means-test waiver before 2022, but in scope in Yunnan.
    const dv = decideWith({ date: "2018-04-20", applicant: { ...adult, household }, matter: { kind: "civil", claims: ["domestic-violence"] } })
    expect(dv).toMatchObject({ outcome: "eligible", meansTest: { status: "passed" }, ruleSet: { layers: ["YNLAR-2010"] } })
    expect(dv.citations).toContain("LAR-10-2")
    // Outside Yunnan (Beijing Dongcheng) the same claim is out of scope.
    const beijing = decideWith({ date: "2018-04-20", region: "110101", applicant: { ...adult, household }, matter: { kind: "civil", claims: ["domestic-violence"] } })
    expect(beijing).toMatchObject({ outcome: "ineligible", citations: ["LAR-10"] })
    // Yunnan also brings in applicants who are elderly, whatever the claim.
    const elderly = decideWith({ date: "2018-04-20", applicant: { birthDate: "1950-01-01", household }, matter: { kind: "civil", claims: ["contract"] } })
    expect(elderly).toMatchObject({ outcome: "eligible", citations: ["LAR-10-2", "LAR-13"] })
  })

  it("no verification exemptions before the Legal Aid Law", () => {
    const d = decideWith({ date: "2019-04-20", applicant: { ...adult, statuses: ["migrant-worker"] }, matter: { kind: "civil", claims: ["labour-remuneration"] } })
    expect(d.outcome).toBe("incomplete")
    expect(d.missing.map((m) => m.path)).toEqual(["applicant.household"])
    expect(d.citations).toContain("LAR-18")
  })
})

describe("rule book and parameters", () => {
  it("fails with NoRuleSetInForce before the 2003 Regulation", () => {
    const r = decide(app({ date: "2003-08-31", matter: { kind: "civil", claims: ["maintenance"] } }))
    expect(Result.isFailure(r) && r.failure._tag).toBe("NoRuleSetInForce")
  })

  it("fails with MissingParameter when a region has no standard, and an override supplies it", () => {
    const input: Input = { date: "2023-06-01", region: "530502", applicant: { ...adult, household: { members: 1, monthlyIncomeFen: 100000, area: "urban" } }, matter: { kind: "civil", claims: ["maintenance"] } }
    const r = decide(app(input))
    expect(Result.isFailure(r) && r.failure).toMatchObject({ _tag: "MissingParameter", key: "hardship.urban.minimumLivingStandardMonthlyFen", region: "530502" })
    const withOverride = decideUnsafe(app(input), { parameters: overrides({ "hardship.urban.minimumLivingStandardMonthlyFen": 70000 }) })
    expect(withOverride.meansTest).toMatchObject({ status: "passed", thresholdFen: 140000 }) // Baoshan: 2 × 700 yuan
  })

  it("the shipped Kunming standard is used and reported unverified; overrides are reported as such", () => {
    const input: Input = { date: "2019-01-15", applicant: { ...adult, household: { members: 2, monthlyIncomeFen: 200000, area: "urban" } }, matter: { kind: "civil", claims: ["maintenance"] } }
    const shipped = decideUnsafe(app(input))
    expect(shipped.meansTest).toMatchObject({ status: "passed", thresholdFen: 2 * 5900 * 25 }) // 2 × 2.5 × 590 yuan
    expect(shipped.parameters.map((p) => [p.key, p.origin, p.region, p.verified])).toEqual([
      ["hardship.urban.minimumLivingStandardMonthlyFen", "table", "5301", false],
      ["hardship.urban.multiple", "table", "5301", false]
    ])
    const overridden = decideUnsafe(app(input), { parameters: overrides({ "hardship.urban.minimumLivingStandardMonthlyFen": { value: 61000, source: "昆明市民政局通知", verified: true } }) })
    expect(overridden.parameters[0]).toMatchObject({ origin: "override", value: 61000, source: "昆明市民政局通知", verified: true })
  })

  it("trace: false gives the same decision without the trace", () => {
    const a = app({ date: "2024-04-01", applicant: adult, matter: defence({}) })
    const { trace, ...withTrace } = decideUnsafe(a, { parameters: urban800 })
    expect(trace?.length).toBeGreaterThan(7)
    expect(decideUnsafe(a, { parameters: urban800, trace: false })).toEqual(withTrace)
  })

  it("the trace names every rule checked", () => {
    const d = decideWith({ date: "2024-05-10", applicant: { birthDate: "2008-03-01" }, matter: defence({}) })
    expect(d.trace?.map((s) => `${s.rule}:${s.result}`)).toEqual([
      "criminal.has-defence-lawyer:does-not-apply",
      "criminal.mandatory.minor:applies",
      "criminal.mandatory.minor:applies",
      "criminal.mandatory.sensory-disability:does-not-apply",
      "criminal.mandatory.blind-deaf-mute:does-not-apply",
      "criminal.mandatory.mental-incapacity:does-not-apply",
      "criminal.mandatory.mental-incapacity:does-not-apply",
      "criminal.mandatory.possible-life-imprisonment:does-not-apply",
      "criminal.mandatory.possible-life-imprisonment:does-not-apply",
      "criminal.mandatory.possible-death:does-not-apply",
      "criminal.mandatory.possible-death:does-not-apply",
      "criminal.mandatory.death-penalty-review:does-not-apply",
      "criminal.mandatory.in-absentia:does-not-apply",
      "criminal.mandatory.in-absentia:does-not-apply",
      "assignment.requirements:applies",
      "criminal.mandatory:applies"
    ])
  })
})

describe("decodeApplication", () => {
  it("lists every bad field with its path and reason", () => {
    const r = decodeApplication({
      date: "2024-02-30",
      region: "53010",
      applicant: { birthDate: "x", disabilities: ["tall"], statuses: [], hasLawyer: "no", household: { members: 0, monthlyIncomeFen: -1, area: "town" }, name: "张三" },
      matter: { kind: "civil", claims: ["maintenance", 7] }
    })
    expect(Result.isFailure(r)).toBe(true)
    if (Result.isSuccess(r)) return
    expect(r.failure._tag).toBe("InvalidApplication")
    expect(r.failure.issues.map((i) => i.path).sort()).toEqual([
      "applicant.birthDate",
      "applicant.disabilities[0]",
      "applicant.hasLawyer",
      "applicant.household.area",
      "applicant.household.members",
      "applicant.household.monthlyIncomeFen",
      "applicant.name",
      "date",
      "matter.claims[1]",
      "region"
    ])
    expect(r.failure.message).not.toContain("张三")
  })

  it("rejects facts that contradict each other", () => {
    const r = decodeApplication({
      date: "2024-01-01",
      region: "530103",
      applicant: { birthDate: "2025-01-01", disabilities: ["visual", "visual"], statuses: [], hasLawyer: false },
      matter: { kind: "civil", stage: "trial", claims: ["maintenance"] }
    })
    expect(Result.isFailure(r) && r.failure.issues).toEqual([
      { path: "applicant.birthDate", reason: "is after the application date" },
      { path: "matter.stage", reason: "applies only to criminal matters, not civil" },
      { path: "applicant.disabilities[1]", reason: "is listed twice" }
    ])
  })

  it("rejects a non-object without throwing", () => {
    for (const input of [null, 42, "application", [], undefined]) {
      const r = decodeApplication(input)
      expect(Result.isFailure(r) && r.failure.issues.length).toBeGreaterThan(0)
    }
  })
})

describe("the region of an application (GB/T 2260)", () => {
  const base = {
    applicant: { birthDate: "1980-03-01", disabilities: [], statuses: [], hasLawyer: false },
    matter: { kind: "criminal-defence", stage: "investigation", claims: [] }
  }
  it("must name a division that existed on the application's date", () => {
    expect(Result.isSuccess(decodeApplication({ ...base, date: "2008-05-10", region: "110103" }))).toBe(true)
    const late = decodeApplication({ ...base, date: "2024-05-10", region: "110103" })
    expect(Result.isFailure(late) && late.failure.issues.map((i) => i.path)).toEqual(["region"])
    for (const region of ["999999", "99", "9999", "710101", "530199"]) {
      const r = decodeApplication({ ...base, date: "2024-05-10", region })
      expect(Result.isFailure(r) && r.failure.issues.map((i) => i.path), region).toEqual(["region"])
    }
  })
})

describe("parameter overrides are checked against each parameter's range", () => {
  it("refuses a value outside it, naming the key", () => {
    const table = defaultRuleBook.parameters
    for (const [key, value, reason] of [
      ["age.majority", -3, "must be at least 16"],
      ["age.majority", 500, "must be at most 22"],
      ["hardship.urban.multiple", "0", "must be more than 0"],
      ["hardship.rural.fraction", "7", "must be at most 5"],
      ["clock.materialsSupplyDays", 0, "must be at least 1"]
    ] as const) {
      const r = Parameter.decodeOverrides(table, { [key]: value })
      expect(Result.isFailure(r) && r.failure.issues, key).toEqual([{ path: `parameters.${key}`, reason }])
    }
    expect(Result.isSuccess(Parameter.decodeOverrides(table, { "age.majority": 18, "hardship.urban.multiple": "2.5", "hardship.rural.fraction": "0.5" }))).toBe(true)
  })

  it("refuses rule data outside it too", () => {
    const r = Parameter.makeTable([...defaultRuleBook.parameters.definitions.values()], [
      { key: "age.elderly", region: "000000" as never, validFrom: "2003-09-01" as never, value: 120, basis: ["LAL-42-1-1"], source: "test", verified: false }
    ] as never)
    expect(Result.isFailure(r) && r.failure.problems).toEqual([{ index: 0, key: "age.elderly", reason: "value must be at most 80" }])
  })
})
