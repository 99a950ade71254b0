/**
 * The rule book: every rule set, regional layer and parameter a decision may use, and how the ones
 * in force for a region on a date are found.
 *
 * `defaultRuleBook` holds what fayuan ships (national rule sets, Yunnan's layer, Kunming's
 * unverified hardship figures). A host builds its own with {@link make} — adding a province's
 * standard, say — and every decision names the rule set it used.
 *
 * @since 0.1.0
 */
import { Data, Result } from "effect"
import * as Citation from "./Citation.ts"
import * as Parameter from "./Parameter.ts"
import * as Region from "./Region.ts"
import { nationalRuleSets } from "./rules/national.ts"
import { definitions, nationalEntries } from "./rules/parameters.ts"
import { yunnanEntries, yunnanLayers } from "./rules/yunnan.ts"
import type { ApplicantGroupRule, ClaimRule, ExemptionRule, RuleLayer, RuleSet } from "./RuleSet.ts"
import { inForce } from "./RuleSet.ts"

/**
 * Rule sets, layers and parameters, validated together.
 *
 * @category models
 */
export interface RuleBook {
  readonly ruleSets: ReadonlyArray<RuleSet>
  readonly layers: ReadonlyArray<RuleLayer>
  readonly parameters: Parameter.ParameterTable
}

/**
 * A rule book that failed validation.
 *
 * @category errors
 */
export class InvalidRuleBook extends Data.TaggedError("InvalidRuleBook")<{
  readonly problems: ReadonlyArray<string>
}> {
  override get message(): string {
    return `invalid rule book: ${this.problems.join("; ")}`
  }
}

/**
 * No rule set covers the region on the date (for instance a date before 2003-09-01).
 *
 * @category errors
 */
export class NoRuleSetInForce extends Data.TaggedError("NoRuleSetInForce")<{
  readonly region: string
  readonly date: string
}> {
  override get message(): string {
    return `no rule set is in force for region ${this.region} on ${this.date}`
  }
}

/**
 * A rule needs a parameter that no level of the region defines on the date, and no override
 * supplies it.
 *
 * @category errors
 */
export class MissingParameter extends Data.TaggedError("MissingParameter")<{
  readonly key: string
  readonly region: string
  readonly date: string
}> {
  override get message(): string {
    return `parameter ${this.key} has no value for region ${this.region} on ${this.date}; supply it as an override or add it to the rule book`
  }
}

const citedIds = (set: RuleSet | RuleLayer): ReadonlyArray<string> => {
  const ids: Array<string> = []
  if ("criminal" in set) {
    const c = set.criminal
    for (const g of c.mandatory) ids.push(g.basis)
    ids.push(c.defenceOnApplication, c.victimOnApplication, c.privateProsecutionOnApplication, c.incidentalCivilOnApplication)
    for (const x of [c.compulsoryTreatment, c.discretionaryAtTrial, c.dutyLawyer, c.detaineeForwarding]) if (x) ids.push(x)
    for (const r of c.requirements) ids.push(r.basis)
    ids.push(set.civil.scopeBasis, set.meansTest.standardBasis, set.materialsBasis)
    if (set.meansTest.declarationBasis) ids.push(set.meansTest.declarationBasis)
    for (const x of [...set.civil.claims, ...set.civil.applicantGroups, ...set.meansTest.exemptions]) ids.push(x.basis)
  } else {
    for (const x of [...set.claims, ...set.applicantGroups, ...set.exemptions]) ids.push(x.basis)
  }
  return ids
}

const overlaps = (a: { validFrom: string; validTo?: string }, b: { validFrom: string; validTo?: string }): boolean =>
  (a.validTo === undefined || b.validFrom <= a.validTo) && (b.validTo === undefined || a.validFrom <= b.validTo)

/**
 * Validates and assembles a rule book: rule sets of one region must not overlap in time, every
 * cited id must parse, and the parameter table must be valid.
 *
 * @example
 * import { RuleBook } from "fayuan"
 * const book = RuleBook.make({ ...RuleBook.defaultSources, parameterEntries: [] })
 *
 * @category constructors
 */
export const make = (input: {
  readonly ruleSets: ReadonlyArray<RuleSet>
  readonly layers: ReadonlyArray<RuleLayer>
  readonly parameterDefinitions: ReadonlyArray<Parameter.ParameterDefinition>
  readonly parameterEntries: ReadonlyArray<Parameter.ParameterEntry>
}): Result.Result<RuleBook, InvalidRuleBook> => {
  const problems: Array<string> = []
  const all = [...input.ruleSets, ...input.layers]
  for (const set of all) {
    for (const id of citedIds(set)) {
      if (Result.isFailure(Citation.parse(id))) problems.push(`${set.id} cites a malformed id ${JSON.stringify(id)}`)
    }
    if (set.validTo !== undefined && set.validTo < set.validFrom) problems.push(`${set.id}: validTo is before validFrom`)
  }
  input.ruleSets.forEach((a, i) =>
    input.ruleSets.slice(i + 1).forEach((b) => {
      if (a.region === b.region && overlaps(a, b)) problems.push(`rule sets ${a.id} and ${b.id} overlap for region ${a.region}`)
    })
  )
  const table = Parameter.makeTable(input.parameterDefinitions, input.parameterEntries)
  if (Result.isFailure(table)) problems.push(table.failure.message)
  if (problems.length > 0 || Result.isFailure(table)) return Result.fail(new InvalidRuleBook({ problems }))
  return Result.succeed({ ruleSets: input.ruleSets, layers: input.layers, parameters: table.success })
}

/**
 * What fayuan ships, as inputs to {@link make}: extend these arrays to build your own book.
 *
 * @category constructors
 */
export const defaultSources = {
  ruleSets: nationalRuleSets,
  layers: yunnanLayers,
  parameterDefinitions: definitions,
  parameterEntries: [...nationalEntries, ...yunnanEntries]
} as const

/**
 * The rule book fayuan ships.
 *
 * @category constructors
 */
export const defaultRuleBook: RuleBook = Result.getOrThrow(make(defaultSources))

/**
 * The rules in force for one region on one date: the rule set, with the layers of the region and
 * its ancestors merged in.
 *
 * @category models
 */
export interface Resolved {
  readonly book: RuleBook
  readonly region: Region.RegionCode
  readonly date: string
  readonly ruleSet: RuleSet
  readonly layers: ReadonlyArray<RuleLayer>
  readonly claims: ReadonlyArray<ClaimRule>
  readonly applicantGroups: ReadonlyArray<ApplicantGroupRule>
  readonly exemptions: ReadonlyArray<ExemptionRule>
}

const cache = new WeakMap<RuleBook, Map<string, Resolved>>()
const cacheLimit = 50_000

/**
 * Finds the rules in force for `region` on `date`: the rule set of the most specific level that
 * has one, and every layer of the region and its ancestors in force then (national first).
 * Memoised per book.
 *
 * @example
 * import { RuleBook } from "fayuan"
 * const r = RuleBook.resolve(RuleBook.defaultRuleBook, "530103", "2018-06-12")
 * // Result.succeed({ ruleSet: { id: "LAR-2003/CPL-2012", ... }, ... })
 *
 * @category lookup
 */
export const resolve = (
  book: RuleBook,
  region: Region.RegionCode,
  date: string
): Result.Result<Resolved, NoRuleSetInForce> => {
  let byKey = cache.get(book)
  if (byKey === undefined) cache.set(book, (byKey = new Map()))
  const key = region + "|" + date
  const hit = byKey.get(key)
  if (hit !== undefined) return Result.succeed(hit)
  const levels = Region.ancestors(region)
  let ruleSet: RuleSet | undefined
  for (const level of levels) {
    ruleSet = book.ruleSets.find((s) => s.region === level && inForce(s, date))
    if (ruleSet !== undefined) break
  }
  if (ruleSet === undefined) return Result.fail(new NoRuleSetInForce({ region, date }))
  const layers = [...levels]
    .reverse()
    .flatMap((level) => book.layers.filter((l) => l.region === level && inForce(l, date)))
  const resolved: Resolved = {
    book,
    region,
    date,
    ruleSet,
    layers,
    claims: [...ruleSet.civil.claims, ...layers.flatMap((l) => l.claims)],
    applicantGroups: [...ruleSet.civil.applicantGroups, ...layers.flatMap((l) => l.applicantGroups)],
    exemptions: [...ruleSet.meansTest.exemptions, ...layers.flatMap((l) => l.exemptions)]
  }
  if (byKey.size >= cacheLimit) byKey.clear()
  byKey.set(key, resolved)
  return Result.succeed(resolved)
}

/**
 * A parameter's value in force for the resolved region and date, an override taking precedence.
 *
 * @category lookup
 */
export const parameter = (
  resolved: Resolved,
  key: string,
  overrides: Parameter.Overrides
): Result.Result<Parameter.ResolvedParameter, MissingParameter> => {
  const o = overrides.size === 0 ? undefined : overrides.get(key)
  if (o !== undefined) return Result.succeed(o)
  const v = Parameter.lookup(resolved.book.parameters, key, resolved.region, resolved.date)
  return v === undefined
    ? Result.fail(new MissingParameter({ key, region: resolved.region, date: resolved.date }))
    : Result.succeed(v)
}
