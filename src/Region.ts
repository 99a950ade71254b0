/**
 * Administrative divisions by their GB/T 2260 codes (行政区划代码), with the hierarchy
 * national → province (省级) → prefecture/city (地级) → county/district (县级).
 *
 * A {@link RegionCode} is canonical: `"000000"` for the nation, 2 digits for a province (`"53"`),
 * 4 for a prefecture (`"5301"`), 6 for a county (`"530103"`). Canonical codes nest as string
 * prefixes, so containment is a prefix test; every case record is partitioned by one.
 */
import { Data, Result, Schema } from "effect"

type Reason = "format" | "province" | "city"

const reasonText: Record<Reason, string> = {
  format: "expected 2, 4 or 6 digits",
  province: "the province part must be 11 to 99 (only 000000 may start with 00)",
  city: "the prefecture part must not be 00 below a province (use the province's own code)"
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
  return undefined
}

/**
 * A canonical GB/T 2260 division code, as a branded string: `"000000"`, `"53"`, `"5301"` or
 * `"530103"`. The schema accepts canonical codes only; use {@link parse} to normalise padded
 * six-digit forms such as `"530100"`.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Region } from "fayuan"
 * const panlong: Region.RegionCode = Schema.decodeUnknownSync(Region.RegionCode)("530103")
 * ```
 * @category models
 */
export const RegionCode = Schema.String.pipe(
  Schema.check(Schema.makeFilter((s: string) => {
    const reason = checkCanonical(s)
    return reason === undefined
      ? undefined
      : `invalid region code: ${reason === "padded" ? "a padded six-digit form; normalise it with Region.parse" : reasonText[reason]}`
  }, { expected: "a canonical GB/T 2260 region code" })),
  Schema.brand("RegionCode")
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
export const parse = (input: string): Result.Result<RegionCode, InvalidRegionCode> => {
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

const names: ReadonlyMap<string, readonly [zh: string, en: string]> = new Map([
  ["000000", ["中华人民共和国", "China"]],
  ["53", ["云南省", "Yunnan"]],
  ["5301", ["昆明市", "Kunming"]],
  ["530102", ["五华区", "Wuhua"]],
  ["530103", ["盘龙区", "Panlong"]],
  ["530111", ["官渡区", "Guandu"]],
  ["530112", ["西山区", "Xishan"]],
  ["530113", ["东川区", "Dongchuan"]],
  ["530114", ["呈贡区", "Chenggong"]],
  ["530115", ["晋宁区", "Jinning"]],
  ["5305", ["保山市", "Baoshan"]],
  ["530502", ["隆阳区", "Longyang"]]
])

/**
 * The name of a division from the library's small built-in table (Yunnan, Kunming and its
 * districts, Baoshan), in Chinese (default) or English; `undefined` for a code not in the table.
 *
 * @example
 * ```ts
 * import { Region } from "fayuan"
 * Region.name(Region.makeUnsafe("530103")) // "盘龙区"
 * Region.name(Region.makeUnsafe("530103"), "en") // "Panlong"
 * ```
 * @category names
 */
export const name = (code: RegionCode, lang: "zh" | "en" = "zh"): string | undefined => {
  const entry = names.get(code)
  return entry === undefined ? undefined : entry[lang === "zh" ? 0 : 1]
}
