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
import * as CalendarDate from "./CalendarDate.ts"
import * as Citation from "./Citation.ts"
import * as HardshipStandard from "./HardshipStandard.ts"
import * as Parameter from "./Parameter.ts"
import * as Region from "./Region.ts"
import { nationalLayers, nationalRuleSets } from "./rules/national.ts"
import { nationalProcedures } from "./rules/procedure.ts"
import { hardshipEntries, hardshipForms } from "./rules/hardship.ts"
import { definitions, nationalEntries } from "./rules/parameters.ts"
import { yunnanEntries, yunnanLayers } from "./rules/yunnan.ts"
import type { ApplicantGroupRule, ClaimRule, ExemptionRule, PeriodRule, ProcedureRules, RuleLayer, RuleSet } from "./RuleSet.ts"
import { inForce } from "./RuleSet.ts"

/**
 * Rule sets, layers and parameters, validated together.
 *
 * @category models
 */
export interface RuleBook {
  readonly ruleSets: ReadonlyArray<RuleSet>
  readonly layers: ReadonlyArray<RuleLayer>
  readonly procedures: ReadonlyArray<ProcedureRules>
  readonly parameters: Parameter.ParameterTable
  /** The form of each region's hardship standard (see `HardshipStandard`). */
  readonly hardshipForms: ReadonlyArray<HardshipStandard.HardshipForm>
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
  /** What needed it, when that helps: the hardship form in force, say. */
  readonly neededBy?: string
}> {
  override get message(): string {
    return (
      `parameter ${this.key} has no value for region ${this.region} on ${this.date}` +
      (this.neededBy === undefined ? "" : ` (needed by ${this.neededBy})`) +
      `; supply it for one decision as \`parameters: Parameter.decodeOverrides(book.parameters, { "${this.key}": value })\`, ` +
      `or for every decision as an entry { key: "${this.key}", region: "${this.region}", validFrom, value, basis, source, verified } in RuleBook.make's parameterEntries`
    )
  }
}

const periodIds = (rules: ProcedureRules): ReadonlyArray<string> => {
  const periods: Array<PeriodRule | undefined> = [
    rules.decision,
    rules.assignmentAfterGrant?.criminal,
    rules.assignmentAfterGrant?.civil,
    rules.assignmentAfterNotification,
    rules.assignmentBeforeTrial,
    rules.refusalObjection,
    rules.terminationObjection,
    rules.closingMaterials,
    rules.materialsSupply,
    rules.detaineeForwarding
  ]
  return [
    ...periods.flatMap((p) => (p === undefined ? [] : [p.basis])),
    ...rules.terminationGrounds,
    ...(rules.preGrant ?? []),
    ...(rules.complaintBasis === undefined ? [] : [rules.complaintBasis])
  ]
}

const citedIds = (set: RuleSet | RuleLayer | ProcedureRules): ReadonlyArray<string> => {
  const ids: Array<string> = []
  if ("terminationGrounds" in set) return periodIds(set)
  if ("criminal" in set) {
    const c = set.criminal
    for (const g of c.mandatory) ids.push(g.basis)
    ids.push(c.defenceOnApplication, ...(c.defenceAlsoCites ?? []), ...(c.compulsoryTreatmentAlsoCites ?? []))
    for (const a of [c.victimOnApplication, c.privateProsecutionOnApplication, c.incidentalCivilOnApplication]) {
      ids.push(a.basis, ...(a.alsoCites ?? []))
      if (a.from !== undefined) ids.push(a.from.basis)
    }
    for (const x of [c.defenceAtTrial, c.compulsoryTreatment, c.discretionaryAtTrial, c.dutyLawyer, c.detaineeForwarding]) if (x) ids.push(x)
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
  readonly procedures: ReadonlyArray<ProcedureRules>
  readonly parameterDefinitions: ReadonlyArray<Parameter.ParameterDefinition>
  readonly parameterEntries: ReadonlyArray<Parameter.ParameterEntry>
  /** Hardship forms; none given, a book has no form and the means test uses the commonest one. */
  readonly hardshipForms?: ReadonlyArray<HardshipStandard.HardshipForm>
}): Result.Result<RuleBook, InvalidRuleBook> => {
  const problems: Array<string> = []
  const all = [...input.ruleSets, ...input.layers, ...input.procedures]
  for (const set of all) {
    for (const id of citedIds(set)) {
      if (Result.isFailure(Citation.parse(id))) problems.push(`${set.id} cites a malformed id ${JSON.stringify(id)}`)
    }
    if (set.validTo !== undefined && set.validTo < set.validFrom) problems.push(`${set.id}: validTo is before validFrom`)
  }
  for (const list of [input.ruleSets, input.procedures] as const) {
    list.forEach((a, i) =>
      list.slice(i + 1).forEach((b) => {
        if (a.region === b.region && overlaps(a, b)) problems.push(`rule sets ${a.id} and ${b.id} overlap for region ${a.region}`)
      })
    )
  }
  const hardshipForms = input.hardshipForms ?? []
  problems.push(...HardshipStandard.validate(hardshipForms))
  for (const f of hardshipForms) {
    for (const id of f.basis) {
      if (Result.isFailure(Citation.parse(id))) problems.push(`hardship form ${f.region} cites a malformed id ${JSON.stringify(id)}`)
    }
  }
  const table = Parameter.makeTable(input.parameterDefinitions, input.parameterEntries)
  if (Result.isFailure(table)) problems.push(table.failure.message)
  if (problems.length > 0 || Result.isFailure(table)) return Result.fail(new InvalidRuleBook({ problems }))
  return Result.succeed({
    ruleSets: input.ruleSets,
    layers: input.layers,
    procedures: input.procedures,
    parameters: table.success,
    hardshipForms
  })
}

/**
 * What fayuan ships, as inputs to {@link make}: extend these arrays to build your own book.
 *
 * @category constructors
 */
export const defaultSources = {
  ruleSets: nationalRuleSets,
  layers: [...nationalLayers, ...yunnanLayers],
  procedures: nationalProcedures,
  parameterDefinitions: definitions,
  parameterEntries: [...nationalEntries, ...hardshipEntries, ...yunnanEntries],
  hardshipForms
} as const

/**
 * The rule book fayuan ships.
 *
 * @category constructors
 */
export const defaultRuleBook: RuleBook = Result.getOrThrow(make(defaultSources))

/**
 * The rules in force for one region over a stretch of dates: the rule set, with the layers of the
 * region and its ancestors merged in. `validFrom`/`validTo` bound the stretch in which nothing
 * changes (no rule set or layer starts or ends), so one `Resolved` serves every date in it.
 *
 * @category models
 */
export interface Resolved {
  readonly book: RuleBook
  readonly region: Region.RegionCode
  readonly validFrom: string
  readonly validTo: string
  readonly ruleSet: RuleSet
  readonly layers: ReadonlyArray<RuleLayer>
  readonly claims: ReadonlyArray<ClaimRule>
  /** The claim rules by claim, each list in rule order. */
  readonly claimIndex: ReadonlyMap<string, ReadonlyArray<ClaimRule>>
  readonly applicantGroups: ReadonlyArray<ApplicantGroupRule>
  readonly exemptions: ReadonlyArray<ExemptionRule>
  /** What a decision reports about the rules it used. */
  readonly descriptor: {
    readonly id: string
    readonly validFrom: string
    readonly validTo?: string
    readonly layers: ReadonlyArray<string>
  }
}

const cache = new WeakMap<RuleBook, Map<string, Array<Resolved>>>()
/** The last stretch found: runs of decisions for one region hit it without a map lookup. */
let last: Resolved | undefined

const dayBefore = (date: string): string => CalendarDate.addDays(CalendarDate.makeUnsafe(date), -1)
const dayAfter = (date: string): string => CalendarDate.addDays(CalendarDate.makeUnsafe(date), 1)

const build = (book: RuleBook, region: Region.RegionCode, date: string): Resolved | undefined => {
  const levels = Region.ancestors(region)
  let ruleSet: RuleSet | undefined
  for (const level of levels) {
    ruleSet = book.ruleSets.find((s) => s.region === level && inForce(s, date))
    if (ruleSet !== undefined) break
  }
  if (ruleSet === undefined) return undefined
  const layers = [...levels].reverse().flatMap((level) => book.layers.filter((l) => l.region === level && inForce(l, date)))
  // The stretch around `date` in which no rule set or layer of these levels starts or ends.
  let from = "0000-01-01"
  let to = "9999-12-31"
  for (const p of [...book.ruleSets, ...book.layers]) {
    if (!levels.includes(p.region)) continue
    for (const boundary of [p.validFrom, p.validTo === undefined ? undefined : dayAfter(p.validTo)]) {
      if (boundary === undefined) continue
      if (boundary <= date && boundary > from) from = boundary
      if (boundary > date && dayBefore(boundary) < to) to = dayBefore(boundary)
    }
  }
  const claims = [...ruleSet.civil.claims, ...layers.flatMap((l) => l.claims)]
  const claimIndex = new Map<string, Array<ClaimRule>>()
  for (const rule of claims) {
    const list = claimIndex.get(rule.claim)
    if (list === undefined) claimIndex.set(rule.claim, [rule])
    else list.push(rule)
  }
  const descriptor: { id: string; validFrom: string; validTo?: string; layers: ReadonlyArray<string> } = {
    id: ruleSet.id,
    validFrom: ruleSet.validFrom,
    layers: layers.map((l) => l.id)
  }
  if (ruleSet.validTo !== undefined) descriptor.validTo = ruleSet.validTo
  return {
    book,
    region,
    validFrom: from,
    validTo: to,
    ruleSet,
    layers,
    claims,
    claimIndex,
    applicantGroups: [...ruleSet.civil.applicantGroups, ...layers.flatMap((l) => l.applicantGroups)],
    exemptions: [...ruleSet.meansTest.exemptions, ...layers.flatMap((l) => l.exemptions)],
    descriptor
  }
}

/**
 * Finds the rules in force for `region` on `date`: the rule set of the most specific level that
 * has one, and every layer of the region and its ancestors in force then (national first).
 * Memoised per book and region by stretches of dates.
 *
 * @example
 * import { CalendarDate, Region, RuleBook } from "fayuan"
 * const r = RuleBook.resolve(RuleBook.defaultRuleBook, Region.makeUnsafe("530103"), CalendarDate.makeUnsafe("2018-06-12"))
 * // Result.succeed({ ruleSet: { id: "LAR-2003/CPL-2012", ... }, ... })
 *
 * @category lookup
 */
export const resolve = (
  book: RuleBook,
  region: Region.RegionCode,
  date: string
): Result.Result<Resolved, NoRuleSetInForce> => {
  const hit = last
  if (hit !== undefined && hit.book === book && hit.region === region && hit.validFrom <= date && date <= hit.validTo) {
    return Result.succeed(hit)
  }
  let byRegion = cache.get(book)
  if (byRegion === undefined) cache.set(book, (byRegion = new Map()))
  let stretches = byRegion.get(region)
  if (stretches === undefined) byRegion.set(region, (stretches = []))
  for (let i = 0; i < stretches.length; i++) {
    const s = stretches[i]!
    if (s.validFrom <= date && date <= s.validTo) {
      last = s
      return Result.succeed(s)
    }
  }
  const built = build(book, region, date)
  if (built === undefined) return Result.fail(new NoRuleSetInForce({ region, date }))
  stretches.push(built)
  last = built
  return Result.succeed(built)
}

/**
 * A parameter's value in force for the resolved region on `date`, an override taking precedence.
 *
 * @category lookup
 */
export const parameter = (
  resolved: Resolved,
  key: string,
  date: string,
  overrides: Parameter.Overrides
): Result.Result<Parameter.ResolvedParameter, MissingParameter> => {
  const o = overrides.size === 0 ? undefined : overrides.get(key)
  if (o !== undefined) return Result.succeed(o)
  const v = Parameter.lookup(resolved.book.parameters, key, resolved.region, date)
  return v === undefined
    ? Result.fail(new MissingParameter({ key, region: resolved.region, date }))
    : Result.succeed(v)
}

/**
 * The procedure rules in force for `region` on `date` (the most specific level that has some),
 * or `undefined` before 2003-09-01.
 *
 * @example
 * import { CalendarDate, Region, RuleBook } from "fayuan"
 * RuleBook.procedureFor(RuleBook.defaultRuleBook, Region.makeUnsafe("530103"), CalendarDate.makeUnsafe("2018-06-01"))?.id // "LAR-2003/MOJ124"
 *
 * @category lookup
 */
export const procedureFor = (book: RuleBook, region: Region.RegionCode, date: string): ProcedureRules | undefined => {
  let byRegion = procedureCache.get(book)
  if (byRegion === undefined) procedureCache.set(book, (byRegion = new Map()))
  let candidates = byRegion.get(region)
  if (candidates === undefined) {
    // The procedure rules of the region's levels, most specific level first.
    candidates = Region.ancestors(region).flatMap((level) => book.procedures.filter((p) => p.region === level))
    byRegion.set(region, candidates)
  }
  for (let i = 0; i < candidates.length; i++) if (inForce(candidates[i]!, date)) return candidates[i]
  return undefined
}

const procedureCache = new WeakMap<RuleBook, Map<string, ReadonlyArray<ProcedureRules>>>()

/**
 * A parameter's value for a region and date, outside a decision (overrides first).
 *
 * @category lookup
 */
export const parameterOn = (
  book: RuleBook,
  key: string,
  region: Region.RegionCode,
  date: string,
  overrides: Parameter.Overrides = Parameter.noOverrides
): Result.Result<Parameter.ResolvedParameter, MissingParameter> => {
  const o = overrides.get(key)
  if (o !== undefined) return Result.succeed(o)
  const v = Parameter.lookup(book.parameters, key, region, date)
  return v === undefined ? Result.fail(new MissingParameter({ key, region, date })) : Result.succeed(v)
}
