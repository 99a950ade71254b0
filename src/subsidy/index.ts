/**
 * `fayuan/subsidy`: what an aid lawyer is paid — subsidy standards as data by region and period,
 * and a pure calculation that returns the amount in fen with every line that made it.
 *
 * @since 0.1.0
 */
export type {
  CatalogueProblem,
  DateRule,
  EarlyEnding,
  Ending,
  Factor,
  PeriodRef,
  Place,
  Service,
  Standard,
  StandardInput,
  StandardRef,
  Unit
} from "./Standard.ts"
export type {
  Catalogue
} from "./Catalogue.ts"
export {
  CaseRow,
  ConsultationRow,
  dateRules,
  decodeStandard,
  decodeStandardUnsafe,
  defaultDateRule,
  DocumentRow,
  DutyRow,
  EarlyEndRow,
  earlyEndings,
  endings,
  ExtraRecipientRow,
  factors,
  InvalidCatalogue,
  InvalidStandard,
  MultiplierRow,
  places,
  Row,
  services,
  StandardSchema,
  UnqualifiedRow,
  units,
  withRows
} from "./Standard.ts"
export {
  catalogueProblems,
  decodeCatalogue,
  makeCatalogue,
  makeCatalogueUnsafe,
  standardInForce,
  withoutStandard,
  withStandard,
  withStandards
} from "./Catalogue.ts"
export type { Allocation, CalculateError, DutyDay, DutyLine, DutySubsidies, Line, LineCode, LineLabel, Subject, Subsidy } from "./Subsidy.ts"
export type { CaseFacts } from "./fromCase.ts"
export { allocate, claimFromCase, serviceOf } from "./fromCase.ts"
export { calculateCase } from "./calculateCase.ts"
export { calculateDuty, calculateWork } from "./calculateWork.ts"
export { Claim, decodeClaim, decodeWorkClaim, WorkClaim } from "./Claim.ts"
export { InvalidClaim, lineCodes, NoStandardInForce, NotCovered } from "./Subsidy.ts"
export * as tables from "./tables.ts"
export type { Grade } from "../lifecycle/vocabulary.ts"
export type { Stage } from "../RuleSet.ts"
export type { WorkedShift } from "../roster/Store.ts"
