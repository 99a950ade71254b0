/**
 * Case events: the record. A case is a fold over its events; events are never edited or deleted.
 * Each holds what an audit and the standard forms (SF/T 0024-2017) need: who, when, under which
 * provisions, and every clock it starts or stops with its due date fixed at the time.
 *
 * Events are persisted as versioned JSON and decoded on every read with {@link CaseEvent}.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { AssignmentRequirements } from "../AssignmentRequirements.ts"
import * as CalendarDate from "../CalendarDate.ts"
import * as Citation from "../Citation.ts"
import { meansTestStatuses } from "../eligibility/Decision.ts"
import * as Region from "../Region.ts"
import { matterKinds, proceedingStages } from "../RuleSet.ts"
import { instantPattern } from "./time.ts"
import { assignmentFilters, channels, clockKinds, grades, organs, outcomes, reassignReasons, roles, states, withdrawals } from "./vocabulary.ts"

const CitationId = Schema.String.pipe(
  Schema.check(Schema.makeFilter((s: string) => Citation.isKnown(s) || "a known citation id"))
) as unknown as Schema.Codec<Citation.CitationId, string>

const NonEmptyString = Schema.String.pipe(Schema.check(Schema.isMinLength(1)))
const Instant = Schema.String.pipe(Schema.check(Schema.isPattern(instantPattern)))

/**
 * A clock started, stopped or cancelled by an event.
 *
 * @category schemas
 */
export const ClockChange = Schema.Union([
  Schema.Struct({
    action: Schema.Literal("start"),
    kind: Schema.Literals(clockKinds),
    startedOn: CalendarDate.CalendarDate,
    dueOn: CalendarDate.CalendarDate,
    counting: Schema.Literals(["calendar-days", "working-days", "hours", "days-before-trial"]),
    length: Schema.Int,
    basis: CitationId,
    /** For hour clocks: met or not is known at once. */
    met: Schema.optionalKey(Schema.Boolean),
    /**
     * `true` when the count ran over dates the work calendar does not cover (before 2003, or a year
     * whose State Council notice it lacks): working days there were taken as Monday to Friday, and a
     * calendar-day period's end was moved off weekends only.
     */
    estimated: Schema.optionalKey(Schema.Literal(true))
  }),
  Schema.Struct({ action: Schema.Literals(["stop", "cancel"]), kind: Schema.Literals(clockKinds), on: CalendarDate.CalendarDate })
])

/** @category models */
export type ClockChange = typeof ClockChange.Type

/**
 * The eligibility decision as a grant or refusal records it.
 *
 * @category schemas
 */
export const EligibilitySummary = Schema.Struct({
  outcome: Schema.Literals(["mandatory", "eligible", "ineligible", "not-yet-eligible", "incomplete"]),
  meansTest: Schema.Literals(meansTestStatuses),
  citations: Schema.Array(CitationId),
  ruleSetId: NonEmptyString,
  requirements: Schema.optionalKey(AssignmentRequirements)
})

/** @category models */
export type EligibilitySummary = typeof EligibilitySummary.Type

export { AssignmentRequirements }

const Clocks = Schema.Array(ClockChange)

/**
 * The number of people receiving aid in one case.
 *
 * @category schemas
 */
export const Recipients = Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 1, maximum: 100_000 })))

/**
 * The special groups an evaluation counts separately (应援尽援 for migrant workers, minors, the
 * elderly, disabled persons, women, service members and their families, ethnic minorities). No
 * personal data: only which groups the applicant belongs to.
 *
 * @category vocabulary
 */
export const specialGroups = ["migrant-worker", "minor", "elderly", "disabled", "women", "military", "ethnic-minority"] as const

/** @category vocabulary */
export type SpecialGroup = (typeof specialGroups)[number]

/**
 * The special groups of a case, in the vocabulary's order, each once (optional on old events).
 *
 * @category schemas
 */
export const SpecialGroups = Schema.Array(Schema.Literals(specialGroups))

/**
 * Special groups in canonical order, each once: what events record.
 *
 * @category vocabulary
 */
export const canonicalGroups = (groups: ReadonlyArray<SpecialGroup>): ReadonlyArray<SpecialGroup> => specialGroups.filter((g) => groups.includes(g))

const header = {
  schemaVersion: Schema.Literal(1),
  caseId: NonEmptyString,
  region: Region.RegionCode,
  sequence: Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(1))),
  occurredAt: Instant,
  recordedAt: Instant,
  actor: Schema.Struct({ id: NonEmptyString, role: Schema.Literals(roles) }),
  clocks: Clocks
}

const event = <T extends string, F extends Schema.Struct.Fields>(type: T, fields: F) =>
  Schema.Struct({ type: Schema.Literal(type), ...header, ...fields })

/** @category schemas */
export const ApplicationReceived = event("ApplicationReceived", {
  kind: Schema.Literals(matterKinds),
  channel: Schema.Literals(channels),
  receivedOn: CalendarDate.CalendarDate,
  ruleSetId: NonEmptyString,
  procedureId: NonEmptyString,
  /** Special groups the applicant belongs to (absent on events recorded before it existed). */
  groups: Schema.optionalKey(SpecialGroups),
  /** The eligibility decision made at intake (the pre-check), kept for the review. */
  eligibility: Schema.optionalKey(EligibilitySummary),
  /** How many people receive aid in the case (a subsidy's extra-recipient rows read it); 1 when absent. */
  recipients: Schema.optionalKey(Recipients),
  forwarding: Schema.optionalKey(Schema.Struct({ requestedAt: Instant, receivedAt: Instant, hours: Schema.Number, met: Schema.Boolean, basis: CitationId }))
})
/** @category schemas */
export const NotificationReceived = event("NotificationReceived", {
  kind: Schema.Literals(matterKinds),
  organ: Schema.Literals(organs),
  receivedOn: CalendarDate.CalendarDate,
  grounds: Schema.Array(CitationId),
  trialOn: Schema.optionalKey(CalendarDate.CalendarDate),
  requirements: Schema.optionalKey(AssignmentRequirements),
  ruleSetId: NonEmptyString,
  procedureId: NonEmptyString,
  /** Special groups the accused belongs to (absent on events recorded before it existed). */
  groups: Schema.optionalKey(SpecialGroups)
})
/**
 * An eligibility decision recorded during intake or review (after materials arrive, say), for the
 * `decide` that follows: the latest one is what a `decide` without its own decision applies.
 *
 * @category schemas
 */
export const EligibilityAssessed = event("EligibilityAssessed", { eligibility: EligibilitySummary })
/** @category schemas */
export const MaterialsRequested = event("MaterialsRequested", { missing: Schema.Array(NonEmptyString), basis: CitationId })
/** @category schemas */
export const MaterialsSupplied = event("MaterialsSupplied", {})
/** @category schemas */
export const ReviewStarted = event("ReviewStarted", {})
/** @category schemas */
export const ApplicationWithdrawn = event("ApplicationWithdrawn", { deemed: Schema.Boolean, basis: Schema.optionalKey(CitationId) })
/** @category schemas */
export const AidGranted = event("AidGranted", { eligibility: EligibilitySummary, byObjection: Schema.Boolean })
/** @category schemas */
export const AidRefused = event("AidRefused", { eligibility: EligibilitySummary })
/** @category schemas */
export const RefusalObjected = event("RefusalObjected", { basis: CitationId })
/** @category schemas */
export const RefusalFinal = event("RefusalFinal", { upheldByBureau: Schema.Boolean, basis: Schema.optionalKey(CitationId) })
/** @category schemas */
export const PreGranted = event("PreGranted", { ground: CitationId })
/** @category schemas */
export const FormalitiesCompleted = event("FormalitiesCompleted", { eligibility: EligibilitySummary })
const RationalePick = Schema.Struct({
  lawyerId: NonEmptyString,
  firmId: NonEmptyString,
  assignedCount: Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0))),
  weight: Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(1))),
  openCases: Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0))),
  tieBreak: Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0)))
})

/**
 * Why a lawyer was assigned, as data — the pool's size, who each filter excluded and on which
 * provision, the filters that did not apply, the chosen lawyer's rotation key and the next
 * one's — so the record holds ids, counts and codes, never free text (personal data cannot slip
 * into the append-only log). `fayuan/assignment`'s `explainRationale` writes it out in words.
 *
 * @category schemas
 */
export const AssignmentRationale = Schema.Struct({
  considered: Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0))),
  excluded: Schema.Array(Schema.Struct({ filter: Schema.Literals(assignmentFilters), lawyerIds: Schema.Array(NonEmptyString), basis: Schema.Array(CitationId) })),
  notApplicable: Schema.Array(Schema.Literals(assignmentFilters)),
  dutyAdviserRuleOff: Schema.optionalKey(Schema.Literal(true)),
  qualified: Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(1))),
  chosen: RationalePick,
  next: Schema.optionalKey(RationalePick)
})

/** @category models */
export type AssignmentRationale = typeof AssignmentRationale.Type

/** @category schemas */
export const LawyerAssigned = event("LawyerAssigned", {
  lawyerId: NonEmptyString,
  firmId: NonEmptyString,
  /** Events recorded before 0.2 hold the explanation as lines of text. */
  explanation: Schema.optionalKey(Schema.Array(Schema.String)),
  rationale: Schema.optionalKey(AssignmentRationale)
})
/** @category schemas */
export const LawyerReassigned = event("LawyerReassigned", {
  lawyerId: NonEmptyString,
  firmId: NonEmptyString,
  previousLawyerId: NonEmptyString,
  reason: Schema.Literals(reassignReasons),
  basis: Schema.optionalKey(CitationId),
  explanation: Schema.optionalKey(Schema.Array(Schema.String)),
  rationale: Schema.optionalKey(AssignmentRationale)
})
/** @category schemas */
export const HandlingStarted = event("HandlingStarted", {})
/** @category schemas */
export const TerminationGroundReported = event("TerminationGroundReported", { ground: CitationId, basis: CitationId })
/** @category schemas */
export const AidTerminated = event("AidTerminated", { ground: CitationId, priorState: Schema.Literals(states) })
/** @category schemas */
export const TerminationObjected = event("TerminationObjected", { basis: CitationId })
/** @category schemas */
export const TerminationObjectionDecided = event("TerminationObjectionDecided", { upheld: Schema.Boolean, basis: CitationId, resumedState: Schema.optionalKey(Schema.Literals(states)) })
/** @category schemas */
export const OutcomeRecorded = event("OutcomeRecorded", {
  endedOn: CalendarDate.CalendarDate,
  outcome: Schema.Literals(outcomes),
  /** The criminal stages the lawyer handled, for the subsidy (a case is paid for the stages done). */
  stagesCompleted: Schema.optionalKey(Schema.Array(Schema.Literals(proceedingStages))),
  /** For a matter the party withdrew: before or during the hearing (the subsidy's early-end rows). */
  withdrawal: Schema.optionalKey(Schema.Literals(withdrawals))
})
/** @category schemas */
export const CaseConcluded = event("CaseConcluded", { basis: CitationId })
/** @category schemas */
export const QualityGraded = event("QualityGraded", { grade: Schema.Literals(grades) })
/** @category schemas */
export const CaseArchived = event("CaseArchived", {})

/**
 * Any case event.
 *
 * @category schemas
 */
export const CaseEvent = Schema.Union([
  ApplicationReceived,
  NotificationReceived,
  EligibilityAssessed,
  MaterialsRequested,
  MaterialsSupplied,
  ReviewStarted,
  ApplicationWithdrawn,
  AidGranted,
  AidRefused,
  RefusalObjected,
  RefusalFinal,
  PreGranted,
  FormalitiesCompleted,
  LawyerAssigned,
  LawyerReassigned,
  HandlingStarted,
  TerminationGroundReported,
  AidTerminated,
  TerminationObjected,
  TerminationObjectionDecided,
  OutcomeRecorded,
  CaseConcluded,
  QualityGraded,
  CaseArchived
])

/** @category models */
export type CaseEvent = typeof CaseEvent.Type

/** @category models */
export type CaseEventType = CaseEvent["type"]

/**
 * The fields every event shares.
 *
 * @category models
 */
export type EventHeader = Pick<CaseEvent, "schemaVersion" | "caseId" | "region" | "sequence" | "occurredAt" | "recordedAt" | "actor" | "clocks">
