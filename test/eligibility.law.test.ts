/**
 * The points of the statutes' audit, each from the provision's wording: the rules of each era,
 * the stage from which a party may apply, the disability grounds by era, and the citations.
 */
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { decodeApplication } from "../src/eligibility/Application.ts"
import { decideUnsafe } from "../src/eligibility/decide.ts"
import type { Decision } from "../src/eligibility/Decision.ts"
import * as Parameter from "../src/Parameter.ts"
import { defaultRuleBook } from "../src/RuleBook.ts"

const params = Result.getOrThrow(
  Parameter.decodeOverrides(defaultRuleBook.parameters, { "hardship.urban.minimumLivingStandardMonthlyFen": 80000, "hardship.urban.multiple": "2.5" })
)
const poor = { birthDate: "1980-01-01", household: { members: 2, monthlyIncomeFen: 100000, area: "urban" } }
const decide = (date: string, matter: Record<string, unknown>, applicant: Record<string, unknown> = poor, region = "530103"): Decision => {
  const r = decodeApplication({ date, region, applicant: { disabilities: [], statuses: [], hasLawyer: false, ...applicant }, matter: { claims: [], ...matter } })
  if (Result.isFailure(r)) throw new Error(r.failure.message)
  return decideUnsafe(r.success, { parameters: params })
}

describe("1. LAR-10-1-1: compensation after acquittal on retrial is state compensation", () => {
  it("before 2022 it is in scope with the means test; from 2022 without (LAL-32-1-3)", () => {
    const d2018 = decide("2018-06-01", { kind: "civil", claims: ["retrial-acquittal-compensation"] })
    expect(d2018).toMatchObject({ outcome: "eligible", meansTest: { status: "passed" } })
    expect(d2018.citations).toContain("LAR-10-1-1")
    const rich = decide("2018-06-01", { kind: "civil", claims: ["retrial-acquittal-compensation"] }, { ...poor, household: { members: 1, monthlyIncomeFen: 9_000_000, area: "urban" } })
    expect(rich.outcome).toBe("ineligible")
    expect(decide("2023-06-01", { kind: "civil", claims: ["retrial-acquittal-compensation"] }, { ...poor, household: { members: 1, monthlyIncomeFen: 9_000_000, area: "urban" } })).toMatchObject({ outcome: "eligible", meansTest: { status: "not-required" } })
  })
})

describe("2. when a victim or a private prosecutor may apply", () => {
  it("LAR-11-1-2: a victim from the transfer for prosecution review, not during the investigation", () => {
    const early = decide("2018-06-01", { kind: "criminal-victim", stage: "investigation" })
    expect(early.outcome).toBe("not-yet-eligible")
    expect(early.citations).toEqual(["LAR-11-1-2"])
    expect(decide("2018-06-01", { kind: "criminal-victim", stage: "prosecution-review" })).toMatchObject({ outcome: "eligible", meansTest: { status: "passed" } })
  })

  it("LAR-11-1-3: a private prosecutor from the court's acceptance", () => {
    const filing = decide("2015-03-02", { kind: "private-prosecution", stage: "filing" })
    expect(filing.outcome).toBe("not-yet-eligible")
    expect(filing.citations).toEqual(["LAR-11-1-3"])
    expect(decide("2015-03-02", { kind: "private-prosecution", stage: "trial" }).outcome).toBe("eligible")
  })

  it("LAL-29 with CPL-46-1: a victim from the transfer; a private prosecutor at any time", () => {
    const early = decide("2024-06-01", { kind: "criminal-victim", stage: "investigation" })
    expect(early.outcome).toBe("not-yet-eligible")
    expect(early.citations).toEqual(["LAL-29", "CPL-46-1"])
    expect(decide("2024-06-01", { kind: "criminal-victim", stage: "trial" }).outcome).toBe("eligible")
    expect(decide("2024-06-01", { kind: "private-prosecution", stage: "filing" }).outcome).toBe("eligible")
    expect(decide("2024-06-01", { kind: "incidental-civil", stage: "investigation" }).outcome).toBe("not-yet-eligible")
  })

  it("without the stage, the stage is asked for with the rest", () => {
    const d = decide("2018-06-01", { kind: "criminal-victim" }, { birthDate: "1980-01-01" })
    expect(d.outcome).toBe("incomplete")
    expect(d.missing.map((m) => m.path).sort()).toEqual(["applicant.household", "matter.stage"])
  })

  it("a filing stage is only for private prosecutions and incidental civil actions", () => {
    const r = decodeApplication({ date: "2024-01-01", region: "530103", applicant: { disabilities: [], statuses: [], hasLawyer: false }, matter: { kind: "criminal-victim", stage: "filing", claims: [] } })
    expect(Result.isFailure(r) && r.failure.issues.map((i) => i.path)).toEqual(["matter.stage"])
  })

  it("LAR-11 does not name incidental civil plaintiffs: the plaintiff applies as the victim (LAR-11-1-2 with CPL-101)", () => {
    expect(decide("2019-06-01", { kind: "incidental-civil", stage: "trial" }).citations).toEqual(expect.arrayContaining(["LAR-11-1-2", "CPL-101"]))
  })
})

describe("3. death-penalty review: mandatory only from 2022 (LAL-25-1-5)", () => {
  it("2013-2021: the CPL grounds apply to investigation, prosecution and trial, not the review", () => {
    const review = decide("2019-06-01", { kind: "criminal-defence", stage: "death-penalty-review", possibleSentence: "death" })
    expect(review.outcome).not.toBe("mandatory")
    expect(review.citations).not.toContain("CPL-35-3")
    expect(decide("2019-06-01", { kind: "criminal-defence", stage: "investigation", possibleSentence: "death" })).toMatchObject({ outcome: "mandatory" })
    expect(decide("2016-06-01", { kind: "criminal-defence", stage: "death-penalty-review", possibleSentence: "death" }).outcome).not.toBe("mandatory")
  })

  it("from 2022 the review is mandatory", () => {
    const d = decide("2022-03-01", { kind: "criminal-defence", stage: "death-penalty-review", possibleSentence: "death" })
    expect(d.outcome).toBe("mandatory")
    expect(d.citations).toContain("LAL-25-1-5")
  })
})

describe("4. Yunnan's 2010 regulation after 2022 (LAL-31-1-9)", () => {
  const elderly = { birthDate: "1950-01-01", household: { members: 1, monthlyIncomeFen: 100000, area: "urban" } }
  it("its applicant groups stay in scope under the Law until its revision took effect on 2026-01-01", () => {
    const d = decide("2024-06-01", { kind: "civil", claims: ["contract"] }, elderly)
    expect(d.outcome).toBe("eligible")
    expect(d.citations).toContain("LAL-31-1-9")
    expect(d.ruleSet.layers).toContain("YNLAR-2010/LAL")
    expect(decide("2026-02-01", { kind: "civil", claims: ["contract"] }, elderly).outcome).toBe("ineligible")
  })

  it("product-quality accidents are added in 2010 and kept in 2026; outside Yunnan they are not in scope", () => {
    expect(decide("2015-06-01", { kind: "civil", claims: ["product-quality"] }).outcome).toBe("eligible")
    expect(decide("2026-02-01", { kind: "civil", claims: ["product-quality"] }).outcome).toBe("eligible")
    expect(decide("2024-06-01", { kind: "civil", claims: ["product-quality"] }, poor, "4401").outcome).toBe("ineligible")
  })
})

describe("5. Heroes and Martyrs Protection Law art. 25 (from 2018-05-01)", () => {
  it("close relatives suing over a martyr's name or honour receive aid from that date, before 2022 too", () => {
    const rich = { ...poor, household: { members: 1, monthlyIncomeFen: 9_000_000, area: "urban" } }
    const d = decide("2018-06-01", { kind: "civil", claims: ["hero-martyr-rights"] }, rich)
    expect(d).toMatchObject({ outcome: "eligible", meansTest: { status: "not-required", basis: ["HMPL-25-4"] } })
    expect(decide("2018-04-30", { kind: "civil", claims: ["hero-martyr-rights"] }, rich).outcome).toBe("ineligible")
    expect(decide("2023-06-01", { kind: "civil", claims: ["hero-martyr-rights"] }, rich).citations).toEqual(expect.arrayContaining(["LAL-32-1-1", "HMPL-25-4"]))
  })
})

describe("6. LAL-42-1-3 exempts wages and work injury, not confirming a labour relationship", () => {
  const migrant = { birthDate: "1980-01-01", statuses: ["migrant-worker"] }
  it("a migrant worker's wage claim is exempt from verification; a labour-relationship claim is not", () => {
    expect(decide("2023-06-01", { kind: "labour-arbitration", claims: ["labour-remuneration"] }, migrant).meansTest.status).toBe("verification-exempt")
    const relation = decide("2023-06-01", { kind: "labour-arbitration", claims: ["labour-relationship"] }, migrant)
    expect(relation.outcome).toBe("incomplete")
    expect(relation.missing.map((m) => m.path)).toEqual(["applicant.household"])
    expect(decide("2023-06-01", { kind: "labour-arbitration", claims: ["labour-relationship"] }).citations).toContain("LAL-31-1-5")
  })

  it("before 2022 only wages are in scope (LAR-10-1-5)", () => {
    expect(decide("2018-06-01", { kind: "labour-arbitration", claims: ["labour-relationship"] }, poor).outcome).toBe("ineligible")
  })
})

describe("7. disability grounds by era", () => {
  const trial = { kind: "criminal-defence", stage: "trial", possibleSentence: "fixed-term" }
  it("the Law: a visual, hearing or speech disability of any degree (LAL-25-1-2)", () => {
    expect(decide("2023-06-01", trial, { birthDate: "1980-01-01", disabilities: ["visual"] })).toMatchObject({ outcome: "mandatory" })
  })

  it("before 2022: blind, deaf or mute (盲、聋、哑); a visual disability of unstated degree leaves it open", () => {
    const blind = decide("2018-06-01", trial, { birthDate: "1980-01-01", disabilities: ["blind"] })
    expect(blind.outcome).toBe("mandatory")
    expect(blind.citations).toEqual(expect.arrayContaining(["LAR-12-2", "CPL-34-2"]))
    const visual = decide("2018-06-01", trial, { birthDate: "1980-01-01", disabilities: ["visual"] })
    expect(visual.outcome).toBe("incomplete")
    expect(visual.missing.map((m) => m.path)).toContain("applicant.disabilities")
  })
})

describe("citations", () => {
  it("defendants at trial before 2022: court designation (LAR-12-1), not the suspect's application (LAR-11-1-1)", () => {
    const d = decide("2018-06-01", { kind: "criminal-defence", stage: "trial", possibleSentence: "fixed-term" })
    expect(d.citations).toContain("LAR-12-1")
    expect(d.citations).not.toContain("LAR-11-1-1")
    expect(decide("2018-06-01", { kind: "criminal-defence", stage: "investigation", possibleSentence: "fixed-term" }).citations).toContain("LAR-11-1-1")
  })

  it("from 2022 notification cases cite the CPL article beside the Law's", () => {
    expect(decide("2023-06-01", { kind: "criminal-defence", stage: "trial", possibleSentence: "life" }).citations).toEqual(["LAL-25-1-4", "LAL-26", "CPL-35-3"])
    expect(decide("2023-06-01", { kind: "criminal-defence", stage: "trial", inAbsentia: true, possibleSentence: "fixed-term" }).citations).toEqual(expect.arrayContaining(["LAL-25-1-6", "CPL-293"]))
  })

  it("the duty lawyer (LAL-30) is cited when the accused has no defender and none is assigned", () => {
    expect(decide("2023-06-01", { kind: "criminal-defence", stage: "investigation", possibleSentence: "fixed-term" }).citations).toContain("LAL-30")
  })
})
