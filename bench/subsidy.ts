/**
 * Subsidy benchmark: case subsidies computed per second with full line detail (every line with
 * its label, row, standard, effective date, amount and explanation; allocations to the lawyers),
 * over a seeded, varied workload against the five example tables: criminal cases through one to
 * three stages, possible life or death sentences, complexity, work outside the home city, extra
 * recipients, quality grades, early ends, one or two lawyers, and district codes that fall back
 * to a city or province. Claims are decoded once beforehand; the timed loop only calculates. Also
 * duty shifts per second (a month of Panlong duty, am/pm pairs paid as one day).
 */
import { Result } from "effect"
import * as CalendarDate from "../src/CalendarDate.ts"
import * as Region from "../src/Region.ts"
import type { Claim, WorkedShift } from "../src/subsidy/index.ts"
import { calculateCase, calculateDuty, decodeClaim, tables } from "../src/subsidy/index.ts"
import { measure, print, xorshift } from "./harness.ts"

const SEED = 20180601
const CLAIMS = 20_000
const SHIFTS = 20_000

type Rand = () => number
const pick = <A>(rand: Rand, xs: ReadonlyArray<A>): A => xs[Math.floor(rand() * xs.length)]!
const chance = (rand: Rand, p: number): boolean => rand() < p

/** Each example table: the region a claim comes from, a year in force, and what it covers. */
const places = [
  { region: "530103", year: 2018, services: ["criminal", "civil", "administrative", "labour-arbitration", "non-litigation"], early: ["withdrawn-before-hearing", "withdrawn-during-hearing", "terminated"], grades: ["pass", "good", "excellent", "fail"] },
  { region: "610102", year: 2019, services: ["criminal", "civil", "administrative", "labour-arbitration", "non-litigation"], early: [], grades: ["pass", "good", "fail"] },
  { region: "371102", year: 2018, services: ["criminal", "civil", "administrative", "non-litigation"], early: [], grades: ["pass", "good"] },
  { region: "430802", year: 2020, services: ["criminal", "civil", "administrative", "labour-arbitration", "non-litigation"], early: [], grades: ["pass", "excellent"] },
  { region: "341181", year: 2020, services: ["criminal", "civil", "non-litigation"], early: ["withdrawn-before-hearing", "withdrawn-during-hearing"], grades: ["pass", "good", "excellent"] }
] as const

const stages = ["investigation", "prosecution-review", "trial"] as const

const makeClaims = (): Array<Claim> => {
  const rand = xorshift(SEED)
  const out: Array<Claim> = []
  for (let i = 0; i < CLAIMS; i++) {
    const place = pick(rand, places)
    const service = pick(rand, place.services)
    const criminal = service === "criminal"
    const month = 1 + Math.floor(rand() * 9)
    const raw: Record<string, unknown> = {
      region: place.region,
      caseId: `C-${i}`,
      service,
      assignedOn: `${place.year}-0${month}-1${Math.floor(rand() * 10)}`,
      endedOn: `${place.year}-1${Math.floor(rand() * 3)}-2${Math.floor(rand() * 9)}`,
      endedBy: "concluded",
      recipients: chance(rand, 0.15) ? 2 + Math.floor(rand() * 4) : 1
    }
    if (criminal) {
      const from = Math.floor(rand() * 3)
      const to = from + Math.floor(rand() * (3 - from))
      raw["stagesCompleted"] = stages.slice(from, to + 1)
      if (chance(rand, 0.1)) raw["possibleLifeOrDeath"] = true
      if (chance(rand, 0.1)) raw["endedBy"] = "terminated"
    } else if (place.early.length > 0 && chance(rand, 0.15)) {
      const early = pick(rand, place.early)
      if (early !== "terminated" || service !== "non-litigation" || place.region === "530103") raw["endedBy"] = early
    }
    if (chance(rand, 0.1)) raw["complexity"] = pick(rand, ["1.2", "1.5", "2", "2.5"])
    if (chance(rand, 0.1)) raw["outsideHomeCity"] = true
    if (chance(rand, 0.7)) raw["grade"] = pick(rand, place.grades)
    raw["lawyers"] = chance(rand, 0.2) ? [{ lawyerId: `L${i % 97}` }, { lawyerId: `L${(i + 13) % 97}` }] : [{ lawyerId: `L${i % 97}` }]
    const claim = decodeClaim(raw)
    if (Result.isFailure(claim)) throw new Error(`bench claim ${i}: ${claim.failure.message}`)
    // Keep only claims the tables can pay (a graded Tianchang civil file cannot be unqualified, etc.).
    if (Result.isSuccess(calculateCase(tables.examples, claim.success))) out.push(claim.success)
  }
  return out
}

const makeShifts = (): Array<WorkedShift> => {
  const rand = xorshift(SEED + 1)
  const region = Region.makeUnsafe("530103")
  const out: Array<WorkedShift> = []
  const seen = new Set<string>()
  while (out.length < SHIFTS) {
    const date = CalendarDate.addDays(CalendarDate.makeUnsafe("2018-01-01"), Math.floor(rand() * 365))
    const siteId = `site-${Math.floor(rand() * 40)}`
    const slot = pick(rand, ["full", "am", "pm"] as const)
    const seat = Math.floor(rand() * 2)
    const key = `${date}|${siteId}|${slot}|${seat}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push({ region, date, siteId, slot, seat, lawyerId: `L${Math.floor(rand() * 150)}` })
  }
  return out
}

export const run = async (): Promise<void> => {
  const claims = makeClaims()
  if (claims.length < CLAIMS * 0.9) throw new Error(`only ${claims.length} payable claims`)
  let lines = 0
  for (const c of claims) lines += Result.getOrThrow(calculateCase(tables.examples, c)).lines.length
  const repeat = 10
  const cases = await measure(claims.length * repeat, () => {
    let total = 0
    for (let r = 0; r < repeat; r++) {
      for (let i = 0; i < claims.length; i++) {
        const s = calculateCase(tables.examples, claims[i]!)
        if (s._tag === "Success") total += s.success.lines.length
      }
    }
    if (total !== lines * repeat) throw new Error("a claim failed during the benchmark")
  })
  print("subsidy-calculations", cases.perSecond, "per-s")

  const shifts = makeShifts()
  const duty = await measure(shifts.length, () => {
    const r = calculateDuty(tables.panlong, shifts)
    if (r._tag !== "Success") throw new Error("duty failed during the benchmark")
  })
  print("subsidy-duty-shifts", duty.perSecond, "per-s")
}

if (import.meta.url === `file://${process.argv[1]}`) await run()
