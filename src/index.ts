/**
 * fayuan (法援): the work of a Chinese legal aid centre as a library.
 *
 * The root entry holds the core values — money in fen, calendar dates, regions, resident ID
 * numbers, citations — and the rule book (rule sets and parameters by region and date).
 * Eligibility lives in `fayuan/eligibility`, test vectors in `fayuan/vectors`.
 *
 * @since 0.1.0
 */
export * as CalendarDate from "./CalendarDate.ts"
export * as Citation from "./Citation.ts"
export * as HardshipStandard from "./HardshipStandard.ts"
export * as Id from "./Id.ts"
export * as Money from "./Money.ts"
export * as Parameter from "./Parameter.ts"
export * as Ratio from "./Ratio.ts"
export * as Region from "./Region.ts"
export * as ResidentId from "./ResidentId.ts"
export * as Rounding from "./Rounding.ts"
export * as RuleBook from "./RuleBook.ts"
export * as RuleSet from "./RuleSet.ts"
export * as Storage from "./Storage.ts"
export type { CalendarDate as CalendarDateString } from "./CalendarDate.ts"
export type { Fen } from "./Money.ts"
export type { Ratio as RatioValue } from "./Ratio.ts"
export type { RegionCode } from "./Region.ts"
export * as WorkCalendar from "./WorkCalendar.ts"
