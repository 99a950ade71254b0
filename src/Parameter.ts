/**
 * Parameters: the numbers and flags the rules depend on, as data keyed by region and effective date.
 *
 * Each value carries its legal basis (citation ids), its source, and whether it was confirmed
 * (`verified`). A value is looked up from the most specific region upwards (district → city →
 * province → national), taking the entry in force on the date. Every caller can override any
 * parameter for one call; an override says so in every decision that uses it.
 *
 * @since 0.1.0
 */
import { Data, Result } from "effect"
import type * as CalendarDate from "./CalendarDate.ts"
import type { CitationId } from "./Citation.ts"
import * as Ratio from "./Ratio.ts"
import * as Region from "./Region.ts"

/**
 * What a parameter holds: an amount in fen, a whole number (people, years, days), an exact ratio,
 * or a flag.
 *
 * @category models
 */
export type ParameterKind = "fen" | "integer" | "ratio" | "flag"

/**
 * A parameter's value. Ratios are exact (`Ratio`), never floats.
 *
 * @category models
 */
export type ParameterValue = number | Ratio.Ratio | boolean

/**
 * The definition of a parameter key: its kind, meaning and the provisions that use it.
 *
 * @category models
 */
export interface ParameterDefinition {
  readonly key: string
  readonly kind: ParameterKind
  readonly descriptionZh: string
  readonly descriptionEn: string
  readonly basis: ReadonlyArray<CitationId>
  /**
   * The values that make sense (both ends inclusive; a ratio's as decimal strings): a value
   * outside is refused, in rule data and in an override alike, naming the key.
   */
  readonly range?: ParameterRange
}

/**
 * The valid range of a numeric parameter: `min` and `max` inclusive, `above` exclusive (for a
 * ratio that must be positive). Numbers for fen and integers, decimal strings for ratios.
 *
 * @category models
 */
export interface ParameterRange {
  readonly min?: number | string
  readonly max?: number | string
  readonly above?: number | string
}

const asRatio = (x: number | string): Ratio.Ratio => (typeof x === "number" ? Ratio.makeUnsafe(x, 1) : Result.getOrThrow(Ratio.fromDecimal(x)))

/**
 * Why a value is outside its parameter's range (`undefined` when it is inside, or the parameter
 * has none).
 *
 * @example
 * ```ts
 * import { Parameter, RuleBook } from "fayuan"
 * const majority = RuleBook.defaultRuleBook.parameters.definitions.get("age.majority")!
 * Parameter.rangeProblem(majority, 500) // "must be at most 22"
 * ```
 * @category validation
 */
export const rangeProblem = (def: ParameterDefinition, value: ParameterValue): string | undefined => {
  const range = def.range
  if (range === undefined || typeof value === "boolean") return undefined
  const v = typeof value === "number" ? Ratio.makeUnsafe(value, 1) : value
  const show = (x: number | string) => String(x)
  if (range.above !== undefined && Ratio.compare(v, asRatio(range.above)) <= 0) return `must be more than ${show(range.above)}`
  if (range.min !== undefined && Ratio.compare(v, asRatio(range.min)) < 0) return `must be at least ${show(range.min)}`
  if (range.max !== undefined && Ratio.compare(v, asRatio(range.max)) > 0) return `must be at most ${show(range.max)}`
  return undefined
}

/**
 * One value of a parameter for a region and a period.
 *
 * @category models
 */
export interface ParameterEntry {
  readonly key: string
  readonly region: Region.RegionCode
  readonly validFrom: CalendarDate.CalendarDate
  /** Last day in force (inclusive); open-ended when absent. */
  readonly validTo?: CalendarDate.CalendarDate
  readonly value: ParameterValue
  readonly basis: ReadonlyArray<CitationId>
  /** Where the value comes from (a document, a notice, or "estimate"). */
  readonly source: string
  /** `false` for a value not confirmed in a primary source: shipped flagged, meant to be overridden. */
  readonly verified: boolean
  readonly note?: string
}

/**
 * A parameter value as a decision used it, with where it came from.
 *
 * @category models
 */
export interface ResolvedParameter {
  readonly key: string
  readonly value: ParameterValue
  readonly origin: "table" | "override"
  /** The region whose entry supplied the value (absent for overrides). */
  readonly region?: Region.RegionCode
  readonly validFrom?: CalendarDate.CalendarDate
  readonly validTo?: CalendarDate.CalendarDate
  readonly basis: ReadonlyArray<CitationId>
  readonly source: string
  readonly verified: boolean
}

/**
 * A parameter table that failed validation: each problem with the entry's index.
 *
 * @category errors
 */
export class InvalidParameterTable extends Data.TaggedError("InvalidParameterTable")<{
  readonly problems: ReadonlyArray<{ readonly index: number; readonly key: string; readonly reason: string }>
}> {
  override get message(): string {
    return `invalid parameter table: ${this.problems.map((p) => `#${p.index} ${p.key}: ${p.reason}`).join("; ")}`
  }
}

/**
 * Overrides that failed to decode: each bad key with the reason.
 *
 * @category errors
 */
export class InvalidParameterOverrides extends Data.TaggedError("InvalidParameterOverrides")<{
  readonly issues: ReadonlyArray<{ readonly path: string; readonly reason: string }>
}> {
  override get message(): string {
    return `invalid parameter overrides: ${this.issues.map((i) => `${i.path}: ${i.reason}`).join("; ")}`
  }
}

/**
 * A validated, indexed set of parameter definitions and entries.
 *
 * @category models
 */
export interface ParameterTable {
  readonly definitions: ReadonlyMap<string, ParameterDefinition>
  readonly entries: ReadonlyArray<ParameterEntry>
  /** key → region → values sorted by `validFrom`. */
  readonly index: ReadonlyMap<string, ReadonlyMap<string, ReadonlyArray<ResolvedParameter>>>
}

const kindMatches = (kind: ParameterKind, value: ParameterValue): boolean => {
  switch (kind) {
    case "fen":
    case "integer":
      return typeof value === "number" && Number.isSafeInteger(value)
    case "ratio":
      return Ratio.isRatio(value)
    case "flag":
      return typeof value === "boolean"
  }
}

/**
 * Builds a table, checking that every entry has a known key, a value of its kind, a valid period,
 * and that no two entries of one key and region overlap in time.
 *
 * @example
 * import { Parameter, RuleBook } from "fayuan"
 * const table = Parameter.makeTable(RuleBook.defaultSources.parameterDefinitions, [])
 *
 * @category constructors
 */
export const makeTable = (
  definitions: ReadonlyArray<ParameterDefinition>,
  entries: ReadonlyArray<ParameterEntry>
): Result.Result<ParameterTable, InvalidParameterTable> => {
  const defs = new Map(definitions.map((d) => [d.key, d]))
  const problems: Array<{ index: number; key: string; reason: string }> = []
  const index = new Map<string, Map<string, Array<ParameterEntry>>>()
  entries.forEach((entry, i) => {
    const def = defs.get(entry.key)
    if (def === undefined) {
      problems.push({ index: i, key: entry.key, reason: "unknown parameter key" })
      return
    }
    if (!kindMatches(def.kind, entry.value)) {
      problems.push({ index: i, key: entry.key, reason: `value is not a ${def.kind}` })
      return
    }
    const outside = rangeProblem(def, entry.value)
    if (outside !== undefined) {
      problems.push({ index: i, key: entry.key, reason: `value ${outside}` })
      return
    }
    if (entry.validTo !== undefined && entry.validTo < entry.validFrom) {
      problems.push({ index: i, key: entry.key, reason: "validTo is before validFrom" })
      return
    }
    let byRegion = index.get(entry.key)
    if (byRegion === undefined) index.set(entry.key, (byRegion = new Map()))
    let list = byRegion.get(entry.region)
    if (list === undefined) byRegion.set(entry.region, (list = []))
    list.push(entry)
  })
  for (const [key, byRegion] of index) {
    for (const [region, list] of byRegion) {
      list.sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0))
      for (let j = 1; j < list.length; j++) {
        const prev = list[j - 1]!
        const cur = list[j]!
        if (prev.validTo === undefined || prev.validTo >= cur.validFrom) {
          problems.push({
            index: entries.indexOf(cur),
            key,
            reason: `period from ${cur.validFrom} overlaps the entry from ${prev.validFrom} for region ${region}`
          })
        }
      }
    }
  }
  if (problems.length > 0) return Result.fail(new InvalidParameterTable({ problems }))
  const resolvedIndex = new Map(
    [...index].map(([key, byRegion]) => [key, new Map([...byRegion].map(([region, list]) => [region, list.map(toResolved)]))])
  )
  return Result.succeed({ definitions: defs, entries, index: resolvedIndex })
}

const toResolved = (entry: ParameterEntry): ResolvedParameter => {
  const r: {
    -readonly [K in keyof ResolvedParameter]: ResolvedParameter[K]
  } = {
    key: entry.key,
    value: entry.value,
    origin: "table",
    region: entry.region,
    validFrom: entry.validFrom,
    basis: entry.basis,
    source: entry.source,
    verified: entry.verified
  }
  if (entry.validTo !== undefined) r.validTo = entry.validTo
  return r
}

/**
 * The entry in force for `key` on `date` in `region`, looked up from the region itself towards the
 * national level. `undefined` when no level has one.
 *
 * @example
 * import { CalendarDate, Parameter, Region, RuleBook } from "fayuan"
 * Parameter.lookup(RuleBook.defaultRuleBook.parameters, "age.majority", Region.makeUnsafe("530103"), CalendarDate.makeUnsafe("2024-01-01"))?.value // 18
 *
 * @category lookup
 */
export const lookup = (
  table: ParameterTable,
  key: string,
  region: Region.RegionCode,
  date: string
): ResolvedParameter | undefined => {
  const byRegion = table.index.get(key)
  if (byRegion === undefined) return undefined
  for (const level of Region.ancestors(region)) {
    const list = byRegion.get(level)
    if (list === undefined) continue
    for (let i = list.length - 1; i >= 0; i--) {
      const e = list[i]!
      if (e.validFrom! <= date) {
        if (e.validTo === undefined || date <= e.validTo) return e
        break
      }
    }
  }
  return undefined
}

/**
 * Decoded overrides, keyed by parameter key.
 *
 * @category models
 */
export type Overrides = ReadonlyMap<string, ResolvedParameter>

/**
 * No overrides.
 *
 * @category constructors
 */
export const noOverrides: Overrides = new Map()

const describeValue = (kind: ParameterKind): string =>
  kind === "ratio"
    ? "a decimal string such as \"2.5\""
    : kind === "flag"
      ? "true or false"
      : kind === "fen"
        ? "a whole number of fen"
        : "a whole number"

/**
 * Decodes overrides from unknown input: an object whose keys are parameter keys and whose values
 * are the plain value (`80000`, `"2.5"`, `true`) or `{ value, source?, verified? }`. Every bad key
 * is reported at once.
 *
 * @example
 * import { Parameter, RuleBook } from "fayuan"
 * Parameter.decodeOverrides(RuleBook.defaultRuleBook.parameters, { "hardship.urban.multiple": "2.5" })
 *
 * @category decoding
 */
export const decodeOverrides = (
  table: ParameterTable,
  input: unknown,
  path = "parameters"
): Result.Result<Overrides, InvalidParameterOverrides> => {
  if (input === undefined) return Result.succeed(noOverrides)
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return Result.fail(new InvalidParameterOverrides({ issues: [{ path, reason: "expected an object of parameter keys" }] }))
  }
  const issues: Array<{ path: string; reason: string }> = []
  const out = new Map<string, ResolvedParameter>()
  for (const key of Object.keys(input).sort()) {
    const at = `${path}.${key}`
    const def = table.definitions.get(key)
    if (def === undefined) {
      issues.push({ path: at, reason: "unknown parameter key" })
      continue
    }
    let raw: unknown = (input as Record<string, unknown>)[key]
    let source = "override supplied by the caller"
    let verified = false
    if (typeof raw === "object" && raw !== null && !Array.isArray(raw)) {
      const o = raw as Record<string, unknown>
      const extra = Object.keys(o).filter((k) => k !== "value" && k !== "source" && k !== "verified")
      if (extra.length > 0) issues.push({ path: `${at}.${extra[0]}`, reason: "unexpected key (expected value, source, verified)" })
      if (o["source"] !== undefined) {
        if (typeof o["source"] === "string") source = o["source"]
        else issues.push({ path: `${at}.source`, reason: "expected a string" })
      }
      if (o["verified"] !== undefined) {
        if (typeof o["verified"] === "boolean") verified = o["verified"]
        else issues.push({ path: `${at}.verified`, reason: "expected true or false" })
      }
      raw = o["value"]
    }
    const value = decodeValue(def.kind, raw)
    if (value === undefined) {
      issues.push({ path: at, reason: `expected ${describeValue(def.kind)}` })
      continue
    }
    const outside = rangeProblem(def, value)
    if (outside !== undefined) {
      issues.push({ path: at, reason: outside })
      continue
    }
    out.set(key, { key, value, origin: "override", basis: def.basis, source, verified })
  }
  if (issues.length > 0) return Result.fail(new InvalidParameterOverrides({ issues }))
  return Result.succeed(out)
}

const decodeValue = (kind: ParameterKind, raw: unknown): ParameterValue | undefined => {
  switch (kind) {
    case "fen":
    case "integer":
      return typeof raw === "number" && Number.isSafeInteger(raw) && (kind === "fen" ? raw >= 0 : true) ? raw : undefined
    case "ratio": {
      if (typeof raw !== "string") return undefined
      const r = Ratio.fromDecimal(raw)
      return Result.isSuccess(r) && r.success.numerator >= 0 ? r.success : undefined
    }
    case "flag":
      return typeof raw === "boolean" ? raw : undefined
  }
}

/**
 * Shows a value for people: ratios as decimals, amounts as integers.
 *
 * @category formatting
 */
export const formatValue = (value: ParameterValue): string =>
  typeof value === "object" ? Ratio.toDecimalString(value) : String(value)
