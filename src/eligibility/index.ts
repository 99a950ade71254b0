/**
 * `fayuan/eligibility`: who gets legal aid, under the rules in force on the date that matters.
 *
 * @since 0.1.0
 */
export {
  Applicant,
  Application,
  decodeApplication,
  disabilities,
  formatPath,
  Household,
  InvalidApplication,
  Matter,
  procedures,
  sentences,
  statuses
} from "./Application.ts"
export type { Disability, Issue, PossibleSentence, Procedure, Status } from "./Application.ts"
export { decodeApplicationLight } from "./decodeApplicationLight.ts"
export { decide, decideUnsafe } from "./decide.ts"
export { meansTestStatuses, outcomes } from "./Decision.ts"
export type { DecideError, DecideOptions } from "./decide.ts"
export type {
  Advisory,
  Decision,
  MeansTest,
  MeansTestByStatus,
  MeansTestComputed,
  AppliedForm,
  MissingFact,
  Outcome,
  Requirements,
  TraceStep
} from "./Decision.ts"
export { claims, mandatoryGrounds, matterKinds, stages } from "../RuleSet.ts"
export type { Claim, MandatoryGround, MatterKind, Stage } from "../RuleSet.ts"
export type { MissingParameter, NoRuleSetInForce, RuleBook } from "../RuleBook.ts"
export type { Overrides } from "../Parameter.ts"
