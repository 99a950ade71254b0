/**
 * Administrative divisions by their GB/T 2260 codes (行政区划代码), with the hierarchy
 * national → province (省级) → prefecture/city (地级) → county/district (县级).
 *
 * A {@link RegionCode} is canonical: `"000000"` for the nation, 2 digits for a province (`"53"`),
 * 4 for a prefecture (`"5301"`), 6 for a county (`"530103"`). Canonical codes nest as string
 * prefixes, so containment is a prefix test; every case record is partitioned by one.
 */
import { Data, Result, Schema } from "effect"
import type { CalendarDate } from "./CalendarDate.ts"
import * as Catalogue from "./rules/region-codes.ts"
import * as Names from "./rules/region-names.ts"

type Reason = "type" | "format" | "province" | "city" | "unknown"

const reasonText: Record<Reason, string> = {
  type: "expected a string of digits",
  format: "expected 2, 4 or 6 digits",
  province: "the province part must be 11 to 99 (only 000000 may start with 00)",
  city: "the prefecture part must not be 00 below a province (use the province's own code)",
  unknown: `not a division in the GB/T 2260 catalogue (edition ${Catalogue.edition}); a newer one can be added with Region.registerDivisions`
}

/** The years a division is listed: `from` (0 when listed since before the catalogue starts) to `to` (Infinity while in force). */
interface Span {
  readonly from: number
  readonly to: number
}

let spans: Map<string, Span> | undefined

/** Canonical form of a six-digit catalogue code: `530000` → `53`, `530100` → `5301`. */
const canonical = (six: string): string => (six.endsWith("0000") ? six.slice(0, 2) : six.endsWith("00") ? six.slice(0, 4) : six)

/** The catalogue, read on first use. */
const catalogue = (): Map<string, Span> => {
  if (spans !== undefined) return spans
  spans = new Map()
  for (const line of Catalogue.entries) {
    for (const entry of line.split(" ")) {
      const m = /^(\d{6})(?:>(\d{4}))?(?:<(\d{4}))?$/.exec(entry)!
      spans.set(canonical(m[1]!), { from: m[2] === undefined ? 0 : Number(m[2]), to: m[3] === undefined ? Infinity : Number(m[3]) })
    }
  }
  // The groupings the lists name only through their counties — a municipality's 市辖区 (1101),
  // a province's directly administered counties (4190) — exist while any county under them does.
  const derived = new Map<string, Span>()
  for (const [code, span] of spans) {
    if (code.length !== 6) continue
    const prefix = code.slice(0, 4)
    if (spans.has(prefix)) continue
    const seen = derived.get(prefix)
    derived.set(prefix, seen === undefined ? span : { from: Math.min(seen.from, span.from), to: Math.max(seen.to, span.to) })
  }
  for (const [code, span] of derived) spans.set(code, span)
  return spans
}

const isDigits = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 48 || c > 57) return false
  }
  return true
}

/** `undefined` when `s` is a canonical code; `"padded"` for a six-digit form that {@link parse} normalises. */
const checkCanonical = (s: string): Reason | "padded" | undefined => {
  if (s === "000000") return undefined
  const length = s.length
  if ((length !== 2 && length !== 4 && length !== 6) || !isDigits(s)) return "format"
  if (s.charCodeAt(0) === 48) return "province"
  if (length >= 4 && s.charCodeAt(2) === 48 && s.charCodeAt(3) === 48) return "city"
  if (length === 6 && s.charCodeAt(4) === 48 && s.charCodeAt(5) === 48) return "padded"
  if (!catalogue().has(s)) return "unknown"
  return undefined
}

/**
 * Why a string is not a canonical region code of the catalogue, in the words the
 * {@link RegionCode} schema reports; `undefined` when it is one. For decoders that check codes
 * without the Schema runtime.
 *
 * @example
 * ```ts
 * import { Region } from "fayuan"
 * Region.whyInvalid("530100") // "invalid region code: a padded six-digit form; normalise it with Region.parse"
 * Region.whyInvalid("530103") // undefined
 * ```
 * @category parsing
 */
export const whyInvalid = (s: string): string | undefined => {
  const reason = checkCanonical(s)
  return reason === undefined
    ? undefined
    : `invalid region code: ${reason === "padded" ? "a padded six-digit form; normalise it with Region.parse" : reasonText[reason]}`
}

// The schema is marked pure so that a bundle using only the functions of this module (the
// browser entry of `fayuan/eligibility`) leaves the Schema runtime out.

/**
 * A canonical GB/T 2260 division code, as a branded string: `"000000"`, `"53"`, `"5301"` or
 * `"530103"`. The schema accepts canonical codes of divisions in the catalogue (every code listed
 * from 2002 to its edition, abolished ones included: see {@link existedOn}); use {@link parse} to
 * normalise padded six-digit forms such as `"530100"`.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Region } from "fayuan"
 * const panlong: Region.RegionCode = Schema.decodeUnknownSync(Region.RegionCode)("530103")
 * ```
 * @category models
 */
export const RegionCode = /* @__PURE__ */ Schema.String.pipe(
  /* @__PURE__ */ Schema.check(/* @__PURE__ */ Schema.makeFilter(whyInvalid, { expected: "a canonical GB/T 2260 region code" })),
  /* @__PURE__ */ Schema.brand("RegionCode")
)

/**
 * A canonical GB/T 2260 division code.
 *
 * @example
 * ```ts
 * import { Region } from "fayuan"
 * const kunming: Region.RegionCode = Region.makeUnsafe("5301")
 * ```
 * @category models
 */
export type RegionCode = typeof RegionCode.Type

/**
 * The level of a division.
 *
 * @example
 * ```ts
 * import { Region } from "fayuan"
 * const level: Region.Level = Region.level(Region.makeUnsafe("53")) // "province"
 * ```
 * @category models
 */
export type Level = "national" | "province" | "city" | "county"

/**
 * Why a string is not a region code: `"format"` (not 2, 4 or 6 digits), `"province"` (a province part starting with 0, other than `000000`), or
 * `"city"` (a prefecture part `00` under a province, as in `"5300"` or `"530001"`).
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Region } from "fayuan"
 * const r = Region.parse("53010")
 * if (Result.isFailure(r)) r.failure.reason // "format"
 * ```
 * @category errors
 */
export class InvalidRegionCode extends Data.TaggedError("InvalidRegionCode")<{
  readonly input: string
  readonly reason: Reason
}> {
  override get message(): string {
    return `invalid region code ${JSON.stringify(this.input)}: ${reasonText[this.reason]}`
  }
}

/**
 * The nation, `"000000"`: the root of the hierarchy.
 *
 * @example
 * ```ts
 * import { Region } from "fayuan"
 * Region.level(Region.national) // "national"
 * ```
 * @category constructors
 */
export const national = "000000" as RegionCode

/**
 * Reads a region code, accepting the canonical forms and the padded six-digit forms, which it
 * normalises: `"530000"` → `"53"`, `"530100"` → `"5301"`, `"000000"` stays national.
 *
 * @example
 * ```ts
 * import { Region } from "fayuan"
 * Region.parse("530100") // Result.succeed("5301")
 * Region.parse("5300") // Result.fail(InvalidRegionCode { reason: "city" })
 * ```
 * @category parsing
 */
export const parse = (input: unknown): Result.Result<RegionCode, InvalidRegionCode> => {
  if (typeof input !== "string") return Result.fail(new InvalidRegionCode({ input: "", reason: "type" }))
  let candidate = input
  if (input.length === 6 && input !== "000000" && input.endsWith("00")) {
    candidate = input.endsWith("0000") ? input.slice(0, 2) : input.slice(0, 4)
  }
  const reason = checkCanonical(candidate)
  // `candidate` never ends in 00 after the step above, so `reason` is never "padded".
  return reason === undefined || reason === "padded"
    ? Result.succeed(candidate as RegionCode)
    : Result.fail(new InvalidRegionCode({ input, reason }))
}

/**
 * Like {@link parse}, but throws the {@link InvalidRegionCode}. For codes written in code.
 *
 * @example
 * ```ts
 * import { Region } from "fayuan"
 * const panlong = Region.makeUnsafe("530103")
 * ```
 * @category constructors
 */
export const makeUnsafe = (input: string): RegionCode => {
  const result = parse(input)
  if (Result.isFailure(result)) throw result.failure
  return result.success
}

/**
 * The level of a division: national, province, city (prefecture) or county (district).
 *
 * @example
 * ```ts
 * import { Region } from "fayuan"
 * Region.level(Region.makeUnsafe("530103")) // "county"
 * ```
 * @category hierarchy
 */
export const level = (code: RegionCode): Level =>
  code.length === 2 ? "province" : code.length === 4 ? "city" : code === national ? "national" : "county"

/**
 * The division directly above: a county's prefecture, a prefecture's province, a province's
 * nation; `undefined` for the nation.
 *
 * @example
 * ```ts
 * import { Region } from "fayuan"
 * Region.parent(Region.makeUnsafe("530103")) // "5301"
 * ```
 * @category hierarchy
 */
export const parent = (code: RegionCode): RegionCode | undefined => {
  if (code === national) return undefined
  return code.length === 2 ? national : (code.slice(0, code.length - 2) as RegionCode)
}

const ancestorCache = new Map<string, ReadonlyArray<RegionCode>>()

/**
 * The division and every division above it, from the code itself up to {@link national}. The
 * arrays are frozen and cached, so repeated calls cost a map lookup.
 *
 * @example
 * ```ts
 * import { Region } from "fayuan"
 * Region.ancestors(Region.makeUnsafe("530103")) // ["530103", "5301", "53", "000000"]
 * ```
 * @category hierarchy
 */
export const ancestors = (code: RegionCode): ReadonlyArray<RegionCode> => {
  const cached = ancestorCache.get(code)
  if (cached !== undefined) return cached
  const chain: Array<RegionCode> = []
  let current: RegionCode | undefined = code
  while (current !== undefined) {
    chain.push(current)
    current = parent(current)
  }
  const frozen = Object.freeze(chain)
  ancestorCache.set(code, frozen)
  return frozen
}

/**
 * Whether `code` lies within `ancestor` (a division contains itself). Every division lies within
 * {@link national}.
 *
 * @example
 * ```ts
 * import { Region } from "fayuan"
 * Region.contains(Region.makeUnsafe("5301"), Region.makeUnsafe("530103")) // true
 * Region.contains(Region.makeUnsafe("5305"), Region.makeUnsafe("530103")) // false
 * ```
 * @category hierarchy
 */
export const contains = (ancestor: RegionCode, code: RegionCode): boolean =>
  // Only "000000" starts with 0, so the nation never falls under another code by prefix.
  ancestor === national || code.startsWith(ancestor)

/**
 * The padded six-digit form used in registers and ID numbers: `"53"` → `"530000"`,
 * `"5301"` → `"530100"`.
 *
 * @example
 * ```ts
 * import { Region } from "fayuan"
 * Region.toSixDigits(Region.makeUnsafe("53")) // "530000"
 * ```
 * @category formatting
 */
export const toSixDigits = (code: RegionCode): string => code.padEnd(6, "0")

const english: ReadonlyMap<string, string> = new Map([
  ["000000", "China"],
  ["53", "Yunnan"],
  ["5301", "Kunming"],
  ["530102", "Wuhua"],
  ["530103", "Panlong"],
  ["530111", "Guandu"],
  ["530112", "Xishan"],
  ["530113", "Dongchuan"],
  ["530114", "Chenggong"],
  ["530115", "Jinning"],
  ["5305", "Baoshan"],
  ["530502", "Longyang"]
])

let chinese: Map<string, ReadonlyArray<readonly [from: number, name: string]>> | undefined

const chineseNames = (): Map<string, ReadonlyArray<readonly [from: number, name: string]>> => {
  if (chinese !== undefined) return chinese
  chinese = new Map([["000000", [[0, "中华人民共和国"]]]])
  for (const line of Names.entries) {
    for (const entry of line.split(" ")) {
      const [first, ...renames] = entry.split("@")
      const periods: Array<readonly [number, string]> = [[0, first!.slice(6)]]
      for (const r of renames) periods.push([Number(r.slice(0, 4)), r.slice(4)])
      chinese.set(canonical(first!.slice(0, 6)), periods)
    }
  }
  return chinese
}

/**
 * The name of a division: in Chinese from the catalogue (as it was named on `on`, or its latest
 * name), in English from the library's small table (Yunnan, Kunming and its districts, Baoshan);
 * `undefined` when unknown.
 *
 * @example
 * ```ts
 * import { CalendarDate, Region } from "fayuan"
 * Region.name(Region.makeUnsafe("530103")) // "盘龙区"
 * Region.name(Region.makeUnsafe("530103"), "en") // "Panlong"
 * Region.name(Region.makeUnsafe("130502"), "zh", CalendarDate.makeUnsafe("2018-06-01")) // "桥东区" (襄都区 from 2020)
 * ```
 * @category names
 */
export const name = (code: RegionCode, lang: "zh" | "en" = "zh", on?: CalendarDate): string | undefined => {
  if (lang === "en") return english.get(code)
  const periods = chineseNames().get(code) ?? registered.get(code)?.names
  if (periods === undefined) return undefined
  const year = on === undefined ? Infinity : Number(on.slice(0, 4))
  let current: string | undefined
  for (const [from, n] of periods) if (from <= year) current = n
  return current ?? periods[0]![1]
}

/**
 * Whether a division existed on a date: listed in the catalogue from 1 January of the year it
 * first appears to 31 December of the year after the last list that holds it (the lists are
 * year-end snapshots). Dates before the catalogue's first list are judged leniently: a code
 * listed then is taken to exist. The nation always exists.
 *
 * @example
 * ```ts
 * import { CalendarDate, Region } from "fayuan"
 * const chongwen = Region.makeUnsafe("110103") // 崇文区, merged into 东城区 in 2010
 * Region.existedOn(chongwen, CalendarDate.makeUnsafe("2008-05-01")) // true
 * Region.existedOn(chongwen, CalendarDate.makeUnsafe("2024-05-01")) // false
 * ```
 * @category catalogue
 */
export const existedOn = (code: RegionCode, on: CalendarDate): boolean => {
  if (code === national) return true
  const span = catalogue().get(code)
  if (span === undefined) return false
  const year = Number(on.slice(0, 4))
  return year >= span.from && year <= span.to + 1
}

/**
 * Every division code in the catalogue (abolished ones included, registered ones too), canonical
 * and sorted, the nation first.
 *
 * @example
 * ```ts
 * import { Region } from "fayuan"
 * Region.codes().length > 3000 // true
 * ```
 * @category catalogue
 */
export const codes = (): ReadonlyArray<RegionCode> => [national, ...([...catalogue().keys()].sort() as Array<RegionCode>)]

/**
 * The catalogue's edition: the newest yearly list it holds.
 *
 * @category catalogue
 */
export const catalogueEdition: string = Catalogue.edition

/**
 * A division the host knows of that the catalogue does not hold yet (one created after its
 * edition).
 *
 * @category catalogue
 */
export interface Division {
  /** The canonical code (`"500157"`). */
  readonly code: string
  /** Its name in Chinese. */
  readonly name: string
  /** The year it was created. */
  readonly from: number
  /** The last year it existed, if it has been abolished. */
  readonly to?: number
}

const registered = new Map<string, { readonly names: ReadonlyArray<readonly [number, string]> }>()

/**
 * Adds divisions to the catalogue for this process (idempotent): for codes created after the
 * catalogue's edition, until a release carries them. A code already in the catalogue keeps its
 * entry. Returns the codes that were malformed (not six digits of a division under a listed
 * province), which are not added.
 *
 * @example
 * ```ts
 * import { Region } from "fayuan"
 * Region.registerDivisions([{ code: "530199", name: "示例新区", from: 2027 }]) // []
 * ```
 * @category catalogue
 */
export const registerDivisions = (divisions: ReadonlyArray<Division>): ReadonlyArray<string> => {
  const bad: Array<string> = []
  const map = catalogue()
  for (const d of divisions) {
    const code = typeof d?.code === "string" ? d.code : ""
    const structural = /^\d{6}$/.test(code) && !code.endsWith("00") && map.has(code.slice(0, 2))
    if (!structural || typeof d.name !== "string" || !Number.isInteger(d.from) || (d.to !== undefined && !Number.isInteger(d.to))) {
      bad.push(code)
      continue
    }
    if (map.has(code)) continue
    map.set(code, { from: d.from, to: d.to ?? Infinity })
    registered.set(code, { names: [[0, d.name]] })
  }
  return bad
}
