/**
 * fayuan (法援): the work of a Chinese legal aid centre as a library.
 *
 * The root entry holds the core values — money in fen, calendar dates, regions, resident ID
 * numbers, citations — and the rule book (rule sets and parameters by region and date), and every
 * area as a namespace (`Eligibility`, `Lifecycle`, `Assignment`, `Roster`, `Subsidy`, `Budget`,
 * `Evaluation`, `Report`), so names that mean different things in two areas never collide:
 * `Assignment.Lawyer` (a candidate with its counts) beside `Roster.Lawyer` (a duty-roster member).
 * Each area is also its own entry (`fayuan/eligibility`, …) for hosts that load one area only.
 *
 * @since 0.1.0
 */
export * as AssignmentRequirements from "./AssignmentRequirements.ts"
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
export type { Fen } from "./Money.ts"
export type { RegionCode } from "./Region.ts"
export * as WorkCalendar from "./WorkCalendar.ts"
export * as Assignment from "./assignment/index.ts"
export * as Budget from "./budget/index.ts"
export * as Eligibility from "./eligibility/index.ts"
export * as Evaluation from "./evaluation/index.ts"
export * as Lifecycle from "./lifecycle/index.ts"
export * as Report from "./report/index.ts"
export * as Roster from "./roster/index.ts"
export * as Subsidy from "./subsidy/index.ts"
export * as Vectors from "./vectors/index.ts"
