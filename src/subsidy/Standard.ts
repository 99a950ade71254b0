/**
 * Subsidy standards (办案补贴标准) as data: what an aid lawyer is paid per case, stage, duty day,
 * consultation day or drafted document, in one region for one period, with the standard's legal
 * basis and source. A {@link Catalogue} holds many standards, checks that the periods of each
 * region tile time (no overlap, no gap) and finds the one in force for a region and a date,
 * falling back through the region's ancestors (district → city → province → national).
 *
 * Periods are inclusive at both ends: `effectiveTo` is the last day in force (as in
 * `Parameter.ParameterEntry.validTo`); without it the standard is open-ended.
 *
 * @since 0.1.0
 */
import { Data, Effect, Result, Schema } from "effect"
import * as IdModule from "../Id.ts"
import * as CalendarDate from "../CalendarDate.ts"
import * as Citation from "../Citation.ts"
import type { Issue } from "../eligibility/Application.ts"
import { issuesOf } from "../eligibility/Application.ts"
import { grades } from "../lifecycle/vocabulary.ts"
import type { Grade } from "../lifecycle/vocabulary.ts"
import * as Money from "../Money.ts"
import * as Ratio from "../Ratio.ts"
import * as Region from "../Region.ts"
import * as Rounding from "../Rounding.ts"
import { proceedingStages as stages } from "../RuleSet.ts"
import type { ProceedingStage as Stage } from "../RuleSet.ts"

// ---------------------------------------------------------------------------------------------
// Vocabulary

/**
 * What a case subsidy is paid for. Criminal cases are paid per stage (see `RuleSet.stages`);
 * `non-litigation` covers non-litigation mediation (非诉讼调解).
 *
 * @example
 * ```ts
 * import { services } from "fayuan/subsidy"
 * services.includes("labour-arbitration") // true
 * ```
 * @category vocabulary
 * @since 0.1.0
 */
export const services = ["criminal", "civil", "administrative", "labour-arbitration", "non-litigation"] as const

/** @category vocabulary */
export type Service = (typeof services)[number]

/**
 * Where the work was done: in the lawyer's home city, or outside it (a higher band or a multiplier).
 *
 * @category vocabulary
 */
export const places = ["home", "outside"] as const

/** @category vocabulary */
export type Place = (typeof places)[number]

/**
 * The multipliers a standard may set: a possible life or death sentence (a fixed ratio), complexity
 * (the claim supplies a ratio, capped by the standard's), and work outside the home city.
 *
 * @category vocabulary
 */
export const factors = ["life-or-death", "complexity", "outside-home-city"] as const

/** @category vocabulary */
export type Factor = (typeof factors)[number]

/**
 * How a case ended: concluded, aid terminated, or the matter withdrawn before or during a hearing.
 *
 * @category vocabulary
 */
export const endings = ["concluded", "terminated", "withdrawn-before-hearing", "withdrawn-during-hearing"] as const

/** @category vocabulary */
export type Ending = (typeof endings)[number]

/**
 * The endings that an `early-end` row pays at a fixed amount.
 *
 * @category vocabulary
 */
export const earlyEndings = ["terminated", "withdrawn-before-hearing", "withdrawn-during-hearing"] as const

/** @category vocabulary */
export type EarlyEnding = (typeof earlyEndings)[number]

/**
 * Which date of a case picks the standard: the day the lawyer was assigned (`assigned-on`, the
 * default: a new standard usually applies to cases assigned after it takes effect) or the day the
 * matter ended (`ended-on`). Duty shifts, consultation days and documents always use the day worked.
 *
 * @category vocabulary
 */
export const dateRules = ["assigned-on", "ended-on"] as const

/** @category vocabulary */
export type DateRule = (typeof dateRules)[number]

/**
 * The date rule of a standard that does not name one.
 *
 * @category vocabulary
 */
export const defaultDateRule: DateRule = "assigned-on"

/**
 * Units of duty and consultation rates.
 *
 * @category vocabulary
 */
export const units = ["day", "half-day"] as const

/** @category vocabulary */
export type Unit = (typeof units)[number]

// ---------------------------------------------------------------------------------------------
// Schemas

/** The largest amount a row may hold: ¥100,000,000 (keeps every product far inside safe integers). */
const maxAmount = 10_000_000_000
const Amount = Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 0, maximum: maxAmount })), Schema.brand("Fen"))
const RowId = IdModule.Id
const Text = Schema.String.pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(2000)))
const ServiceList = Schema.Array(Schema.Literals(services)).pipe(Schema.check(Schema.isMinLength(1)))
const ten = Ratio.makeUnsafe(10, 1)
const ratioBetween = (min: Ratio.Ratio, max: Ratio.Ratio, expected: string) =>
  Ratio.RatioFromDecimal.pipe(
    Schema.check(Schema.makeFilter((r: Ratio.Ratio) => (Ratio.compare(r, min) >= 0 && Ratio.compare(r, max) <= 0) || expected))
  )
const Multiplier = ratioBetween(Ratio.one, ten, "a multiplier from 1 to 10")
const Reduction = ratioBetween(Ratio.zero, Ratio.one, "a ratio from 0 to 1")
const CitationId = Schema.String.pipe(
  Schema.check(Schema.makeFilter((s: string) => Citation.isKnown(s) || "a citation id in the Citation catalogue"))
) as unknown as Schema.Codec<Citation.CitationId, string>

/**
 * A base amount for a case service (and, for criminal cases, a stage), optionally for one place
 * band (`outside` the home city) and one quality grade. A graded row applies to files graded at
 * or above its grade; an ungraded row to every file. The row with the highest grade not above the
 * file's applies.
 *
 * @category rows
 */
export const CaseRow = Schema.Struct({
  kind: Schema.Literal("case"),
  id: RowId,
  service: Schema.Literals(services),
  stage: Schema.optionalKey(Schema.Literals(stages)),
  place: Schema.optionalKey(Schema.Literals(places)),
  grade: Schema.optionalKey(Schema.Literals(grades)),
  amount: Amount
})

/** @category rows */
export type CaseRow = typeof CaseRow.Type

/**
 * A multiplier: `life-or-death` and `outside-home-city` multiply by `ratio`; for `complexity`
 * `ratio` is the cap on the ratio a claim may ask for. `services` limits it (all when absent).
 *
 * @category rows
 */
export const MultiplierRow = Schema.Struct({
  kind: Schema.Literal("multiplier"),
  id: RowId,
  factor: Schema.Literals(factors),
  ratio: Multiplier,
  services: Schema.optionalKey(ServiceList)
})

/** @category rows */
export type MultiplierRow = typeof MultiplierRow.Type

/**
 * A fixed addition per recipient beyond the first, counting at most `maxRecipients` recipients.
 *
 * @category rows
 */
export const ExtraRecipientRow = Schema.Struct({
  kind: Schema.Literal("extra-recipient"),
  id: RowId,
  amount: Amount,
  maxRecipients: Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 1, maximum: 100_000 }))),
  services: Schema.optionalKey(ServiceList)
})

/** @category rows */
export type ExtraRecipientRow = typeof ExtraRecipientRow.Type

/**
 * A fixed amount for a case that ended early (no multiplier, grade or addition applies to it).
 * `services` defaults to every non-criminal service; a criminal case without such a row is paid
 * for the stages it completed.
 *
 * @category rows
 */
export const EarlyEndRow = Schema.Struct({
  kind: Schema.Literal("early-end"),
  id: RowId,
  endedBy: Schema.Literals(earlyEndings),
  services: Schema.optionalKey(ServiceList),
  amount: Amount
})

/** @category rows */
export type EarlyEndRow = typeof EarlyEndRow.Type

/**
 * The reduction of an unqualified (不合格, `fail`) file: the case total is multiplied by `ratio`
 * (0 pays nothing). A standard uses either this row or `fail`-graded case rows, not both.
 *
 * @category rows
 */
export const UnqualifiedRow = Schema.Struct({ kind: Schema.Literal("unqualified"), id: RowId, ratio: Reduction })

/** @category rows */
export type UnqualifiedRow = typeof UnqualifiedRow.Type

/**
 * The duty-lawyer rate per day or half-day.
 *
 * @category rows
 */
export const DutyRow = Schema.Struct({ kind: Schema.Literal("duty"), id: RowId, unit: Schema.Literals(units), amount: Amount })

/** @category rows */
export type DutyRow = typeof DutyRow.Type

/**
 * The consultation rate per day or half-day.
 *
 * @category rows
 */
export const ConsultationRow = Schema.Struct({ kind: Schema.Literal("consultation"), id: RowId, unit: Schema.Literals(units), amount: Amount })

/** @category rows */
export type ConsultationRow = typeof ConsultationRow.Type

/**
 * The amount per drafted legal document.
 *
 * @category rows
 */
export const DocumentRow = Schema.Struct({ kind: Schema.Literal("document"), id: RowId, amount: Amount })

/** @category rows */
export type DocumentRow = typeof DocumentRow.Type

/**
 * Any row of a standard.
 *
 * @category rows
 */
export const Row = Schema.Union([CaseRow, MultiplierRow, ExtraRecipientRow, EarlyEndRow, UnqualifiedRow, DutyRow, ConsultationRow, DocumentRow])

/** @category rows */
export type Row = typeof Row.Type

/**
 * A subsidy standard: one region, one period, its rows, its legal basis (citation ids), its source,
 * whether it was checked against the published text (`verified`), a `label` saying what it is
 * (e.g. "example — not an official standard"), the named `rounding` used by its multipliers, and
 * the `dateRule` that picks it (default `assigned-on`). Amounts are fen; ratios decimal strings.
 *
 * @example
 * ```ts
 * import { decodeStandard } from "fayuan/subsidy"
 * decodeStandard({
 *   id: "my-2024", region: "530103", effectiveFrom: "2024-01-01", title: "My table", basis: ["LAL-30"],
 *   source: "local notice", verified: false, label: "example", rounding: "half-up",
 *   rows: [{ kind: "case", id: "civil", service: "civil", amount: 150000 }]
 * })
 * ```
 * @category schemas
 * @since 0.1.0
 */
export const StandardSchema = Schema.Struct({
  id: RowId,
  region: Region.RegionCode,
  effectiveFrom: CalendarDate.CalendarDate,
  effectiveTo: Schema.optionalKey(CalendarDate.CalendarDate),
  title: Text,
  basis: Schema.Array(CitationId),
  source: Text,
  verified: Schema.Boolean,
  label: Text,
  rounding: Rounding.Rounding,
  dateRule: Schema.Literals(dateRules).pipe(Schema.withDecodingDefaultKey(Effect.succeed(defaultDateRule))),
  rows: Schema.Array(Row)
})

/**
 * A decoded subsidy standard.
 *
 * @category models
 * @since 0.1.0
 */
export type Standard = typeof StandardSchema.Type

/**
 * A standard as written in data (JSON): amounts in fen, ratios as decimal strings, `dateRule`
 * optional.
 *
 * @category models
 * @since 0.1.0
 */
export type StandardInput = typeof StandardSchema.Encoded

/**
 * What a subsidy names of the standard that made it.
 *
 * @category models
 * @since 0.1.0
 */
export interface StandardRef {
  readonly id: string
  readonly region: Region.RegionCode
  readonly effectiveFrom: CalendarDate.CalendarDate
  readonly effectiveTo?: CalendarDate.CalendarDate
  readonly verified: boolean
  readonly label: string
}

// ---------------------------------------------------------------------------------------------
// Errors

/**
 * A standard that is not valid: every problem with its path (`rows[3].grade`).
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { decodeStandard } from "fayuan/subsidy"
 * const r = decodeStandard({})
 * if (Result.isFailure(r)) r.failure.issues[0]?.path // "id"
 * ```
 * @category errors
 * @since 0.1.0
 */
export class InvalidStandard extends Data.TaggedError("InvalidStandard")<{ readonly issues: ReadonlyArray<Issue> }> {
  override get message(): string {
    return `invalid subsidy standard: ${this.issues.map((i) => `${i.path || "(root)"}: ${i.reason}`).join("; ")}`
  }
}

/**
 * A standard's id and period, as a catalogue problem names it.
 *
 * @category errors
 */
export interface PeriodRef {
  readonly id: string
  readonly effectiveFrom: CalendarDate.CalendarDate
  readonly effectiveTo?: CalendarDate.CalendarDate
}

/**
 * One catalogue problem: two standards of one region that share an id, overlap, leave a gap
 * between them (`from`..`to`, inclusive), or pick by different date rules.
 *
 * @category errors
 */
export interface CatalogueProblem {
  readonly reason: "duplicate-id" | "overlap" | "gap" | "date-rule"
  readonly region: Region.RegionCode
  readonly first: PeriodRef
  readonly second: PeriodRef
  readonly from?: CalendarDate.CalendarDate
  readonly to?: CalendarDate.CalendarDate
}

const periodText = (p: PeriodRef): string => `"${p.id}" (${p.effectiveFrom}..${p.effectiveTo ?? "open"})`

/**
 * A catalogue whose standards do not tile time: each problem names both standards and the dates.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { makeCatalogue, tables } from "fayuan/subsidy"
 * const r = makeCatalogue([tables.panlong2018, { ...tables.panlong2018, id: "again" }])
 * if (Result.isFailure(r)) r.failure.message // region 530103: standards "again" (…) and "…" overlap …
 * ```
 * @category errors
 * @since 0.1.0
 */
export class InvalidCatalogue extends Data.TaggedError("InvalidCatalogue")<{ readonly problems: ReadonlyArray<CatalogueProblem> }> {
  override get message(): string {
    return `invalid subsidy catalogue: ${this.problems
      .map((p) => {
        const both = `standards ${periodText(p.first)} and ${periodText(p.second)}`
        switch (p.reason) {
          case "duplicate-id":
            return `region ${p.region}: ${both} share an id`
          case "overlap":
            return `region ${p.region}: ${both} overlap from ${p.from} to ${p.to ?? "open"}`
          case "gap":
            return `region ${p.region}: ${both} leave a gap from ${p.from} to ${p.to}`
          case "date-rule":
            return `region ${p.region}: ${both} pick by different date rules`
        }
      })
      .join("; ")}`
  }
}

// ---------------------------------------------------------------------------------------------
// Decoding and checks

const decodeStruct = Schema.decodeUnknownResult(StandardSchema)

/** Row grade levels: ungraded 0, fail 1, pass 2, good 3, excellent 4. */
const rowLevel = (grade: Grade | undefined): number => (grade === undefined ? 0 : grade === "fail" ? 1 : grade === "pass" ? 2 : grade === "good" ? 3 : 4)

const caseKey = (r: CaseRow): string => `${r.service}|${r.stage ?? ""}|${r.place ?? "home"}`

/** The checks across fields that the schema does not express. */
const checkStandard = (s: Standard, prefix: string): Array<Issue> => {
  const issues: Array<Issue> = []
  const at = (p: string) => (prefix === "" ? p : p.startsWith("[") ? `${prefix}${p}` : `${prefix}.${p}`)
  if (s.effectiveTo !== undefined && s.effectiveTo < s.effectiveFrom) issues.push({ path: at("effectiveTo"), reason: "is before effectiveFrom" })
  const ids = new Map<string, number>()
  const groups = new Map<string, Array<{ row: CaseRow; index: number }>>()
  const single = new Map<string, number>()
  let unqualified = -1
  let failRow = -1
  s.rows.forEach((row, i) => {
    const path = `rows[${i}]`
    const first = ids.get(row.id)
    if (first !== undefined) issues.push({ path: at(`${path}.id`), reason: `is used twice (rows[${first}])` })
    else ids.set(row.id, i)
    const once = (key: string, what: string) => {
      const j = single.get(key)
      if (j !== undefined) issues.push({ path: at(path), reason: `a second ${what} (rows[${j}])` })
      else single.set(key, i)
    }
    switch (row.kind) {
      case "case": {
        if (row.service === "criminal" && row.stage === undefined) issues.push({ path: at(`${path}.stage`), reason: "is required for a criminal row" })
        if (row.service !== "criminal" && row.stage !== undefined) issues.push({ path: at(`${path}.stage`), reason: "applies only to criminal rows" })
        if (row.grade === "fail") failRow = i
        const key = caseKey(row)
        let list = groups.get(key)
        if (list === undefined) groups.set(key, (list = []))
        const same = list.find((e) => e.row.grade === row.grade)
        if (same !== undefined) issues.push({ path: at(path), reason: `the same service, stage, place and grade as rows[${same.index}]` })
        else list.push({ row, index: i })
        break
      }
      case "multiplier":
        once(`multiplier|${row.factor}`, `${row.factor} multiplier`)
        break
      case "extra-recipient":
        once("extra-recipient", "extra-recipient row")
        break
      case "early-end":
        for (const service of row.services ?? services.filter((v) => v !== "criminal")) once(`early-end|${row.endedBy}|${service}`, `${row.endedBy} row for ${service}`)
        break
      case "unqualified":
        once("unqualified", "unqualified row")
        unqualified = i
        break
      case "duty":
        once(`duty|${row.unit}`, `duty row per ${row.unit}`)
        break
      case "consultation":
        once(`consultation|${row.unit}`, `consultation row per ${row.unit}`)
        break
      case "document":
        once("document", "document row")
        break
    }
  })
  if (unqualified >= 0 && failRow >= 0) {
    issues.push({ path: at(`rows[${failRow}].grade`), reason: `a standard reduces unqualified files by fail-graded rows or by an unqualified row (rows[${unqualified}]), not both` })
  }
  for (const list of groups.values()) {
    const sorted = [...list].sort((a, b) => rowLevel(a.row.grade) - rowLevel(b.row.grade))
    if (rowLevel(sorted[0]!.row.grade) > 2) {
      issues.push({ path: at(`rows[${sorted[0]!.index}].grade`), reason: "a graded service needs an amount for a pass (an ungraded, fail or pass row)" })
    }
    for (let k = 1; k < sorted.length; k++) {
      if (sorted[k]!.row.amount < sorted[k - 1]!.row.amount) {
        issues.push({ path: at(`rows[${sorted[k]!.index}].amount`), reason: `is less than the amount for a lower grade (rows[${sorted[k - 1]!.index}])` })
      }
    }
  }
  return issues
}

/**
 * Decodes a standard from unknown input (JSON) and checks it: unique row ids; a stage on every
 * criminal row and on no other; one row per service, stage, place and grade; amounts that do not
 * fall as the grade rises; an amount for a pass wherever a service is graded; at most one row of
 * each multiplier, addition, reduction and rate. Every problem is reported with its path.
 *
 * @example
 * ```ts
 * import { decodeStandard } from "fayuan/subsidy"
 * decodeStandard({ id: "x", region: "61", effectiveFrom: "2019-01-01", title: "t", basis: ["LAR-24"],
 *   source: "s", verified: false, label: "example", rounding: "half-up", rows: [] })
 * ```
 * @category decoding
 * @since 0.1.0
 */
export const decodeStandard = (input: unknown, path = ""): Result.Result<Standard, InvalidStandard> => {
  const r = decodeStruct(input, { errors: "all", onExcessProperty: "error" })
  if (Result.isFailure(r)) return Result.fail(new InvalidStandard({ issues: issuesOf(r.failure, path) }))
  const issues = checkStandard(r.success, path)
  return issues.length > 0 ? Result.fail(new InvalidStandard({ issues })) : Result.succeed(r.success)
}

/**
 * Like {@link decodeStandard}, but takes typed input and throws the {@link InvalidStandard}. For
 * tables written in code.
 *
 * @example
 * ```ts
 * import { decodeStandardUnsafe } from "fayuan/subsidy"
 * const mine = decodeStandardUnsafe({ id: "x", region: "61", effectiveFrom: "2019-01-01", title: "t",
 *   basis: [], source: "s", verified: false, label: "example", rounding: "half-up", rows: [] })
 * ```
 * @category decoding
 * @since 0.1.0
 */
export const decodeStandardUnsafe = (input: StandardInput): Standard => {
  const r = decodeStandard(input)
  if (Result.isFailure(r)) throw r.failure
  return r.success
}

/**
 * A copy of `standard` with `rows` replacing the rows of the same id and the others appended; the
 * result is checked again. Use it to override a value (then {@link withStandard}).
 *
 * @example
 * ```ts
 * import { Money } from "fayuan"
 * import { tables, withRows } from "fayuan/subsidy"
 * withRows(tables.panlong2018, [{ kind: "duty", id: "duty-day", unit: "day", amount: Money.fenUnsafe(25000) }], "duty raised by notice 2018-7")
 * ```
 * @category overrides
 * @since 0.1.0
 */
export const withRows = (standard: Standard, rows: ReadonlyArray<Row>, source?: string): Result.Result<Standard, InvalidStandard> => {
  const replacing = new Map(rows.map((r) => [r.id, r]))
  const kept = standard.rows.map((r) => replacing.get(r.id) ?? r)
  const existing = new Set(standard.rows.map((r) => r.id))
  const next: Standard = {
    ...standard,
    rows: [...kept, ...rows.filter((r) => !existing.has(r.id))],
    source: source === undefined ? standard.source : `${standard.source}; overridden: ${source}`
  }
  const issues = checkStandard(next, "")
  return issues.length > 0 ? Result.fail(new InvalidStandard({ issues })) : Result.succeed(next)
}

// ---------------------------------------------------------------------------------------------
// Compiled form (internal): everything a calculation needs, indexed by small integers.

/** @internal */
export const serviceIndex: { readonly [S in Service]: number } = { criminal: 0, civil: 1, administrative: 2, "labour-arbitration": 3, "non-litigation": 4 }
/** @internal */
export const stageIndex: { readonly [S in Stage]: number } = { investigation: 0, "prosecution-review": 1, trial: 2, "death-penalty-review": 3 }
/** @internal Claim grade slots: fail 0, pass 1, good 2, excellent 3, not graded 4. */
export const claimGradeIndex: { readonly [G in Grade]: number } = { fail: 0, pass: 1, good: 2, excellent: 3 }
/** @internal */
export const endingIndex: { readonly [E in EarlyEnding]: number } = { terminated: 0, "withdrawn-before-hearing": 1, "withdrawn-during-hearing": 2 }
/** @internal Index of a base group: service × (stage or none) × place. */
export const baseSlot = (service: number, stage: number, outside: boolean): number => service * 10 + stage * 2 + (outside ? 1 : 0)

/** @internal The row a file of one grade is paid from, with its explanation. */
export interface Pick {
  readonly row: CaseRow
  readonly detail: string
  /** No row applies to an unqualified file: the lowest row stands in, and the unqualified row must reduce it. */
  readonly standIn: boolean
}

/** @internal Picks by claim grade slot (fail, pass, good, excellent, not graded). */
export type Group = readonly [Pick, Pick, Pick, Pick, Pick]

/** @internal A row with its precomputed explanation. */
export interface Explained<R> {
  readonly row: R
  readonly detail: string
}

/** @internal */
export interface Compiled {
  readonly standard: Standard
  readonly ref: StandardRef
  readonly from: CalendarDate.CalendarDate
  /** Last day in force, `"9999-12-31"` when open. */
  readonly to: string
  readonly base: ReadonlyArray<Group | undefined>
  /** By factor then service index. */
  readonly lifeOrDeath: ReadonlyArray<Explained<MultiplierRow> | undefined>
  readonly complexity: ReadonlyArray<MultiplierRow | undefined>
  readonly outside: ReadonlyArray<Explained<MultiplierRow> | undefined>
  /** The detail is ` × ¥200.00`, to follow the count. */
  readonly extra: ReadonlyArray<Explained<ExtraRecipientRow> | undefined>
  /** By ending index × 5 + service index. */
  readonly earlyEnd: ReadonlyArray<Explained<EarlyEndRow> | undefined>
  readonly unqualified: Explained<UnqualifiedRow> | undefined
  readonly duty: { readonly day?: DutyRow; readonly half?: DutyRow }
  /** Precomputed duty explanations, and half the day rate rounded by the standard. */
  readonly dutyText: {
    readonly day: string
    readonly twoHalves: string
    readonly half: string
    readonly halfOfDay: string
    readonly pair: string
    readonly halfOfDayAmount: number
  }
  readonly consultation: { readonly day?: ConsultationRow; readonly half?: ConsultationRow }
  readonly document: DocumentRow | undefined
}

/** @internal `×3/2 half-up`. */
export const ratioText = (ratio: Ratio.Ratio): string => `×${Ratio.toDecimalString(ratio)}`

const pickDetail = (row: CaseRow, graded: boolean, claimGrade: Grade | undefined, standIn: boolean): string => {
  let out = Money.format(row.amount)
  if (row.place === "outside") out += ", outside-home-city band"
  if (row.grade !== undefined) out += `, ${row.grade} amount`
  if (graded) {
    if (claimGrade === undefined) out += " (not graded: paid as pass)"
    else if (row.grade !== claimGrade) out += ` (file graded ${claimGrade})`
  }
  if (standIn) out += "; no amount for an unqualified file: reduced by the unqualified row"
  return out
}

const compileGroup = (rows: ReadonlyArray<CaseRow>): Group => {
  const sorted = [...rows].sort((a, b) => rowLevel(a.grade) - rowLevel(b.grade))
  const graded = sorted.some((r) => r.grade !== undefined)
  const highestAtOrBelow = (level: number): CaseRow | undefined => {
    let found: CaseRow | undefined
    for (const r of sorted) if (rowLevel(r.grade) <= level) found = r
    return found
  }
  const make = (level: number, grade: Grade | undefined): Pick | undefined => {
    const row = highestAtOrBelow(level)
    return row === undefined ? undefined : { row, detail: pickDetail(row, graded, grade, false), standIn: false }
  }
  const lowest = sorted[0]!
  const fail = make(1, "fail") ?? { row: lowest, detail: pickDetail(lowest, graded, "fail", true), standIn: true }
  // checkStandard guarantees an ungraded, fail or pass row in every group.
  return [fail, make(2, "pass")!, make(3, "good")!, make(4, "excellent")!, make(2, undefined)!]
}

const appliesTo = (list: ReadonlyArray<Service> | undefined, service: Service): boolean => list === undefined || list.includes(service)

/** @internal Compiles a checked standard. */
export const compile = (standard: Standard): Compiled => {
  const { id, region, effectiveFrom, effectiveTo, verified, label } = standard
  const ref: StandardRef = effectiveTo === undefined
    ? { id, region, effectiveFrom, verified, label }
    : { id, region, effectiveFrom, effectiveTo, verified, label }
  const grouped = new Map<number, Array<CaseRow>>()
  const lifeOrDeath: Array<Explained<MultiplierRow> | undefined> = new Array(5).fill(undefined)
  const complexity: Array<MultiplierRow | undefined> = new Array(5).fill(undefined)
  const outside: Array<Explained<MultiplierRow> | undefined> = new Array(5).fill(undefined)
  const extra: Array<Explained<ExtraRecipientRow> | undefined> = new Array(5).fill(undefined)
  const earlyEnd: Array<Explained<EarlyEndRow> | undefined> = new Array(15).fill(undefined)
  let unqualified: Explained<UnqualifiedRow> | undefined
  const duty: { day?: DutyRow; half?: DutyRow } = {}
  const consultation: { day?: ConsultationRow; half?: ConsultationRow } = {}
  let document: DocumentRow | undefined
  for (const row of standard.rows) {
    switch (row.kind) {
      case "case": {
        const slot = baseSlot(serviceIndex[row.service], row.stage === undefined ? 4 : stageIndex[row.stage], row.place === "outside")
        const list = grouped.get(slot)
        if (list === undefined) grouped.set(slot, [row])
        else list.push(row)
        break
      }
      case "multiplier": {
        const explained = { row, detail: `${ratioText(row.ratio)} ${standard.rounding}` }
        for (const service of services) {
          if (!appliesTo(row.services, service)) continue
          const i = serviceIndex[service]
          if (row.factor === "life-or-death") lifeOrDeath[i] = explained
          else if (row.factor === "outside-home-city") outside[i] = explained
          else complexity[i] = row
        }
        break
      }
      case "extra-recipient": {
        const explained = { row, detail: ` × ${Money.format(row.amount)}` }
        for (const service of services) if (appliesTo(row.services, service)) extra[serviceIndex[service]] = explained
        break
      }
      case "early-end": {
        const explained = { row, detail: `${row.endedBy}: fixed ${Money.format(row.amount)}` }
        for (const service of row.services ?? services.filter((v) => v !== "criminal")) {
          earlyEnd[endingIndex[row.endedBy] * 5 + serviceIndex[service]] = explained
        }
        break
      }
      case "unqualified":
        unqualified = { row, detail: `unqualified file: ${ratioText(row.ratio)} ${standard.rounding}` }
        break
      case "duty":
        if (row.unit === "day") duty.day = row
        else duty.half = row
        break
      case "consultation":
        if (row.unit === "day") consultation.day = row
        else consultation.half = row
        break
      case "document":
        document = row
        break
    }
  }
  const dayAmount = duty.day?.amount ?? (0 as Money.Fen)
  const halfAmount = duty.half?.amount ?? (0 as Money.Fen)
  const dutyText = {
    day: `${Money.format(dayAmount)} per day`,
    twoHalves: `2 × ${Money.format(halfAmount)} per half-day`,
    half: `${Money.format(halfAmount)} per half-day`,
    halfOfDay: `half of ${Money.format(dayAmount)} per day, ${standard.rounding}`,
    pair: `morning and afternoon paid as one day: half of ${Money.format(dayAmount)}`,
    halfOfDayAmount: Money.multiply(dayAmount, Ratio.makeUnsafe(1, 2), standard.rounding)
  }
  const base: Array<Group | undefined> = new Array(50).fill(undefined)
  for (const [slot, rows] of grouped) base[slot] = compileGroup(rows)
  return {
    standard,
    ref: Object.freeze(ref),
    from: standard.effectiveFrom,
    to: standard.effectiveTo ?? "9999-12-31",
    base,
    lifeOrDeath,
    complexity,
    outside,
    extra,
    earlyEnd,
    unqualified,
    duty,
    dutyText,
    consultation,
    document
  }
}

// ---------------------------------------------------------------------------------------------
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
