/**
 * The case: a fold over its events. `evolve` applies one event; `replay` folds a whole log.
 * Nothing here decides anything — `transition` does — so replaying the same events always gives
 * the same case.
 *
 * @since 0.1.0
 */
import type * as CalendarDate from "../CalendarDate.ts"
import type { CitationId } from "../Citation.ts"
import type * as Region from "../Region.ts"
import type { MatterKind, ProceedingStage } from "../RuleSet.ts"
import type { AssignmentRequirements, CaseEvent, ClockChange, EligibilitySummary, SpecialGroup } from "./Event.ts"
import { chinaDate } from "./time.ts"
import type { Channel, ClockKind, Grade, MatterOutcome, Organ, State, Withdrawal } from "./vocabulary.ts"

/**
 * A statutory clock of a case: when it started, when it is due (fixed when it started, under the
 * rule and calendar of that day), and when it stopped.
 *
 * @category models
 */
export interface Clock {
  readonly kind: ClockKind
  readonly startedOn: CalendarDate.CalendarDate
  readonly dueOn: CalendarDate.CalendarDate
  readonly counting: "calendar-days" | "working-days" | "hours" | "days-before-trial"
  readonly length: number
  readonly basis: CitationId
  readonly stoppedOn?: CalendarDate.CalendarDate
  readonly cancelledOn?: CalendarDate.CalendarDate
  /** Known at once for hour clocks. */
  readonly met?: boolean
  /** The due date counted days outside the work calendar's coverage Monday to Friday: a guess to check. */
  readonly estimated?: true
}

/**
 * A case as its events make it.
 *
 * @category models
 */
export interface Case {
  readonly id: string
  readonly region: Region.RegionCode
  /** The number of events so far: the version an append must expect. */
  readonly version: number
  readonly state: State
  readonly origin: "application" | "notification"
  readonly kind: MatterKind
  readonly channel?: Channel
  readonly organ?: Organ
  /** The provisions a notification rests on (why the organ must notify). */
  readonly grounds?: ReadonlyArray<CitationId>
  readonly receivedOn: CalendarDate.CalendarDate
  /** Special groups the applicant (or the accused) belongs to, when recorded. */
  readonly groups?: ReadonlyArray<SpecialGroup>
  readonly ruleSetId: string
  readonly procedureId: string
  /** Aid given ahead of the formalities (`LAL-44`), not yet confirmed. */
  readonly provisional: boolean
  readonly eligibility?: EligibilitySummary
  /** The latest eligibility decision recorded before the grant or refusal (at intake or in review). */
  readonly assessment?: EligibilitySummary
  /** How many people receive aid in the case, when more than one was recorded. */
  readonly recipients?: number
  /** What the assignment must satisfy, from the eligibility decision or the notice. */
  readonly requirements?: AssignmentRequirements
  readonly missingMaterials?: ReadonlyArray<string>
  readonly lawyer?: { readonly lawyerId: string; readonly firmId: string; readonly since: CalendarDate.CalendarDate }
  /** Lawyers who may not take the case again (replaced after a complaint, `LAL-55`, or a conflict). */
  readonly excludedLawyers: ReadonlyArray<string>
  /** Lawyers replaced after the recipient's complaint (`LAL-55`); absent when none. */
  readonly complaints?: number
  readonly reportedGrounds: ReadonlyArray<CitationId>
  readonly termination?: { readonly ground: CitationId; readonly priorState: State; readonly objected: boolean; readonly objectionDecided: boolean }
  readonly refusalObjected: boolean
  readonly endedOn?: CalendarDate.CalendarDate
  readonly outcome?: MatterOutcome
  /** The criminal stages the lawyer handled, as recorded with the outcome. */
  readonly stagesCompleted?: ReadonlyArray<ProceedingStage>
  /** For a matter the party withdrew: before or during the hearing. */
  readonly withdrawal?: Withdrawal
  readonly grade?: Grade
  readonly clocks: ReadonlyArray<Clock>
  readonly lastOccurredAt: string
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

const applyClocks = (clocks: ReadonlyArray<Clock>, changes: ReadonlyArray<ClockChange>): ReadonlyArray<Clock> => {
  if (changes.length === 0) return clocks
  let out = clocks
  for (const change of changes) {
    if (change.action === "start") {
      const c: Mutable<Clock> = {
        kind: change.kind,
        startedOn: change.startedOn,
        dueOn: change.dueOn,
        counting: change.counting,
        length: change.length,
        basis: change.basis
      }
      if (change.estimated === true) c.estimated = true
      if (change.met !== undefined) {
        c.met = change.met
        c.stoppedOn = change.startedOn
      }
      out = [...out, c]
    } else {
      // Stop or cancel the latest running clock of that kind.
      const i = findRunning(out, change.kind)
      if (i < 0) continue
      const updated = change.action === "stop" ? { ...out[i]!, stoppedOn: change.on } : { ...out[i]!, cancelledOn: change.on }
      out = [...out.slice(0, i), updated, ...out.slice(i + 1)]
    }
  }
  return out
}

/**
 * The index of the latest running clock of a kind, or -1.
 *
 * @category clocks
 */
export const findRunning = (clocks: ReadonlyArray<Clock>, kind: ClockKind): number => {
  for (let i = clocks.length - 1; i >= 0; i--) {
    const c = clocks[i]!
    if (c.kind === kind && c.stoppedOn === undefined && c.cancelledOn === undefined) return i
  }
  return -1
}

/**
 * `true` when a clock of the kind is running.
 *
 * @category clocks
 */
export const isRunning = (c: Case, kind: ClockKind): boolean => findRunning(c.clocks, kind) >= 0

/**
 * Applies one event. The first event of a log opens the case; an event of another case, or out
 * of sequence, is a defect and throws (logs are checked by the store before they reach here).
 *
 * @category folding
 */
export const evolve = (current: Case | undefined, event: CaseEvent): Case => {
  if (current === undefined) {
    if (event.type !== "ApplicationReceived" && event.type !== "NotificationReceived") {
      throw new Error(`a case log must open with an application or a notification, not ${event.type}`)
    }
  } else if (event.caseId !== current.id || event.sequence !== current.version + 1) {
    throw new Error(`event ${event.sequence} of ${event.caseId} does not follow version ${current.version} of ${current.id}`)
  }
  const base = current as Case
  const next: Mutable<Case> =
    current === undefined
      ? openCase(event as Extract<CaseEvent, { type: "ApplicationReceived" | "NotificationReceived" }>)
      : { ...base, version: event.sequence, clocks: applyClocks(base.clocks, event.clocks), lastOccurredAt: event.occurredAt }
  switch (event.type) {
    case "ApplicationReceived":
    case "NotificationReceived":
      break
    case "EligibilityAssessed":
      next.assessment = event.eligibility
      break
    case "MaterialsRequested":
      next.state = "awaiting-materials"
      next.missingMaterials = event.missing
      break
    case "MaterialsSupplied":
      next.state = "under-review"
      break
    case "ReviewStarted":
      next.state = "under-review"
      break
    case "ApplicationWithdrawn":
      next.state = "withdrawn"
      break
    case "AidGranted":
      next.state = "granted"
      next.eligibility = event.eligibility
      if (event.eligibility.requirements !== undefined) next.requirements = event.eligibility.requirements
      break
    case "AidRefused":
      next.state = "refused"
      next.eligibility = event.eligibility
      break
    case "RefusalObjected":
      next.state = "refusal-objection"
      next.refusalObjected = true
      break
    case "RefusalFinal":
      next.state = "refusal-final"
      break
    case "PreGranted":
      next.state = "granted"
      next.provisional = true
      break
    case "FormalitiesCompleted":
      next.provisional = false
      next.eligibility = event.eligibility
      if (event.eligibility.requirements !== undefined) next.requirements = event.eligibility.requirements
      break
    case "LawyerAssigned":
      next.state = "assigned"
      next.lawyer = { lawyerId: event.lawyerId, firmId: event.firmId, since: dateOf(event.occurredAt) }
      break
    case "LawyerReassigned":
      next.lawyer = { lawyerId: event.lawyerId, firmId: event.firmId, since: dateOf(event.occurredAt) }
      if (event.reason !== "unavailable") next.excludedLawyers = [...base.excludedLawyers, event.previousLawyerId]
      if (event.reason === "complaint") next.complaints = (base.complaints ?? 0) + 1
      break
    case "HandlingStarted":
      next.state = "in-progress"
      break
    case "TerminationGroundReported":
      next.reportedGrounds = [...base.reportedGrounds, event.ground]
      break
    case "AidTerminated":
      next.state = "terminated"
      next.termination = { ground: event.ground, priorState: event.priorState, objected: false, objectionDecided: false }
      break
    case "TerminationObjected":
      next.state = "termination-objection"
      next.termination = { ...base.termination!, objected: true }
      break
    case "TerminationObjectionDecided":
      next.state = event.upheld ? (event.resumedState ?? base.termination!.priorState) : "terminated"
      if (event.upheld) delete next.termination
      else next.termination = { ...base.termination!, objectionDecided: true }
      break
    case "OutcomeRecorded":
      next.endedOn = event.endedOn
      next.outcome = event.outcome
      if (event.stagesCompleted !== undefined) next.stagesCompleted = event.stagesCompleted
      if (event.withdrawal !== undefined) next.withdrawal = event.withdrawal
      break
    case "CaseConcluded":
      next.state = "concluded"
      break
    case "QualityGraded":
      next.state = "quality-assessed"
      next.grade = event.grade
      break
    case "CaseArchived":
      next.state = "archived"
      break
  }
  return next
}

const dateOf = (instant: string): CalendarDate.CalendarDate => chinaDate(instant) ?? (instant.slice(0, 10) as CalendarDate.CalendarDate)

const openCase = (event: Extract<CaseEvent, { type: "ApplicationReceived" | "NotificationReceived" }>): Mutable<Case> => {
  const c: Mutable<Case> = {
    id: event.caseId,
    region: event.region,
    version: event.sequence,
    state: event.type === "ApplicationReceived" ? "received" : "granted",
    origin: event.type === "ApplicationReceived" ? "application" : "notification",
    kind: event.kind,
    receivedOn: event.receivedOn,
    ruleSetId: event.ruleSetId,
    procedureId: event.procedureId,
    provisional: false,
    excludedLawyers: [],
    reportedGrounds: [],
    refusalObjected: false,
    clocks: applyClocks([], event.clocks),
    lastOccurredAt: event.occurredAt
  }
  if (event.groups !== undefined) c.groups = event.groups
  if (event.type === "ApplicationReceived") {
    c.channel = event.channel
    if (event.eligibility !== undefined) c.assessment = event.eligibility
    if (event.recipients !== undefined && event.recipients > 1) c.recipients = event.recipients
  } else {
    c.organ = event.organ
    c.grounds = event.grounds
    if (event.requirements !== undefined) c.requirements = event.requirements
  }
  return c
}

/**
 * Folds a whole log into the case, or `undefined` for an empty log.
 *
 * @example
 * import { replay, type CaseEvent } from "fayuan/lifecycle"
 * declare const events: ReadonlyArray<CaseEvent>
 * const current = replay(events)
 *
 * @category folding
 */
export const replay = (events: ReadonlyArray<CaseEvent>): Case | undefined => {
  let c: Case | undefined
  for (const e of events) c = evolve(c, e)
  return c
}
