/**
 * A seeded Yunnan for the benchmarks: the 16 prefectures and their 129 county-level districts,
 * 2,000 lawyers spread over them with their firms, leave and limits, and 150 duty sites at
 * prefecture and county level — the province the roster benchmark solves and the pipeline runs.
 */
import * as CalendarDate from "../src/CalendarDate.ts"
import { countiesOf } from "./harness.ts"

export const LAWYERS = 2_000
export const SITES = 150

/** splitmix32-style generator: floats in [0, 1), deterministic for a seed. */
export const prng = (seed: number) => {
  let state = seed >>> 0
  return (): number => {
    state = (state + 0x9e3779b9) >>> 0
    let z = state
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    z = (z ^ (z >>> 16)) >>> 0
    return z / 4_294_967_296
  }
}

export type Rand = () => number
export const int = (rand: Rand, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1))
export const pick = <A>(rand: Rand, xs: ReadonlyArray<A>): A => xs[Math.floor(rand() * xs.length)]!

/** Splits `total` in proportion to `weights` (largest remainder, ties to the lower index). */
export const apportion = (total: number, weights: ReadonlyArray<number>): Array<number> => {
  const sum = weights.reduce((a, b) => a + b, 0)
  const exact = weights.map((w) => (total * w) / sum)
  const out = exact.map(Math.floor)
  let left = total - out.reduce((a, b) => a + b, 0)
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i)
  for (let k = 0; left > 0; k++, left--) out[order[k % order.length]!.i]!++
  return out
}

/** Yunnan's 16 prefecture-level divisions (GB/T 2260), their county count, a lawyer weight, a minority language. */
export const prefectures: ReadonlyArray<{ code: string; counties: number; weight: number; language?: string }> = [
  { code: "5301", counties: 14, weight: 38 },
  { code: "5303", counties: 9, weight: 8 },
  { code: "5304", counties: 9, weight: 5, language: "yi" },
  { code: "5305", counties: 5, weight: 3 },
  { code: "5306", counties: 11, weight: 5, language: "miao" },
  { code: "5307", counties: 5, weight: 3, language: "naxi" },
  { code: "5308", counties: 10, weight: 3, language: "hani" },
  { code: "5309", counties: 8, weight: 3, language: "wa" },
  { code: "5323", counties: 10, weight: 4, language: "yi" },
  { code: "5325", counties: 13, weight: 7, language: "hani" },
  { code: "5326", counties: 8, weight: 4, language: "zhuang" },
  { code: "5328", counties: 3, weight: 3, language: "dai" },
  { code: "5329", counties: 12, weight: 7, language: "bai" },
  { code: "5331", counties: 5, weight: 3, language: "jingpo" },
  { code: "5333", counties: 4, weight: 1.5, language: "lisu" },
  { code: "5334", counties: 3, weight: 1.5, language: "tibetan" }
]

/** The order in which the scaled-down instances add prefectures: mid-sized first, Kunming last. */
export const ladderOrder = ["5329", "5328", "5325", "5303", "5331", "5323", "5306", "5307", "5304", "5305", "5308", "5309", "5326", "5333", "5334", "5301"]

export interface SiteJson {
  id: string
  name: string
  region: string
  days?: "working-days" | Array<number>
  shifts: Array<{ slot: "full" | "am" | "pm"; lawyersNeeded: number }>
  minYearsOfPractice?: number
  languages?: Array<string>
}

export interface LawyerJson {
  id: string
  firmId: string
  region: string
  yearsOfPractice: number
  languages?: Array<string>
  unavailable?: Array<string>
  maxPerMonth?: number
  preferredWeekdays?: Array<number>
}

export interface Province {
  readonly sites: ReadonlyArray<SiteJson>
  readonly lawyers: ReadonlyArray<LawyerJson>
  readonly firms: ReadonlyArray<{ id: string }>
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0")
const dateOf = (epochDay: number): string => CalendarDate.fromEpochDay(epochDay)
export const epochOf = (date: string): number => CalendarDate.toEpochDay(CalendarDate.makeUnsafe(date))
const YEAR_FROM = epochOf("2018-01-01")
const YEAR_TO = epochOf("2018-12-31")

/** The whole province for 2018: lawyers spread over the counties, sites at prefecture and county level. */
export const province = (seed: number): Province => {
  const rand = prng(seed)
  const perPrefecture = apportion(LAWYERS, prefectures.map((p) => p.weight))
  const lawyers: Array<LawyerJson> = []
  const firms: Array<{ id: string }> = []
  const countyLawyers = new Map<string, number>()
  prefectures.forEach((pref, pi) => {
    // The first county (the urban district) draws the most lawyers.
    const weights = Array.from({ length: pref.counties }, (_, c) => (c === 0 ? 6 : c === 1 ? 3 : 1 + rand() * 1.5))
    const perCounty = apportion(perPrefecture[pi]!, weights)
    perCounty.forEach((n, c) => {
      const county = countiesOf(pref.code, pref.counties)[c]!
      countyLawyers.set(county, n)
      const firmCount = Math.max(1, Math.ceil(n / 7))
      for (let f = 0; f < firmCount; f++) firms.push({ id: `F${county}-${f + 1}` })
      for (let k = 0; k < n; k++) {
        const id = `L${pad(lawyers.length + 1, 4)}`
        const years = rand() < 0.25 ? int(rand, 0, 2) : int(rand, 3, 30)
        const law: LawyerJson = { id, firmId: `F${county}-${int(rand, 1, firmCount)}`, region: county, yearsOfPractice: years }
        if (pref.language !== undefined && rand() < 0.3) law.languages = ["mandarin", pref.language]
        const off = new Set<string>()
        if (rand() < 0.6) {
          // One block of leave, plus a few scattered days.
          const start = int(rand, YEAR_FROM, YEAR_TO - 14)
          const length = int(rand, 3, 14)
          for (let d = start; d < start + length; d++) off.add(dateOf(d))
        }
        for (let j = int(rand, 0, 6); j > 0; j--) off.add(dateOf(int(rand, YEAR_FROM, YEAR_TO)))
        if (off.size > 0) law.unavailable = [...off].sort()
        const r = rand()
        if (r < 0.12) law.maxPerMonth = 4
        else if (r < 0.22) law.maxPerMonth = 6
        else if (r < 0.27) law.maxPerMonth = 10
        if (rand() < 0.1) law.preferredWeekdays = [int(rand, 1, 5)]
        lawyers.push(law)
      }
    })
  })

  // Sites: one intermediate-court workstation per prefecture; a detention centre and a
  // minority-language station in some; the rest at county level, in proportion to lawyers.
  const sites: Array<SiteJson> = []
  const add = (site: Omit<SiteJson, "id">) => sites.push({ id: `S${pad(sites.length + 1, 3)}`, ...site })
  for (const pref of prefectures) {
    add({ name: `${pref.code} intermediate court`, region: pref.code, days: "working-days", shifts: [{ slot: "full", lawyersNeeded: pref.weight >= 7 ? 2 : 1 }] })
    if (pref.weight >= 4) add({ name: `${pref.code} detention centre`, region: pref.code, days: [1, 3, 5], shifts: [{ slot: "am", lawyersNeeded: 1 }], minYearsOfPractice: 3 })
    if (pref.language !== undefined) add({ name: `${pref.code} ${pref.language} station`, region: pref.code, days: [2, 4], shifts: [{ slot: "full", lawyersNeeded: 1 }], languages: [pref.language] })
  }
  const counties = [...countyLawyers.entries()]
  const perCountySites = apportion(SITES - sites.length, counties.map(([, n]) => n))
  counties.forEach(([county, n], ci) => {
    for (let k = 0; k < perCountySites[ci]!; k++) {
      const kind = k % 3
      if (kind === 0) add({ name: `${county} court`, region: county, days: "working-days", shifts: [{ slot: "full", lawyersNeeded: n >= 60 ? 2 : 1 }] })
      else if (kind === 1) add({ name: `${county} legal service centre`, region: county, days: "working-days", shifts: [{ slot: "am", lawyersNeeded: 1 }, { slot: "pm", lawyersNeeded: 1 }] })
      else add({ name: `${county} procuratorate`, region: county, days: pick(rand, [[1, 3], [2, 4], [1, 2, 3, 4, 5]]), shifts: [{ slot: "full", lawyersNeeded: 1 }], minYearsOfPractice: 3 })
    }
  })
  return { sites, lawyers, firms }
}


export interface Instance {
  readonly label: string
  readonly from: string
  readonly to: string
  readonly sites: ReadonlyArray<SiteJson>
  readonly lawyers: ReadonlyArray<LawyerJson>
  readonly firms: ReadonlyArray<{ id: string }>
}

/** The province restricted to some prefectures and a period. */
export const restrict = (p: Province, label: string, codes: ReadonlyArray<string>, from: string, to: string): Instance => {
  const inside = (region: string) => codes.some((c) => region.startsWith(c))
  const lawyers = p.lawyers.filter((l) => inside(l.region))
  const firmIds = new Set(lawyers.map((l) => l.firmId))
  return { label, from, to, sites: p.sites.filter((s) => inside(s.region)), lawyers, firms: p.firms.filter((f) => firmIds.has(f.id)) }
}

