/**
 * Assignment benchmark: a province-year of cases — 100,000 — assigned to 2,000 lawyers spread over
 * Yunnan's counties, with the qualification, specialty, language, conflict, complaint, capacity and
 * area filters in play, by `assignMany` (rotation advancing as it goes).
 */
import type { CaseToAssign, Lawyer } from "../src/assignment/index.ts"
import { assignMany } from "../src/assignment/index.ts"
import * as Region from "../src/Region.ts"
import { countiesOf, measure, print } from "./harness.ts"

const LAWYERS = 2_000
const CASES = 100_000

/** A small deterministic PRNG (LCG) so every run builds the same province. */
const prng = (seed: number) => () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
  return seed / 2 ** 32
}

export const run = async (): Promise<void> => {
  const rnd = prng(42)
  const pick = <A>(xs: ReadonlyArray<A>): A => xs[Math.floor(rnd() * xs.length)]!
  const cities = ["5301", "5303", "5304", "5305", "5306", "5307", "5308", "5309", "5323", "5325"]
  const counties = cities.flatMap((c) => countiesOf(c, 4))
  const specialties = ["criminal", "labour", "family", "administrative", "civil", "juvenile"]
  const languages = ["yi", "bai", "hani", "dai"]
  const pool: Array<Lawyer> = Array.from({ length: LAWYERS }, (_, i) => ({
    id: `L${String(i).padStart(4, "0")}`,
    firmId: `F${Math.floor(i / 8)}`,
    region: Region.makeUnsafe(pick(counties)),
    yearsOfPractice: Math.floor(rnd() * 20),
    languages: rnd() < 0.2 ? [pick(languages)] : [],
    specialties: [pick(specialties), pick(specialties)],
    minorsTrained: rnd() < 0.3,
    openCases: Math.floor(rnd() * 5),
    maxOpenCases: 1_000,
    actsFor: rnd() < 0.1 ? [`P${Math.floor(rnd() * 1000)}`] : [],
    weight: 1 + Math.floor(rnd() * 2),
    assignedCount: 0
  }))
  const cases: Array<CaseToAssign> = Array.from({ length: CASES }, (_, i) => {
    const r = rnd()
    const c: { -readonly [K in keyof CaseToAssign]: CaseToAssign[K] } = {
      caseId: `2024-${i}`,
      region: Region.makeUnsafe("53"),
      kind: "criminal-defence",
      requirements: r < 0.2 ? { lawyerMinYears: 3 } : r < 0.3 ? { minorsSpecialist: true } : {},
      opposingParties: [`P${Math.floor(rnd() * 1000)}`]
    }
    if (rnd() < 0.7) c.specialty = pick(specialties)
    if (rnd() < 0.1) c.languages = [pick(languages)]
    if (rnd() < 0.5) c.area = Region.makeUnsafe(pick(cities))
    if (rnd() < 0.05) c.excludedLawyers = [`L${String(Math.floor(rnd() * LAWYERS)).padStart(4, "0")}`]
    return c
  })
  let placed = -1
  const result = await measure(CASES, () => {
    const r = assignMany(cases, pool)
    const n = r.assignments.filter((a) => a._tag === "Assigned").length
    if (placed >= 0 && n !== placed) throw new Error("assignment is not deterministic")
    placed = n
  }, { warmup: 1, rounds: 5 })
  process.stderr.write(`assignment: ${CASES} cases, ${LAWYERS} lawyers, ${placed} placed, ${CASES - placed} with no qualified lawyer\n`)
  print("assignment-cases", result.perSecond, "per-s")
  print("assignment-province-year-seconds", CASES / result.perSecond, "s")
}
