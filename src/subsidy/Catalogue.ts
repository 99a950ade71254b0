/**
 * The catalogue of subsidy standards: every region's standards tiling time, looked up for a
 * region (falling back through its parents) and a date, and overridden with `withStandard` and
 * `withRows`.
 *
 * @since 0.1.0
 */
import { Result } from "effect"
import * as CalendarDate from "../CalendarDate.ts"
import type { Issue } from "../eligibility/Application.ts"
import * as Region from "../Region.ts"
import type { CatalogueProblem, DateRule, PeriodRef, Standard } from "./Standard.ts"
import { checkStandard, InvalidCatalogue, InvalidStandard, decodeStandard } from "./Standard.ts"
import type { Compiled } from "./compiled.ts"
import { compile } from "./compiled.ts"

// Catalogue

/** @internal The standards of one region, by period. */
export interface RegionEntry {
  readonly dateRule: DateRule
  readonly list: ReadonlyArray<Compiled>
}

/**
 * A validated set of standards, indexed by region and period. Build it with {@link makeCatalogue}
 * or {@link decodeCatalogue}; extend it with {@link withStandard}.
 *
 * @category models
 * @since 0.1.0
 */
export interface Catalogue {
  /** The standards, by region then `effectiveFrom`. */
  readonly standards: ReadonlyArray<Standard>
  /** @internal Region → standards compiled for calculation. */
  readonly index: ReadonlyMap<string, RegionEntry>
  /** @internal Memo: region → the entries of the region and its ancestors that have standards, nearest first. */
  readonly chains: Map<string, ReadonlyArray<RegionEntry>>
}

/** @internal The entries that apply to `region`, nearest first (memoised per catalogue). */
export const entriesFor = (catalogue: Catalogue, region: Region.RegionCode): ReadonlyArray<RegionEntry> => {
  const known = catalogue.chains.get(region)
  if (known !== undefined) return known
  const found: Array<RegionEntry> = []
  for (const level of Region.ancestors(region)) {
    const entry = catalogue.index.get(level)
    if (entry !== undefined) found.push(entry)
  }
  if (catalogue.chains.size < 100_000) catalogue.chains.set(region, found)
  return found
}

const periodOf = (s: Standard): PeriodRef =>
  s.effectiveTo === undefined ? { id: s.id, effectiveFrom: s.effectiveFrom } : { id: s.id, effectiveFrom: s.effectiveFrom, effectiveTo: s.effectiveTo }

const compareStandards = (a: Standard, b: Standard): number =>
  a.region !== b.region ? (a.region < b.region ? -1 : 1) : a.effectiveFrom !== b.effectiveFrom ? (a.effectiveFrom < b.effectiveFrom ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0

/**
 * The problems of a list of standards as a catalogue: ids used twice, and for each region periods
 * that overlap, leave a gap between them, or pick by different date rules. Empty when they tile.
 *
 * @example
 * ```ts
 * import { catalogueProblems, tables } from "fayuan/subsidy"
 * catalogueProblems([tables.panlong2018, tables.shaanxi2019]) // []
 * ```
 * @category validation
 * @since 0.1.0
 */
export const catalogueProblems = (standards: ReadonlyArray<Standard>): ReadonlyArray<CatalogueProblem> => {
  const problems: Array<CatalogueProblem> = []
  const sorted = [...standards].sort(compareStandards)
  const byId = new Map<string, Standard>()
  for (const s of sorted) {
    const first = byId.get(s.id)
    if (first !== undefined) problems.push({ reason: "duplicate-id", region: s.region, first: periodOf(first), second: periodOf(s) })
    else byId.set(s.id, s)
  }
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!
    const b = sorted[i]!
    if (a.region !== b.region) continue
    const pair = { region: b.region, first: periodOf(a), second: periodOf(b) }
    if (a.dateRule !== b.dateRule) problems.push({ reason: "date-rule", ...pair })
    if (a.effectiveTo === undefined || a.effectiveTo >= b.effectiveFrom) {
      const end = a.effectiveTo === undefined ? b.effectiveTo : b.effectiveTo === undefined ? a.effectiveTo : CalendarDate.min(a.effectiveTo, b.effectiveTo)
      problems.push(end === undefined ? { reason: "overlap", ...pair, from: b.effectiveFrom } : { reason: "overlap", ...pair, from: b.effectiveFrom, to: end })
    } else {
      const next = CalendarDate.addDays(a.effectiveTo, 1)
      if (next < b.effectiveFrom) problems.push({ reason: "gap", ...pair, from: next, to: CalendarDate.addDays(b.effectiveFrom, -1) })
    }
  }
  return problems
}

/**
 * Builds a catalogue from decoded standards: checks each standard again (as {@link decodeStandard}
 * does) and that, for every region, the periods neither overlap nor leave gaps and share one date
 * rule. Before a region's first standard, and after its last one ends, the region's ancestors
 * apply.
 *
 * @example
 * ```ts
 * import { makeCatalogue, tables } from "fayuan/subsidy"
 * const catalogue = makeCatalogue([tables.panlong2018]) // Result.succeed(Catalogue)
 * ```
 * @category constructors
 * @since 0.1.0
 */
export const makeCatalogue = (standards: ReadonlyArray<Standard>): Result.Result<Catalogue, InvalidStandard | InvalidCatalogue> => {
  const issues: Array<Issue> = []
  standards.forEach((s, i) => issues.push(...checkStandard(s, `[${i}]`)))
  if (issues.length > 0) return Result.fail(new InvalidStandard({ issues }))
  const problems = catalogueProblems(standards)
  if (problems.length > 0) return Result.fail(new InvalidCatalogue({ problems }))
  const sorted = [...standards].sort(compareStandards)
  const index = new Map<string, { dateRule: DateRule; list: Array<Compiled> }>()
  for (const s of sorted) {
    const entry = index.get(s.region)
    if (entry === undefined) index.set(s.region, { dateRule: s.dateRule, list: [compile(s)] })
    else entry.list.push(compile(s))
  }
  return Result.succeed({ standards: sorted, index, chains: new Map() })
}

/**
 * Like {@link makeCatalogue}, but throws. For catalogues written in code.
 *
 * @example
 * ```ts
 * import { makeCatalogueUnsafe, tables } from "fayuan/subsidy"
 * const catalogue = makeCatalogueUnsafe([tables.panlong2018])
 * ```
 * @category constructors
 * @since 0.1.0
 */
export const makeCatalogueUnsafe = (standards: ReadonlyArray<Standard>): Catalogue => {
  const r = makeCatalogue(standards)
  if (Result.isFailure(r)) throw r.failure
  return r.success
}

/**
 * Decodes a catalogue from unknown input: an array of standards as JSON. Paths start at the
 * standard's index (`[2].rows[0].amount`).
 *
 * @example
 * ```ts
 * import { decodeCatalogue } from "fayuan/subsidy"
 * decodeCatalogue([]) // Result.succeed(an empty catalogue)
 * decodeCatalogue([{ id: "x" }]) // Result.fail(InvalidStandard { issues: [{ path: "[0].region", … }, …] })
 * ```
 * @category decoding
 * @since 0.1.0
 */
export const decodeCatalogue = (input: unknown): Result.Result<Catalogue, InvalidStandard | InvalidCatalogue> => {
  if (!Array.isArray(input)) return Result.fail(new InvalidStandard({ issues: [{ path: "", reason: "expected an array of standards" }] }))
  const issues: Array<Issue> = []
  const out: Array<Standard> = []
  input.forEach((item, i) => {
    const r = decodeStandard(item, `[${i}]`)
    if (Result.isFailure(r)) issues.push(...r.failure.issues)
    else out.push(r.success)
  })
  if (issues.length > 0) return Result.fail(new InvalidStandard({ issues }))
  return makeCatalogue(out)
}

/**
 * The catalogue with `standard` added, or replacing the standard of the same id: how a user
 * overrides a shipped table. The result is validated again.
 *
 * @example
 * ```ts
 * import { tables, withStandard } from "fayuan/subsidy"
 * withStandard(tables.panlong, { ...tables.panlong2018, verified: true, source: "checked against the 2018 notice" })
 * ```
 * @category overrides
 * @since 0.1.0
 */
export const withStandard = (catalogue: Catalogue, standard: Standard): Result.Result<Catalogue, InvalidStandard | InvalidCatalogue> =>
  withStandards(catalogue, [standard])

/**
 * The catalogue with several standards added or replaced by id (e.g. a city's own table next to a
 * province's).
 *
 * @example
 * ```ts
 * import { tables, withStandards } from "fayuan/subsidy"
 * withStandards(tables.panlong, [tables.shaanxi2019])
 * ```
 * @category overrides
 * @since 0.1.0
 */
export const withStandards = (
  catalogue: Catalogue,
  standards: ReadonlyArray<Standard>
): Result.Result<Catalogue, InvalidStandard | InvalidCatalogue> => {
  const ids = new Set(standards.map((s) => s.id))
  return makeCatalogue([...catalogue.standards.filter((s) => !ids.has(s.id)), ...standards])
}

/**
 * The catalogue without the standard of that id (its region's neighbours must still tile).
 *
 * @example
 * ```ts
 * import { tables, withoutStandard } from "fayuan/subsidy"
 * withoutStandard(tables.examples, "shaanxi-2019-example")
 * ```
 * @category overrides
 * @since 0.1.0
 */
export const withoutStandard = (catalogue: Catalogue, id: string): Result.Result<Catalogue, InvalidStandard | InvalidCatalogue> =>
  makeCatalogue(catalogue.standards.filter((s) => s.id !== id))

/** @internal The compiled standard of one region's list in force on `date`. */
export const inForce = (list: ReadonlyArray<Compiled>, date: string): Compiled | undefined => {
  for (let i = list.length - 1; i >= 0; i--) {
    const c = list[i]!
    if (c.from <= date) return date <= c.to ? c : undefined
  }
  return undefined
}

/**
 * The standard in force on `date` for `region`, looked up from the region itself towards the
 * national level; `undefined` when no level has one. (A case picks its date by the region's date
 * rule: see `calculateCase`.)
 *
 * @example
 * ```ts
 * import { CalendarDate, Region } from "fayuan"
 * import { standardInForce, tables } from "fayuan/subsidy"
 * standardInForce(tables.examples, Region.makeUnsafe("610102"), CalendarDate.makeUnsafe("2019-06-01"))?.id // "shaanxi-2019-example"
 * ```
 * @category lookup
 * @since 0.1.0
 */
export const standardInForce = (catalogue: Catalogue, region: Region.RegionCode, date: CalendarDate.CalendarDate): Standard | undefined => {
  for (const entry of entriesFor(catalogue, region)) {
    const c = inForce(entry.list, date)
    if (c !== undefined) return c.standard
  }
  return undefined
}
