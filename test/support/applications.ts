/**
 * Arbitraries for eligibility: applications over both eras, every matter kind, with and without
 * the facts the rules need, and parameter overrides.
 */
import fc from "fast-check"
import { Result } from "effect"
import * as CalendarDate from "../../src/CalendarDate.ts"
import type { Application } from "../../src/eligibility/Application.ts"
import { disabilities, sentences, statuses } from "../../src/eligibility/Application.ts"
import * as Parameter from "../../src/Parameter.ts"
import * as Region from "../../src/Region.ts"
import { defaultRuleBook } from "../../src/RuleBook.ts"
import { claims, matterKinds, stages } from "../../src/RuleSet.ts"

const epoch = (s: string) => CalendarDate.toEpochDay(CalendarDate.makeUnsafe(s))

/** A date between the first rule set and the end of 2026. */
export const date = fc
  .integer({ min: epoch("2003-09-01"), max: epoch("2026-12-31") })
  .map((d) => CalendarDate.fromEpochDay(d))

/** Regions covered by the shipped Kunming parameters. */
export const region = fc.constantFrom("530103", "530102", "5301").map((r) => Region.makeUnsafe(r))

export const household = fc.record({
  members: fc.integer({ min: 1, max: 8 }),
  monthlyIncomeFen: fc.integer({ min: 0, max: 3_000_000 }),
  area: fc.constantFrom("urban" as const, "rural" as const)
})

const subset = <A>(values: ReadonlyArray<A>) => fc.uniqueArray(fc.constantFrom(...values), { maxLength: 3 })

const criminalKinds = new Set(["criminal-defence", "criminal-victim", "private-prosecution", "incidental-civil", "compulsory-treatment"])

/** Any well-formed application (birth date before the date, fields consistent with the kind). */
export const application: fc.Arbitrary<Application> = fc
  .record({
    date,
    region,
    ageDays: fc.option(fc.integer({ min: 0, max: 95 * 366 }), { nil: undefined }),
    disabilities: subset(disabilities),
    statuses: subset(statuses),
    hasLawyer: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    household: fc.option(household, { nil: undefined }),
    kind: fc.constantFrom(...matterKinds),
    stage: fc.option(fc.constantFrom(...stages), { nil: undefined }),
    possibleSentence: fc.option(fc.constantFrom(...sentences), { nil: undefined }),
    inAbsentia: fc.option(fc.boolean(), { nil: undefined }),
    claims: subset(claims)
  })
  .map((r) => {
    const criminal = criminalKinds.has(r.kind)
    const applicant: { -readonly [K in keyof Application["applicant"]]: Application["applicant"][K] } = {
      disabilities: r.disabilities,
      statuses: r.statuses,
      hasLawyer: r.hasLawyer
    }
    if (r.ageDays !== undefined) {
      const birth = CalendarDate.addDays(r.date, -r.ageDays)
      if (birth >= "1900-01-01") applicant.birthDate = birth
    }
    if (r.household !== undefined) applicant.household = r.household
    const matter: { -readonly [K in keyof Application["matter"]]: Application["matter"][K] } = {
      kind: r.kind,
      claims: criminal && r.kind !== "incidental-civil" ? [] : r.claims
    }
    if (criminal) {
      // filing only in private prosecutions and incidental civil actions; a private prosecution is filed or at trial.
      const stageFits =
        r.stage === undefined ||
        (r.kind === "private-prosecution" ? r.stage === "filing" || r.stage === "trial" : r.stage !== "filing" || r.kind === "incidental-civil")
      if (r.stage !== undefined && stageFits) matter.stage = r.stage
      if (r.possibleSentence !== undefined) matter.possibleSentence = r.possibleSentence
      if (r.inAbsentia !== undefined) matter.inAbsentia = r.inAbsentia
    }
    return { date: r.date, region: r.region, applicant, matter }
  })

/** Overrides that make every means-test parameter available for any date. */
export const hardshipOverrides = fc
  .record({
    mls: fc.integer({ min: 10_000, max: 200_000 }),
    multiple: fc.constantFrom("1", "1.5", "2", "2.5", "3"),
    annual: fc.integer({ min: 500_000, max: 5_000_000 }),
    fraction: fc.constantFrom("0.5", "0.4", "1")
  })
  .map((p) =>
    Result.getOrThrow(
      Parameter.decodeOverrides(defaultRuleBook.parameters, {
        "hardship.urban.minimumLivingStandardMonthlyFen": p.mls,
        "hardship.urban.multiple": p.multiple,
        "hardship.rural.disposableIncomePerHeadAnnualFen": p.annual,
        "hardship.rural.fraction": p.fraction
      })
    )
  )
