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
import * as Ratio from "../Ratio.ts"
import * as Region from "../Region.ts"
import * as Rounding from "../Rounding.ts"
import { proceedingStages as stages } from "../RuleSet.ts"

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
export const rowLevel = (grade: Grade | undefined): number => (grade === undefined ? 0 : grade === "fail" ? 1 : grade === "pass" ? 2 : grade === "good" ? 3 : 4)

const caseKey = (r: CaseRow): string => `${r.service}|${r.stage ?? ""}|${r.place ?? "home"}`

/** The checks across fields that the schema does not express. */
export const checkStandard = (s: Standard, prefix: string): Array<Issue> => {
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
