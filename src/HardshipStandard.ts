/**
 * The form of a region's hardship standard (经济困难标准): what the household's monthly income per
 * head is compared with, and which parameters carry the amounts.
 *
 * The Law leaves the standard to each province (`LAL-34`; before 2022 `LAR-13`), and provinces
 * differ in kind, not only in amount: a multiple of the minimum living standard (低保), the local
 * minimum wage, a fraction of the disposable income per head, a fixed line, or a recognised
 * low-income status. A form says which, per area (urban, rural), and names the parameter keys the
 * means test reads; the amounts and ratios themselves stay parameters, keyed by region and date and
 * overridable like every other.
 *
 * @example
 * ```ts
 * import { HardshipStandard, Region, RuleBook } from "fayuan"
 * const form = HardshipStandard.formFor(RuleBook.defaultRuleBook.hardshipForms, Region.makeUnsafe("440104"), "2024-05-01")
 * form?.urban.reference // "disposable-income"
 * ```
 *
 * @since 0.4.0
 */
import type { CitationId } from "./Citation.ts"
import * as Region from "./Region.ts"

/**
 * What a hardship line is measured against:
 * - `minimum-living-standard`: the minimum living standard (低保), per head per month;
 * - `minimum-wage`: the local monthly minimum wage (最低工资标准);
 * - `disposable-income`: the previous year's disposable income per head (人均可支配收入), per year;
 * - `fixed-line`: a fixed monthly amount per head published by the province;
 * - `low-income-line`: the low-income household line (低收入家庭认定标准), per head per month;
 * - `low-income-status`: no amount — the household must be recognised as low-income (低收入人口).
 *
 * @category vocabulary
 */
export const references = [
  "minimum-living-standard",
  "minimum-wage",
  "disposable-income",
  "fixed-line",
  "low-income-line",
  "low-income-status"
] as const

/** @category vocabulary */
export type Reference = (typeof references)[number]

/**
 * The line for one area (urban or rural households).
 *
 * @category models
 */
export interface AreaLine {
  readonly reference: Reference
  /**
   * Whose figure the reference is, for references published separately for urban and rural
   * residents (`minimum-living-standard`, `disposable-income`, `low-income-line`): Guangdong, for
   * instance, measures rural households against the urban disposable income. Defaults to the area.
   */
  readonly figureOf?: "urban" | "rural"
  /**
   * The line is strict (低于, "below"): an income equal to it fails. Absent, the line is inclusive
   * (不超过, "not above").
   */
  readonly below?: boolean
}

/**
 * A region's hardship form over a period, with where it comes from.
 *
 * `verified: false` means the form or its dates were not read in the instrument itself;
 * `presumed: true` means no instrument was found at all and the form is fayuan's presumption (the
 * commonest one), shipped so the means test can run once the host supplies the amounts.
 *
 * @category models
 */
export interface HardshipForm {
  readonly region: Region.RegionCode
  readonly nameZh: string
  readonly validFrom: string
  readonly validTo?: string
  readonly urban: AreaLine
  readonly rural: AreaLine
  readonly basis: ReadonlyArray<CitationId>
  /** The instrument that sets the form (or what was found of it). */
  readonly document: string
  readonly sourceUrl?: string
  readonly verified: boolean
  readonly presumed: boolean
  readonly note?: string
}

/**
 * How a line is computed: the parameter keys of the amount and ratio, and the amount's period.
 * `amountKey` and `ratioKey` are absent for `low-income-status`.
 *
 * @category models
 */
export interface LineKeys {
  readonly reference: Reference
  readonly amountKey?: string
  readonly ratioKey?: string
  readonly period: "monthly" | "annual"
}

/**
 * The ratio's key for an area. The names are historical (a multiple for urban lines, a fraction for
 * rural ones); either holds any ratio.
 */
const ratioKeyOf = (area: "urban" | "rural"): string => (area === "urban" ? "hardship.urban.multiple" : "hardship.rural.fraction")

/**
 * The parameter keys a line reads.
 *
 * @example
 * ```ts
 * import { HardshipStandard } from "fayuan"
 * HardshipStandard.keysOf("rural", { reference: "disposable-income" }).amountKey
 * // "hardship.rural.disposableIncomePerHeadAnnualFen"
 * ```
 *
 * @category lookup
 */
export const keysOf = (area: "urban" | "rural", line: AreaLine): LineKeys => {
  const of = line.figureOf ?? area
  const ratioKey = ratioKeyOf(area)
  switch (line.reference) {
    case "minimum-living-standard":
      return { reference: line.reference, amountKey: `hardship.${of}.minimumLivingStandardMonthlyFen`, ratioKey, period: "monthly" }
    case "minimum-wage":
      return { reference: line.reference, amountKey: "hardship.minimumWageMonthlyFen", ratioKey, period: "monthly" }
    case "disposable-income":
      return { reference: line.reference, amountKey: `hardship.${of}.disposableIncomePerHeadAnnualFen`, ratioKey, period: "annual" }
    case "fixed-line":
      return { reference: line.reference, amountKey: "hardship.fixedLineMonthlyFen", ratioKey, period: "monthly" }
    case "low-income-line":
      return { reference: line.reference, amountKey: `hardship.${of}.lowIncomeLineMonthlyFen`, ratioKey, period: "monthly" }
    case "low-income-status":
      return { reference: line.reference, period: "monthly" }
  }
}

const inForce = (f: HardshipForm, date: string): boolean => f.validFrom <= date && (f.validTo === undefined || date <= f.validTo)

/**
 * The form in force for `region` on `date`: the most specific level of the region that has one.
 *
 * @category lookup
 */
export const formFor = (
  forms: ReadonlyArray<HardshipForm>,
  region: Region.RegionCode,
  date: string
): HardshipForm | undefined => {
  for (const f of candidates(forms, region)) if (inForce(f, date)) return f
  return undefined
}

/** Per list of forms and region: the forms of the region's levels, most specific first (in list order within a level). */
const candidateCache = new WeakMap<ReadonlyArray<HardshipForm>, Map<string, ReadonlyArray<HardshipForm>>>()

const candidates = (forms: ReadonlyArray<HardshipForm>, region: Region.RegionCode): ReadonlyArray<HardshipForm> => {
  let byRegion = candidateCache.get(forms)
  if (byRegion === undefined) candidateCache.set(forms, (byRegion = new Map()))
  let list = byRegion.get(region)
  if (list === undefined) {
    list = Region.ancestors(region).flatMap((level) => forms.filter((f) => f.region === level))
    byRegion.set(region, list)
  }
  return list
}

/**
 * The national presumption, for a region no shipped or supplied form covers: urban households
 * against a multiple of the minimum living standard, rural ones against a fraction of the rural
 * disposable income per head — the commonest form. `presumed: true`.
 *
 * @category constructors
 */
export const presumption: HardshipForm = {
  region: Region.national,
  nameZh: "全国（推定）",
  validFrom: "2003-09-01",
  urban: { reference: "minimum-living-standard" },
  rural: { reference: "disposable-income" },
  basis: ["LAL-34", "LAR-13"],
  document: "法律援助法第三十四条（此前条例第十三条）：经济困难的标准由省级人民政府确定；fayuan 推定最常见的形式",
  verified: false,
  presumed: true,
  note: "A presumption, not a rule: a region without a form of its own gets this one."
}

/**
 * Problems with a list of forms: overlapping periods in one region, an end before the start, a
 * malformed date. Empty when the list is valid.
 *
 * @category validation
 */
export const validate = (forms: ReadonlyArray<HardshipForm>): ReadonlyArray<string> => {
  const problems: Array<string> = []
  const datePattern = /^\d{4}-\d{2}-\d{2}$/
  forms.forEach((f, i) => {
    const at = `hardship form ${f.region} from ${f.validFrom}`
    if (!datePattern.test(f.validFrom)) problems.push(`${at}: validFrom is not a date`)
    if (f.validTo !== undefined && (!datePattern.test(f.validTo) || f.validTo < f.validFrom)) problems.push(`${at}: validTo is not a date on or after validFrom`)
    for (const area of ["urban", "rural"] as const) {
      if (!references.includes(f[area].reference)) problems.push(`${at}: ${area}.reference ${JSON.stringify(f[area].reference)} is not one of ${references.join(", ")}`)
    }
    for (const g of forms.slice(i + 1)) {
      if (
        g.region === f.region &&
        (f.validTo === undefined || g.validFrom <= f.validTo) &&
        (g.validTo === undefined || f.validFrom <= g.validTo)
      ) {
        problems.push(`hardship forms of ${f.region} from ${f.validFrom} and from ${g.validFrom} overlap`)
      }
    }
  })
  return problems
}

/**
 * One line describing a form, for messages: `广东省 (44) from 2020-01-01: urban disposable-income…`.
 *
 * @category formatting
 */
export const describe = (f: HardshipForm): string => {
  const line = (area: "urban" | "rural"): string => {
    const l = f[area]
    return `${area} ${l.reference}${l.figureOf !== undefined && l.figureOf !== area ? ` (${l.figureOf} figure)` : ""}`
  }
  const flag = f.presumed ? "presumed, no instrument found" : f.verified ? "verified" : "unverified"
  return `${f.nameZh} (${f.region}) from ${f.validFrom}: ${line("urban")}, ${line("rural")} [${flag}]`
}
