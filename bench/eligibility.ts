/**
 * Eligibility benchmark: fayuan's `decide` over 100,000 mixed applications (with and without a
 * trace), and against json-rules-engine encoding the same civil-scope and means-test rules of the
 * Legal Aid Law for the civil matters of that sample.
 */
import fc from "fast-check"
import { Result } from "effect"
import { Engine } from "json-rules-engine"
import type { RuleProperties } from "json-rules-engine"
import type { Application } from "../src/eligibility/Application.ts"
import type { Outcome } from "../src/eligibility/Decision.ts"
import { decide } from "../src/eligibility/decide.ts"
import type { Overrides } from "../src/Parameter.ts"
import type { Ratio } from "../src/Ratio.ts"
import { application, hardshipOverrides } from "../test/support/applications.ts"
import { measure, print } from "./harness.ts"

const SAMPLE = 100_000
const ENGINE_SAMPLE = 5_000

// ---------------------------------------------------------------------------------------------
// fayuan

type Counts = Record<string, number>

const decideAll = (apps: ReadonlyArray<Application>, parameters: Overrides, trace: boolean, times = 1): Counts => {
  const counts: Counts = {}
  for (let t = 0; t < times; t++) {
    for (let i = 0; i < apps.length; i++) {
      const r = decide(apps[i]!, { parameters, trace })
      if (Result.isFailure(r)) throw new Error(`decide failed on application #${i}: ${r.failure.message}`)
      const outcome = r.success.outcome
      counts[outcome] = (counts[outcome] ?? 0) + 1
    }
  }
  return counts
}

const sameCounts = (a: Counts, b: Counts): boolean => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const k of keys) if (a[k] !== b[k]) return false
  return true
}

/** Runs `workload` once for reference counts, then checks every timed run gives the same. */
const checked = (reference: Counts, workload: () => Counts) => () => {
  const counts = workload()
  if (!sameCounts(counts, reference)) throw new Error(`outcome counts changed between runs: ${JSON.stringify(counts)}`)
}

// ---------------------------------------------------------------------------------------------
// json-rules-engine: the same rules, as a user of that library would write them

const lal32Claims = ["hero-martyr-rights", "act-of-bravery", "retrial-acquittal-compensation", "abuse", "abandonment", "domestic-violence"]
const lal31Claims = [
  "state-compensation",
  "social-insurance",
  "social-assistance",
  "survivor-pension",
  "maintenance",
  "labour-relationship",
  "labour-remuneration",
  "civil-capacity",
  "work-injury",
  "traffic-accident",
  "food-drug-safety",
  "medical-accident",
  "environmental-damage"
]
const civilKinds = new Set(["civil", "administrative", "labour-arbitration", "non-litigation"])
const AGE_MAJORITY = 18 // age.majority in the shipped table
const AGE_ELDERLY = 60 // age.elderly in the shipped table

interface Facts {
  readonly claims: ReadonlyArray<string>
  readonly hasLawyer: boolean
  readonly statuses: ReadonlyArray<string>
  readonly disabilities: ReadonlyArray<string>
  readonly isMinor: boolean
  readonly isElderly: boolean
  readonly hasHousehold: boolean
  readonly members: number
  readonly monthlyIncomeFen: number
  readonly area: "urban" | "rural" | "none"
  /** Yunnan's 2010 regulation (in force until its revision on 2026-01-01) brings groups of applicants into scope. */
  readonly yunnanGroups: boolean
  readonly ageKnown: boolean
  /** On rural minimum-living support: social assistance in a rural household. */
  readonly ruralMinimum: boolean
}

/** Completed years on `on` for a birth date (ISO strings), counting from the birthday itself. */
const completedYears = (birth: string, on: string): number => {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4))
  return on.slice(5) < birth.slice(5) ? years - 1 : years
}

const toFacts = (app: Application): Facts => {
  const { applicant, matter } = app
  const age = applicant.birthDate === undefined ? undefined : completedYears(applicant.birthDate, app.date)
  const h = applicant.household
  return {
    claims: matter.claims,
    hasLawyer: applicant.hasLawyer,
    statuses: applicant.statuses,
    disabilities: applicant.disabilities,
    isMinor: age !== undefined && age < AGE_MAJORITY,
    isElderly: age !== undefined && age >= AGE_ELDERLY,
    hasHousehold: h !== undefined,
    members: h?.members ?? 0,
    monthlyIncomeFen: h?.monthlyIncomeFen ?? 0,
    area: h?.area ?? "none",
    yunnanGroups: app.date < "2026-01-01",
    ageKnown: age !== undefined,
    ruralMinimum: applicant.statuses.includes("social-assistance") && h?.area === "rural"
  }
}

const ratioOf = (parameters: Overrides, key: string): Ratio => {
  const v = parameters.get(key)?.value
  if (typeof v !== "object") throw new Error(`override ${key} is not a ratio`)
  return v
}

const integerOf = (parameters: Overrides, key: string): number => {
  const v = parameters.get(key)?.value
  if (typeof v !== "number") throw new Error(`override ${key} is not a number`)
  return v
}

// The sample is Yunnan's: its regulation adds product-quality accidents to the Law's civil list
// (both texts), and until 2026 the matters of disabled, minor, elderly and rural-minimum-living
// applicants, all means-tested.
const inListedScope = { fact: "claims", operator: "someFact:in", value: [...lal31Claims, "product-quality"] }
const yunnanGroup = {
  all: [
    { fact: "yunnanGroups", operator: "equal", value: true },
    {
      any: [
        { fact: "disabilities", path: "$.length", operator: "greaterThan", value: 0 },
        { fact: "isMinor", operator: "equal", value: true },
        { fact: "isElderly", operator: "equal", value: true },
        { fact: "ruralMinimum", operator: "equal", value: true }
      ]
    }
  ]
}
const inScopeLal31 = { any: [inListedScope, yunnanGroup] }

const rules: ReadonlyArray<RuleProperties> = [
  {
    name: "has-lawyer",
    priority: 100,
    conditions: { all: [{ fact: "hasLawyer", operator: "equal", value: true }] },
    event: { type: "ineligible", params: { basis: "LAL-31" } }
  },
  {
    name: "no-claims",
    priority: 90,
    conditions: { all: [{ fact: "claims", path: "$.length", operator: "equal", value: 0 }] },
    event: { type: "incomplete", params: { basis: "LAL-43" } }
  },
  {
    name: "lal-32-no-means-test",
    priority: 80,
    conditions: { all: [{ fact: "claims", operator: "someFact:in", value: lal32Claims }] },
    event: { type: "eligible", params: { basis: "LAL-32" } }
  },
  {
    // No listed claim, and the groups cannot be told without the applicant's age.
    name: "group-unknown",
    priority: 75,
    conditions: {
      all: [
        { not: inListedScope },
        { fact: "yunnanGroups", operator: "equal", value: true },
        { fact: "ageKnown", operator: "equal", value: false },
        { fact: "disabilities", path: "$.length", operator: "equal", value: 0 },
        { fact: "ruralMinimum", operator: "equal", value: false }
      ]
    },
    event: { type: "incomplete", params: { basis: "LAL-43" } }
  },
  {
    name: "lal-42-exempt",
    priority: 70,
    conditions: {
      all: [
        inScopeLal31,
        {
          any: [
            {
              all: [
                { fact: "statuses", operator: "contains", value: "no-fixed-income" },
                {
                  any: [
                    { fact: "isMinor", operator: "equal", value: true },
                    { fact: "isElderly", operator: "equal", value: true },
                    { fact: "disabilities", path: "$.length", operator: "greaterThan", value: 0 }
                  ]
                }
              ]
            },
            {
              fact: "statuses",
              operator: "someFact:in",
              value: ["social-assistance", "judicial-assistance", "entitled-group"]
            },
            {
              all: [
                { fact: "statuses", operator: "contains", value: "migrant-worker" },
                { fact: "claims", operator: "someFact:in", value: ["labour-remuneration", "work-injury"] }
              ]
            }
          ]
        }
      ]
    },
    event: { type: "eligible", params: { basis: "LAL-42" } }
  },
  {
    name: "household-missing",
    priority: 60,
    conditions: { all: [inScopeLal31, { fact: "hasHousehold", operator: "equal", value: false }] },
    event: { type: "incomplete", params: { basis: "LAL-43" } }
  },
  {
    name: "urban-means-test-passed",
    priority: 50,
    conditions: {
      all: [
        inScopeLal31,
        { fact: "area", operator: "equal", value: "urban" },
        { fact: "urbanIncomeScaled", operator: "lessThanInclusive", value: { fact: "urbanLineScaled" } }
      ]
    },
    event: { type: "eligible", params: { basis: "LAL-34" } }
  },
  {
    name: "rural-means-test-passed",
    priority: 50,
    conditions: {
      all: [
        inScopeLal31,
        { fact: "area", operator: "equal", value: "rural" },
        { fact: "ruralIncomeScaled", operator: "lessThanInclusive", value: { fact: "ruralLineScaled" } }
      ]
    },
    event: { type: "eligible", params: { basis: "LAL-34" } }
  },
  {
    name: "means-test-failed",
    priority: 40,
    conditions: { all: [inScopeLal31] },
    event: { type: "ineligible", params: { basis: "LAL-34" } }
  },
  {
    name: "out-of-scope",
    priority: 10,
    conditions: { all: [{ fact: "hasLawyer", operator: "equal", value: false }] },
    event: { type: "ineligible", params: { basis: "LAL-31" } }
  }
]

/**
 * An engine with the rules, the hardship parameters as constant facts, and the means-test lines as
 * computed facts. Ratios are compared cross-multiplied (`income × q ≤ members × p × line`) so that
 * no decimal is rounded.
 */
const makeEngine = (parameters: Overrides): Engine => {
  const multiple = ratioOf(parameters, "hardship.urban.multiple")
  const fraction = ratioOf(parameters, "hardship.rural.fraction")
  const engine = new Engine(rules.map((r) => ({ ...r })))
  engine.addFact("mls", integerOf(parameters, "hardship.urban.minimumLivingStandardMonthlyFen"))
  engine.addFact("multipleNumerator", multiple.numerator)
  engine.addFact("multipleDenominator", multiple.denominator)
  engine.addFact("annual", integerOf(parameters, "hardship.rural.disposableIncomePerHeadAnnualFen"))
  engine.addFact("fractionNumerator", fraction.numerator)
  engine.addFact("fractionDenominator", fraction.denominator)
  engine.addFact("urbanIncomeScaled", async (_params, almanac) => {
    const [income, q] = await Promise.all([
      almanac.factValue<number>("monthlyIncomeFen"),
      almanac.factValue<number>("multipleDenominator")
    ])
    return income * q
  })
  engine.addFact("urbanLineScaled", async (_params, almanac) => {
    const [members, p, mls] = await Promise.all([
      almanac.factValue<number>("members"),
      almanac.factValue<number>("multipleNumerator"),
      almanac.factValue<number>("mls")
    ])
    return members * p * mls
  })
  engine.addFact("ruralIncomeScaled", async (_params, almanac) => {
    const [income, q] = await Promise.all([
      almanac.factValue<number>("monthlyIncomeFen"),
      almanac.factValue<number>("fractionDenominator")
    ])
    return 12 * income * q
  })
  engine.addFact("ruralLineScaled", async (_params, almanac) => {
    const [members, p, annual] = await Promise.all([
      almanac.factValue<number>("members"),
      almanac.factValue<number>("fractionNumerator"),
      almanac.factValue<number>("annual")
    ])
    return members * p * annual
  })
  // Every rule is decisive: stop at the first one that fires (rules of lower priority are skipped).
  engine.on("success", () => {
    engine.stop()
  })
  return engine
}

const engineOutcome = async (engine: Engine, facts: Facts): Promise<string> => {
  const { events } = await engine.run(facts)
  if (events.length !== 1) throw new Error(`expected one decisive event, got ${JSON.stringify(events)}`)
  return events[0]!.type
}

const engineAll = async (engine: Engine, facts: ReadonlyArray<Facts>): Promise<Counts> => {
  const counts: Counts = {}
  for (const f of facts) {
    const outcome = await engineOutcome(engine, f)
    counts[outcome] = (counts[outcome] ?? 0) + 1
  }
  return counts
}

// ---------------------------------------------------------------------------------------------

export const run = async (): Promise<void> => {
  const apps = fc.sample(application, { seed: 42, numRuns: SAMPLE })
  const parameters = fc.sample(hardshipOverrides, { seed: 42, numRuns: 1 })[0]!

  // 1. fayuan over the whole mixed sample
  const plain = decideAll(apps, parameters, false)
  const traced = decideAll(apps, parameters, true)
  if (!sameCounts(plain, traced)) throw new Error("trace changes the outcomes")
  process.stderr.write(`eligibility: ${apps.length} applications, outcomes ${JSON.stringify(plain)}\n`)
  const fast = await measure(apps.length, checked(plain, () => decideAll(apps, parameters, false)))
  print("eligibility-decisions", fast.perSecond, "per-s")
  const slow = await measure(apps.length, checked(plain, () => decideAll(apps, parameters, true)))
  print("eligibility-decisions-traced", slow.perSecond, "per-s")

  // 2. the civil matters of the Legal Aid Law era, against json-rules-engine
  const civil = apps.filter((a) => civilKinds.has(a.matter.kind) && a.date >= "2022-01-01")
  const facts = civil.map(toFacts)
  const engine = makeEngine(parameters)
  let disagreements = 0
  const examples: Array<string> = []
  for (let i = 0; i < civil.length; i++) {
    const expected: Outcome = Result.getOrThrow(decide(civil[i]!, { parameters, trace: false })).outcome
    const got = await engineOutcome(engine, facts[i]!)
    if (got !== expected) {
      disagreements++
      if (examples.length < 5) examples.push(`  fayuan ${expected}, json-rules-engine ${got}: ${JSON.stringify(civil[i])}`)
    }
  }
  print("eligibility-json-rules-engine-disagreements", disagreements, "apps")
  if (examples.length > 0) process.stderr.write(`disagreements (first ${examples.length}):\n${examples.join("\n")}\n`)

  const engineFacts = facts.slice(0, ENGINE_SAMPLE)
  const engineReference = await engineAll(engine, engineFacts)
  const jre = await measure(
    engineFacts.length,
    async () => {
      const counts = await engineAll(engine, engineFacts)
      if (!sameCounts(counts, engineReference)) throw new Error("json-rules-engine outcome counts changed between runs")
    },
    { warmup: 1 }
  )
  print("eligibility-json-rules-engine", jre.perSecond, "per-s")

  // Repeat the civil subset so that one timed round is long enough to measure.
  const repeat = Math.max(1, Math.ceil(100_000 / civil.length))
  const civilReference = decideAll(civil, parameters, false, repeat)
  const ours = await measure(civil.length * repeat, checked(civilReference, () => decideAll(civil, parameters, false, repeat)))
  print("eligibility-civil-decisions", ours.perSecond, "per-s")
  print("eligibility-vs-json-rules-engine", ours.perSecond / jre.perSecond, "x")
}

export default run
