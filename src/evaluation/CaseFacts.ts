/**
 * The facts of a case an evaluation groups by — its class, special groups, eligibility outcome,
 * grant, assignment, end, grade, complaints and the days each happened — and of its clocks,
 * folded from the case (and its log's dates).
 *
 * @since 0.1.0
 */
import type * as CalendarDate from "../CalendarDate.ts"
import type { Case } from "../lifecycle/Case.ts"
import type { CaseEvent, EligibilitySummary, SpecialGroup } from "../lifecycle/Event.ts"
import { specialGroups } from "../lifecycle/Event.ts"
import { chinaDate } from "../lifecycle/time.ts"
import type { ClockKind, Grade, MatterOutcome, State } from "../lifecycle/vocabulary.ts"
import * as Region from "../Region.ts"
import type { MatterKind } from "../RuleSet.ts"
import { timelinessClocks } from "./MatterClass.ts"

// ---------------------------------------------------------------------------------------------
// Case facts

/**
 * What an evaluation needs to know of a case — the columns the SQL adapters keep beside the
 * case's head, so aggregates never fold a log.
 *
 * @category case facts
 */
export interface CaseFacts {
  readonly region: Region.RegionCode
  readonly caseId: string
  readonly kind: MatterKind
  readonly origin: "application" | "notification"
  readonly receivedOn: CalendarDate.CalendarDate
  readonly groups: ReadonlyArray<SpecialGroup>
  readonly eligibilityOutcome?: EligibilitySummary["outcome"] | undefined
  /** The day of the eligibility decision behind `eligibilityOutcome`. */
  readonly decidedOn: CalendarDate.CalendarDate | undefined
  /** The due date of the case's first assignment clock (the time limit to assign a lawyer). */
  readonly assignmentDueOn: CalendarDate.CalendarDate | undefined
  /** Aid was granted at some point (notified, granted, pre-granted; terminated later or not). */
  readonly granted: boolean
  /** The day aid was first granted (a notified case: the day it was received). */
  readonly grantedOn: CalendarDate.CalendarDate | undefined
  readonly lawyerAssigned: boolean
  /** The day a lawyer was first assigned. */
  readonly lawyerAssignedOn: CalendarDate.CalendarDate | undefined
  readonly endedOn?: CalendarDate.CalendarDate | undefined
  /** The day the closing materials were filed (结案). */
  readonly concludedOn?: CalendarDate.CalendarDate | undefined
  readonly outcome?: MatterOutcome | undefined
  readonly grade?: Grade | undefined
  /** The day the case was (last) graded. */
  readonly gradedOn: CalendarDate.CalendarDate | undefined
  /** Lawyers replaced after the recipient's complaint. */
  readonly complaints: number
}

/**
 * One clock of a case as the evaluation sees it. `met` is known once the clock stopped (hour
 * clocks at once); `idx` is its place in the case's clocks.
 *
 * @category case facts
 */
export interface ClockFacts {
  readonly region: Region.RegionCode
  readonly caseId: string
  readonly idx: number
  readonly kind: ClockKind
  readonly startedOn: CalendarDate.CalendarDate
  readonly dueOn: CalendarDate.CalendarDate
  readonly stoppedOn?: CalendarDate.CalendarDate | undefined
  readonly cancelledOn?: CalendarDate.CalendarDate | undefined
  readonly met?: boolean | undefined
}

/** States in which aid was never granted. */
const notGranted: ReadonlySet<State> = new Set(["received", "awaiting-materials", "under-review", "refused", "refusal-objection", "refusal-final", "withdrawn"])

/**
 * The days a case's facts changed, which the case itself does not keep: folded from its events
 * ({@link evolveDates}), so an evaluation of a past period counts what had happened by its end.
 *
 * @category case facts
 */
export interface CaseDates {
  /** The day aid was first granted (notification received, aid granted, pre-granted). */
  readonly grantedOn?: CalendarDate.CalendarDate | undefined
  /** The day a lawyer was first assigned. */
  readonly lawyerAssignedOn?: CalendarDate.CalendarDate | undefined
  /** The day of the latest quality grade. */
  readonly gradedOn?: CalendarDate.CalendarDate | undefined
  /** The day of the latest eligibility decision (granted, refused, formalities completed). */
  readonly decidedOn?: CalendarDate.CalendarDate | undefined
}

const eventDate = (instant: string): CalendarDate.CalendarDate => chinaDate(instant) ?? (instant.slice(0, 10) as CalendarDate.CalendarDate)

/**
 * Applies one event to a case's dates (an event's day is its `occurredAt` in China).
 *
 * Adapters fold a log's dates with it: `events.reduce(evolveDates, {})`.
 *
 * @category case facts
 */
export const evolveDates = (dates: CaseDates, event: CaseEvent): CaseDates => {
  switch (event.type) {
    case "NotificationReceived":
      return dates.grantedOn === undefined ? { ...dates, grantedOn: event.receivedOn } : dates
    case "AidGranted": {
      const on = eventDate(event.occurredAt)
      return { ...dates, grantedOn: dates.grantedOn ?? on, decidedOn: on }
    }
    case "AidRefused":
    case "FormalitiesCompleted":
      return { ...dates, decidedOn: eventDate(event.occurredAt) }
    case "PreGranted":
      return dates.grantedOn === undefined ? { ...dates, grantedOn: eventDate(event.occurredAt) } : dates
    case "LawyerAssigned":
    case "LawyerReassigned":
      return dates.lawyerAssignedOn === undefined ? { ...dates, lawyerAssignedOn: eventDate(event.occurredAt) } : dates
    case "QualityGraded":
      return { ...dates, gradedOn: eventDate(event.occurredAt) }
    default:
      return dates
  }
}

/**
 * The dates of a case, folded from its whole log.
 *
 * @category case facts
 */
export const caseDates = (events: Iterable<CaseEvent>): CaseDates => {
  let dates: CaseDates = {}
  for (const e of events) dates = evolveDates(dates, e)
  return dates
}

/**
 * The facts of a case. Give the dates folded from its log ({@link caseDates}); without them they
 * are estimated from the case alone (the assignment clock's stop or the lawyer's `since`, the
 * decision clock's stop or the day of receipt, the last event's day for a grade).
 *
 * @example
 * import { caseFacts } from "fayuan/evaluation"
 * import { replay, type CaseEvent } from "fayuan/lifecycle"
 * declare const events: ReadonlyArray<CaseEvent>
 * caseFacts(replay(events)!).grantedOn
 *
 * @category case facts
 */
export const caseFacts = (c: Case, dates?: CaseDates): CaseFacts => {
  let concludedOn: CalendarDate.CalendarDate | undefined
  for (const clock of c.clocks) if (clock.kind === "closing-materials" && clock.stoppedOn !== undefined) concludedOn = clock.stoppedOn
  const granted = !notGranted.has(c.state)
  const firstStop = (kinds: ReadonlyArray<ClockKind>) => c.clocks.find((k) => kinds.includes(k.kind) && k.stoppedOn !== undefined)?.stoppedOn
  const grantedOn = !granted ? undefined : dates !== undefined ? dates.grantedOn : c.origin === "notification" ? c.receivedOn : (firstStop(["decision"]) ?? c.receivedOn)
  const lawyerAssignedOn =
    c.lawyer === undefined ? undefined : dates !== undefined ? dates.lawyerAssignedOn : (firstStop(timelinessClocks.assignment) ?? c.lawyer.since)
  const gradedOn = c.grade === undefined ? undefined : dates !== undefined ? dates.gradedOn : eventDate(c.lastOccurredAt)
  const decidedOn = c.eligibility === undefined ? undefined : dates !== undefined ? dates.decidedOn : (firstStop(["decision"]) ?? eventDate(c.lastOccurredAt))
  const assignmentDueOn = c.clocks.find((k) => (timelinessClocks.assignment as ReadonlyArray<ClockKind>).includes(k.kind))?.dueOn
  return {
    region: c.region,
    caseId: c.id,
    kind: c.kind,
    origin: c.origin,
    receivedOn: c.receivedOn,
    groups: c.groups ?? [],
    eligibilityOutcome: c.eligibility?.outcome,
    decidedOn,
    assignmentDueOn,
    granted,
    grantedOn,
    lawyerAssigned: c.lawyer !== undefined,
    lawyerAssignedOn,
    endedOn: c.endedOn,
    concludedOn,
    outcome: c.outcome,
    grade: c.grade,
    gradedOn,
    complaints: c.complaints ?? 0
  }
}

/**
 * The facts of one clock of a case.
 *
 * @category case facts
 */
export const clockFactsAt = (c: Case, idx: number): ClockFacts => {
  const k = c.clocks[idx]!
  const met = k.met ?? (k.stoppedOn !== undefined && k.cancelledOn === undefined ? k.stoppedOn <= k.dueOn : undefined)
  return {
    region: c.region,
    caseId: c.id,
    idx,
    kind: k.kind,
    startedOn: k.startedOn,
    dueOn: k.dueOn,
    stoppedOn: k.stoppedOn,
    cancelledOn: k.cancelledOn,
    met
  }
}

/**
 * The facts of every clock of a case.
 *
 * @category case facts
 */
export const clockFacts = (c: Case): ReadonlyArray<ClockFacts> => c.clocks.map((_, i) => clockFactsAt(c, i))

/**
 * Special groups as stored in a column: `|minor|disabled|`, or empty.
 *
 * @category case facts
 */
export const encodeGroups = (groups: ReadonlyArray<SpecialGroup>): string => (groups.length === 0 ? "" : `|${groups.join("|")}|`)

/**
 * Special groups from their column.
 *
 * @category case facts
 */
export const decodeGroups = (text: string): ReadonlyArray<SpecialGroup> =>
  text === "" ? [] : specialGroups.filter((g) => text.includes(`|${g}|`))

/**
 * The status of a clock on a day, from its facts: the same as the lifecycle's `clockStatus`.
 *
 * @category clocks
 */
export const clockStatusOf = (f: ClockFacts, on: string): "met" | "missed" | "cancelled" | "running" | "due" | "overdue" => {
  if (f.cancelledOn !== undefined && f.cancelledOn <= on) return "cancelled"
  if (f.met !== undefined && f.stoppedOn !== undefined && f.stoppedOn <= on) return f.met ? "met" : "missed"
  if (on < f.dueOn) return "running"
  return on === f.dueOn ? "due" : "overdue"
}
