/**
 * The case machine's transition: `(case, command, context) → events | rejection`. Pure: it reads
 * the context's time, calendar and rule book and returns events as data. A rejected command
 * produces no events.
 *
 * @since 0.1.0
 */
import { Data, Result } from "effect"
import * as CalendarDate from "../CalendarDate.ts"
import * as Citation from "../Citation.ts"
import type { CitationId } from "../Citation.ts"
import * as Region from "../Region.ts"
import * as RuleBook from "../RuleBook.ts"
import type { PeriodRule, ProcedureRules } from "../RuleSet.ts"
import { proceedingStages } from "../RuleSet.ts"
import * as WorkCalendar from "../WorkCalendar.ts"
import type { Case } from "./Case.ts"
import { evolve, findRunning, isRunning } from "./Case.ts"
import type { Command, CommandOf, CommandType, Context } from "./Command.ts"
import type { CaseEvent, ClockChange, SpecialGroup } from "./Event.ts"
import { canonicalGroups } from "./Event.ts"
import type { Edge } from "./machine.ts"
import { specOf } from "./machine.ts"
import { chinaDate, hoursBetween } from "./time.ts"
import type { ClockKind, State } from "./vocabulary.ts"

/**
 * Why a command was rejected:
 * - `wrong-role`: the actor's role may not send it;
 * - `other-region`: the case (or the new case's region) is outside the actor's region;
 * - `wrong-state`: not allowed in the case's state;
 * - `not-assigned-lawyer`: a lawyer acting on a case not assigned to them;
 * - `no-such-case` / `case-exists`;
 * - `not-allowed`: the law does not allow it now (a deemed withdrawal before the deadline, …);
 * - `no-rules`: no rules in force on the date, or a parameter is missing;
 * - `invalid-context`: the context's time is not a valid instant.
 *
 * @category errors
 */
export type RejectionReason =
  | "wrong-role"
  | "other-region"
  | "wrong-state"
  | "not-assigned-lawyer"
  | "no-such-case"
  | "case-exists"
  | "not-allowed"
  | "no-rules"
  | "invalid-context"

/**
 * A rejected command. It names the command, the case's state and the reason; it holds no personal
 * data.
 *
 * @category errors
 */
export class CommandRejected extends Data.TaggedError("CommandRejected")<{
  readonly command: CommandType
  readonly reason: RejectionReason
  readonly state?: State
  readonly detail: string
}> {
  override get message(): string {
    return `${this.command} rejected (${this.reason}${this.state === undefined ? "" : ` in ${this.state}`}): ${this.detail}`
  }
}

type Draft = { readonly type: CaseEvent["type"]; readonly clocks?: ReadonlyArray<ClockChange> } & Record<string, unknown>

const reject = (command: CommandType, reason: RejectionReason, detail: string, state?: State): Result.Result<never, CommandRejected> => {
  // A rejection is a domain value, not a crash: its stack says nothing and costs most of its making.
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return Result.fail(new CommandRejected(state === undefined ? { command, reason, detail } : { command, reason, detail, state }))
  } finally {
    Error.stackTraceLimit = limit
  }
}

/** The date a period runs to under its rule. */
const dueDate = (
  rule: PeriodRule,
  length: number,
  start: CalendarDate.CalendarDate,
  ctx: Context,
  trialOn?: CalendarDate.CalendarDate
): CalendarDate.CalendarDate => {
  switch (rule.counting) {
    case "calendar-days":
      return WorkCalendar.addCalendarDays(ctx.calendar, start, length)
    case "working-days":
      return WorkCalendar.addWorkingDays(ctx.calendar, start, length)
    case "days-before-trial":
      return CalendarDate.addDays(trialOn ?? start, -length)
    case "hours":
      return CalendarDate.addDays(start, Math.ceil(length / 24))
  }
}

class Builder {
  readonly events: Array<CaseEvent> = []
  current: Case | undefined
  readonly ctx: Context
  readonly today: CalendarDate.CalendarDate
  readonly command: Command

  constructor(current: Case | undefined, command: Command, ctx: Context, today: CalendarDate.CalendarDate) {
    this.current = current
    this.command = command
    this.ctx = ctx
    this.today = today
  }

  get case(): Case {
    return this.current!
  }

  procedure(region: Region.RegionCode, on: CalendarDate.CalendarDate): ProcedureRules | string {
    return RuleBook.procedureFor(this.ctx.book, region, on) ?? `no procedure rules in force for ${region} on ${on}`
  }

  /** A clock start, or a reason it cannot start (missing parameter). */
  start(kind: ClockKind, rule: PeriodRule, region: Region.RegionCode, on: CalendarDate.CalendarDate, trialOn?: CalendarDate.CalendarDate): ClockChange | string {
    let length = rule.length
    if (length === undefined && rule.lengthParameter !== undefined) {
      const p = RuleBook.parameterOn(this.ctx.book, rule.lengthParameter, region, on, this.ctx.parameters)
      if (Result.isFailure(p)) return p.failure.message
      if (typeof p.success.value !== "number") return `parameter ${rule.lengthParameter} is not a number`
      length = p.success.value
    }
    if (length === undefined) return `period ${kind} has no length`
    const dueOn = dueDate(rule, length, on, this.ctx, trialOn)
    const change = { action: "start" as const, kind, startedOn: on, dueOn, counting: rule.counting, length, basis: rule.basis }
    // Working days depend on every day counted; a calendar-day period only on where it ends (moved off a holiday).
    const from = rule.counting === "working-days" ? on : rule.counting === "calendar-days" ? CalendarDate.addDays(on, length) : undefined
    return from !== undefined && !WorkCalendar.coversSpan(this.ctx.calendar, from, dueOn) ? { ...change, estimated: true } : change
  }

  emit(draft: Draft): void {
    const c = this.current
    const cmd = this.command as { caseId?: string; region?: Region.RegionCode }
    const event = {
      ...draft,
      schemaVersion: 1,
      caseId: c?.id ?? cmd.caseId!,
      region: c?.region ?? cmd.region!,
      sequence: (c?.version ?? 0) + 1,
      occurredAt: this.ctx.occurredAt ?? this.ctx.at,
      recordedAt: this.ctx.at,
      actor: { id: this.ctx.actor.id, role: this.ctx.actor.role },
      clocks: draft.clocks ?? []
    } as unknown as CaseEvent
    this.current = evolve(c, event)
    this.events.push(event)
  }

  stop(kind: ClockKind): ReadonlyArray<ClockChange> {
    return this.current !== undefined && isRunning(this.current, kind) ? [{ action: "stop", kind, on: this.today }] : []
  }

  cancel(...kinds: ReadonlyArray<ClockKind>): ReadonlyArray<ClockChange> {
    return this.current === undefined ? [] : kinds.filter((k) => isRunning(this.current!, k)).map((kind) => ({ action: "cancel", kind, on: this.today }))
  }
}

/** What a notice's grounds require of the lawyer: LAL-26 for life, death and death-penalty review; MPL-104-2 for minors. */
const requirementsOfGrounds = (grounds: ReadonlyArray<string>): { lawyerMinYears?: number; minorsSpecialist?: boolean } | undefined => {
  const r: { lawyerMinYears?: number; minorsSpecialist?: boolean } = {}
  if (grounds.some((g) => g === "LAL-25-1-4" || g === "LAL-25-1-5")) r.lawyerMinYears = 3
  if (grounds.includes("LAL-25-1-1")) r.minorsSpecialist = true
  return Object.keys(r).length === 0 ? undefined : r
}

const criminalKinds: ReadonlySet<string> = new Set(["criminal-defence", "criminal-victim", "private-prosecution", "incidental-civil", "compulsory-treatment"])

const grantOutcomes: ReadonlySet<string> = new Set(["eligible", "mandatory"])

/** Starts the assignment clock after a grant, by the kind of matter. */
const assignmentClock = (b: Builder): ReadonlyArray<ClockChange> | string => {
  const c = b.case
  const proc = b.procedure(c.region, b.today)
  if (typeof proc === "string") return proc
  const rule = proc.assignmentAfterGrant === undefined ? undefined : criminalKinds.has(c.kind) ? proc.assignmentAfterGrant.criminal : proc.assignmentAfterGrant.civil
  if (rule === undefined) return []
  const clock = b.start("assignment-after-grant", rule, c.region, b.today)
  return typeof clock === "string" ? clock : [clock]
}

/** The special groups an opening event records: canonical order, each once; none → no field. */
const groupsField = (groups: ReadonlyArray<SpecialGroup> | undefined): { groups?: ReadonlyArray<SpecialGroup> } =>
  groups === undefined || groups.length === 0 ? {} : { groups: canonicalGroups(groups) }

type Handler<T extends CommandType> = (b: Builder, command: CommandOf<T>, edge: (branch?: string) => Edge | undefined) => string | undefined

/** Each handler emits its events, or returns why the command is not allowed. */
const handlers: { readonly [T in CommandType]: Handler<T> } = {
  apply: (b, cmd) => {
    const proc = b.procedure(cmd.region, b.today)
    if (typeof proc === "string") return proc
    const rules = RuleBook.resolve(b.ctx.book, cmd.region, b.today)
    if (Result.isFailure(rules)) return rules.failure.message
    const clocks: Array<ClockChange> = []
    if (proc.decision !== undefined) {
      const c = b.start("decision", proc.decision, cmd.region, b.today)
      if (typeof c === "string") return c
      clocks.push(c)
    }
    let forwarding: Record<string, unknown> | undefined
    if (cmd.channel === "detention-forwarded") {
      if (cmd.forwarding === undefined) return "a forwarded application needs forwarding.requestedAt and forwarding.receivedAt"
      const hours = hoursBetween(cmd.forwarding.requestedAt, cmd.forwarding.receivedAt)
      const requestedOn = chinaDate(cmd.forwarding.requestedAt)
      if (hours === undefined || requestedOn === undefined || hours < 0) return "forwarding times are not valid instants in order"
      if (proc.detaineeForwarding !== undefined) {
        const limit = proc.detaineeForwarding.length ?? 24
        const met = hours <= limit
        forwarding = { requestedAt: cmd.forwarding.requestedAt, receivedAt: cmd.forwarding.receivedAt, hours, met, basis: proc.detaineeForwarding.basis }
        clocks.push({
          action: "start",
          kind: "detainee-forwarding",
          startedOn: requestedOn,
          dueOn: CalendarDate.addDays(requestedOn, 1),
          counting: "hours",
          length: limit,
          basis: proc.detaineeForwarding.basis,
          met
        })
      }
    } else if (cmd.forwarding !== undefined) {
      return "forwarding applies only to the detention-forwarded channel"
    }
    b.emit({
      type: "ApplicationReceived",
      kind: cmd.kind,
      channel: cmd.channel,
      receivedOn: b.today,
      ruleSetId: rules.success.ruleSet.id,
      procedureId: proc.id,
      ...groupsField(cmd.groups),
      ...(cmd.eligibility === undefined ? {} : { eligibility: cmd.eligibility }),
      ...(cmd.recipients === undefined || cmd.recipients === 1 ? {} : { recipients: cmd.recipients }),
      ...(forwarding === undefined ? {} : { forwarding }),
      clocks
    })
    return undefined
  },
  notify: (b, cmd) => {
    if (cmd.kind !== "criminal-defence" && cmd.kind !== "compulsory-treatment") {
      return `a notification concerns a criminal defence or compulsory treatment, not ${cmd.kind}`
    }
    for (const g of cmd.grounds) if (!Citation.isKnown(g)) return `unknown citation ${g}`
    const proc = b.procedure(cmd.region, b.today)
    if (typeof proc === "string") return proc
    const rules = RuleBook.resolve(b.ctx.book, cmd.region, b.today)
    if (Result.isFailure(rules)) return rules.failure.message
    if (cmd.trialOn !== undefined && cmd.trialOn < b.today) return "the trial date is before the notice"
    const rule = cmd.trialOn !== undefined && proc.assignmentBeforeTrial !== undefined ? proc.assignmentBeforeTrial : proc.assignmentAfterNotification
    const clocks: Array<ClockChange> = []
    if (rule !== undefined) {
      const c = b.start("assignment-after-notification", rule, cmd.region, b.today, cmd.trialOn)
      if (typeof c === "string") return c
      clocks.push(c)
    }
    const requirements = cmd.requirements ?? requirementsOfGrounds(cmd.grounds)
    b.emit({
      type: "NotificationReceived",
      kind: cmd.kind,
      organ: cmd.organ,
      receivedOn: b.today,
      grounds: cmd.grounds,
      ...(cmd.trialOn === undefined ? {} : { trialOn: cmd.trialOn }),
      ...(requirements === undefined ? {} : { requirements }),
      ruleSetId: rules.success.ruleSet.id,
      procedureId: proc.id,
      ...groupsField(cmd.groups),
      clocks
    })
    return undefined
  },
  requestMaterials: (b, cmd) => {
    const proc = b.procedure(b.case.region, b.today)
    if (typeof proc === "string") return proc
    const supply = b.start("materials-supply", proc.materialsSupply, b.case.region, b.today)
    if (typeof supply === "string") return supply
    b.emit({ type: "MaterialsRequested", missing: cmd.missing, basis: proc.materialsSupply.basis, clocks: [...b.cancel("decision"), supply] })
    return undefined
  },
  supplyMaterials: (b) => {
    const proc = b.procedure(b.case.region, b.today)
    if (typeof proc === "string") return proc
    const clocks: Array<ClockChange> = [...b.stop("materials-supply")]
    if (proc.decision !== undefined) {
      const c = b.start("decision", proc.decision, b.case.region, b.today)
      if (typeof c === "string") return c
      clocks.push(c)
    }
    b.emit({ type: "MaterialsSupplied", clocks })
    return undefined
  },
  startReview: (b) => {
    b.emit({ type: "ReviewStarted" })
    return undefined
  },
  withdraw: (b, cmd) => {
    let basis: CitationId | undefined
    if (cmd.deemed) {
      const i = findRunning(b.case.clocks, "materials-supply")
      if (b.case.state !== "awaiting-materials" || i < 0) return "deemed withdrawal needs an open request for materials"
      const clock = b.case.clocks[i]!
      if (b.today <= clock.dueOn) return `the materials are due by ${clock.dueOn}; the application is not yet deemed withdrawn`
      basis = clock.basis
    }
    b.emit({ type: "ApplicationWithdrawn", deemed: cmd.deemed, ...(basis === undefined ? {} : { basis }), clocks: b.cancel("decision", "materials-supply") })
    return undefined
  },
  assess: (b, cmd) => {
    b.emit({ type: "EligibilityAssessed", eligibility: cmd.eligibility })
    return undefined
  },
  decide: (b, cmd) => {
    const e = cmd.eligibility ?? b.case.assessment
    if (e === undefined) return "no eligibility decision: send it with the command, or record one with apply or assess first"
    if (e.outcome === "incomplete") return "an incomplete application is not decided: request the missing materials"
    if (grantOutcomes.has(e.outcome)) {
      const stop = b.stop("decision")
      const assignment = assignmentClock(b)
      if (typeof assignment === "string") return assignment
      b.emit({ type: "AidGranted", eligibility: e, byObjection: false, clocks: [...stop, ...assignment] })
    } else {
      b.emit({ type: "AidRefused", eligibility: e, clocks: b.stop("decision") })
    }
    return undefined
  },
  objectToRefusal: (b) => {
    if (b.case.refusalObjected) return "the refusal was already objected to"
    const proc = b.procedure(b.case.region, b.today)
    if (typeof proc === "string") return proc
    if (proc.refusalObjection === undefined) return `${proc.id} allows no objection to a refusal`
    const clock = b.start("refusal-objection", proc.refusalObjection, b.case.region, b.today)
    if (typeof clock === "string") return clock
    b.emit({ type: "RefusalObjected", basis: proc.refusalObjection.basis, clocks: [clock] })
    return undefined
  },
  decideObjection: (b, cmd) => {
    const basis = b.case.clocks[findRunning(b.case.clocks, "refusal-objection")]?.basis
    const stop = b.stop("refusal-objection")
    if (cmd.upheld) {
      // The bureau orders the institution to correct its decision: the grant records the corrected one.
      if (cmd.eligibility === undefined || !grantOutcomes.has(cmd.eligibility.outcome)) {
        return "an upheld objection needs the corrected eligibility decision (eligible or mandatory)"
      }
      const assignment = assignmentClock(b)
      if (typeof assignment === "string") return assignment
      b.emit({ type: "AidGranted", eligibility: cmd.eligibility, byObjection: true, clocks: [...stop, ...assignment] })
    } else {
      b.emit({ type: "RefusalFinal", upheldByBureau: true, ...(basis === undefined ? {} : { basis }), clocks: stop })
    }
    return undefined
  },
  finaliseRefusal: (b) => {
    b.emit({ type: "RefusalFinal", upheldByBureau: false })
    return undefined
  },
  preGrant: (b, cmd) => {
    const proc = b.procedure(b.case.region, b.today)
    if (typeof proc === "string") return proc
    if (proc.preGrant === undefined) return `${proc.id} has no urgent pre-grant`
    if (!proc.preGrant.includes(cmd.ground as CitationId)) return `${cmd.ground} is not a ground for a pre-grant (${proc.preGrant.join(", ")})`
    const stop = [...b.stop("decision"), ...b.cancel("materials-supply")]
    const assignment = assignmentClock(b)
    if (typeof assignment === "string") return assignment
    b.emit({ type: "PreGranted", ground: cmd.ground, clocks: [...stop, ...assignment] })
    return undefined
  },
  completeFormalities: (b, cmd, edge) => {
    if (!b.case.provisional) return "only a pre-granted case completes its formalities"
    const e = cmd.eligibility
    if (e.outcome === "incomplete") return "the formalities are not complete"
    b.emit({ type: "FormalitiesCompleted", eligibility: e })
    if (!grantOutcomes.has(e.outcome) && edge("not-eligible") !== undefined) {
      const proc = b.procedure(b.case.region, b.today)
      if (typeof proc === "string") return proc
      const ground = proc.terminationGrounds.at(-1)!
      b.emit({ type: "AidTerminated", ground, priorState: b.case.state, clocks: b.cancel("assignment-after-grant", "assignment-after-notification") })
    }
    return undefined
  },
  assign: (b, cmd) => {
    if (b.case.excludedLawyers.includes(cmd.lawyerId)) return "this lawyer was replaced on this case and may not take it again"
    b.emit({
      type: "LawyerAssigned",
      lawyerId: cmd.lawyerId,
      firmId: cmd.firmId,
      ...(cmd.rationale === undefined ? {} : { rationale: cmd.rationale }),
      clocks: [...b.stop("assignment-after-grant"), ...b.stop("assignment-after-notification")]
    })
    return undefined
  },
  reassign: (b, cmd) => {
    const previous = b.case.lawyer!.lawyerId
    if (cmd.lawyerId === previous) return "the case is already assigned to this lawyer"
    if (b.case.excludedLawyers.includes(cmd.lawyerId)) return "this lawyer was replaced on this case and may not take it again"
    const proc = b.procedure(b.case.region, b.today)
    const basis = cmd.reason === "complaint" && typeof proc !== "string" ? proc.complaintBasis : undefined
    b.emit({
      type: "LawyerReassigned",
      lawyerId: cmd.lawyerId,
      firmId: cmd.firmId,
      previousLawyerId: previous,
      reason: cmd.reason,
      ...(basis === undefined ? {} : { basis }),
      ...(cmd.rationale === undefined ? {} : { rationale: cmd.rationale })
    })
    return undefined
  },
  startHandling: (b) => {
    b.emit({ type: "HandlingStarted" })
    return undefined
  },
  reportTerminationGround: (b, cmd) => {
    const proc = b.procedure(b.case.region, b.today)
    if (typeof proc === "string") return proc
    if (!proc.terminationGrounds.includes(cmd.ground as CitationId)) return `${cmd.ground} is not a termination ground under ${proc.id}`
    b.emit({ type: "TerminationGroundReported", ground: cmd.ground, basis: proc.id === "LAL-2022" ? "LAL-48-2" : "LAR-23" })
    return undefined
  },
  terminate: (b, cmd) => {
    const proc = b.procedure(b.case.region, b.today)
    if (typeof proc === "string") return proc
    if (!proc.terminationGrounds.includes(cmd.ground as CitationId)) {
      return `${cmd.ground} is not a termination ground under ${proc.id} (${proc.terminationGrounds.join(", ")})`
    }
    b.emit({ type: "AidTerminated", ground: cmd.ground, priorState: b.case.state, clocks: b.cancel("assignment-after-grant", "assignment-after-notification") })
    return undefined
  },
  objectToTermination: (b) => {
    const t = b.case.termination!
    if (t.objected) return "the termination was already objected to"
    const proc = b.procedure(b.case.region, b.today)
    if (typeof proc === "string") return proc
    if (proc.terminationObjection === undefined) return `${proc.id} allows no objection to a termination (LAR-19 covers refusals only)`
    const clock = b.start("termination-objection", proc.terminationObjection, b.case.region, b.today)
    if (typeof clock === "string") return clock
    b.emit({ type: "TerminationObjected", basis: proc.terminationObjection.basis, clocks: [clock] })
    return undefined
  },
  decideTerminationObjection: (b, cmd, edge) => {
    const t = b.case.termination!
    const basis = b.case.clocks[findRunning(b.case.clocks, "termination-objection")]?.basis ?? "LAL-49-2"
    if (cmd.upheld) {
      if (edge("upheld") === undefined) return `cannot resume ${t.priorState}`
      const stop = b.stop("termination-objection")
      // Resumed before any assignment: the assignment period runs again from today.
      const assignment = t.priorState === "granted" ? assignmentClock(b) : []
      if (typeof assignment === "string") return assignment
      b.emit({ type: "TerminationObjectionDecided", upheld: true, basis, resumedState: t.priorState, clocks: [...stop, ...assignment] })
    } else {
      b.emit({ type: "TerminationObjectionDecided", upheld: false, basis, clocks: b.stop("termination-objection") })
    }
    return undefined
  },
  recordOutcome: (b, cmd) => {
    if (b.case.endedOn !== undefined) return "the outcome is already recorded"
    if (cmd.endedOn > b.today) return "the matter cannot end in the future"
    if (cmd.endedOn < b.case.receivedOn) return "the matter cannot end before the case was received"
    const proc = b.procedure(b.case.region, cmd.endedOn)
    if (typeof proc === "string") return proc
    const clock = b.start("closing-materials", proc.closingMaterials, b.case.region, cmd.endedOn)
    if (typeof clock === "string") return clock
    if (cmd.withdrawal !== undefined && cmd.outcome !== "withdrawn-by-party") return "a withdrawal (before or during the hearing) goes with the outcome withdrawn-by-party"
    if (cmd.stagesCompleted !== undefined && !criminalKinds.has(b.case.kind)) return `stages completed apply to criminal matters, not ${b.case.kind}`
    if (cmd.stagesCompleted !== undefined && new Set(cmd.stagesCompleted).size !== cmd.stagesCompleted.length) return "a stage is listed twice"
    b.emit({
      type: "OutcomeRecorded",
      endedOn: cmd.endedOn,
      outcome: cmd.outcome,
      ...(cmd.stagesCompleted === undefined ? {} : { stagesCompleted: proceedingStages.filter((s) => cmd.stagesCompleted!.includes(s)) }),
      ...(cmd.withdrawal === undefined ? {} : { withdrawal: cmd.withdrawal }),
      clocks: [clock]
    })
    return undefined
  },
  conclude: (b) => {
    if (b.case.endedOn === undefined) return "record the outcome before filing the closing materials"
    if (b.case.provisional) return "complete the pre-grant formalities first"
    const basis = b.case.clocks[findRunning(b.case.clocks, "closing-materials")]?.basis ?? "LAL-50"
    b.emit({ type: "CaseConcluded", basis, clocks: b.stop("closing-materials") })
    return undefined
  },
  grade: (b, cmd) => {
    b.emit({ type: "QualityGraded", grade: cmd.grade })
    return undefined
  },
  archive: (b) => {
    // A terminated case can be archived at once; archiving ends the recipient's chance to object,
    // so a centre archives after the objection period it allows.
    b.emit({ type: "CaseArchived" })
    return undefined
  }
}

/**
 * Runs a command against a case (`undefined` for the commands that open one) and returns the
 * events it produces, or why it is rejected. Checks, in order: the role; the region (the actor's
 * region must contain the case's); the state; that a lawyer acts on their own case; then the
 * command's own conditions under the law in force that day.
 *
 * @example
 * import { Region } from "fayuan"
 * import { transition, type Context } from "fayuan/lifecycle"
 * declare const ctx: Context
 * const r = transition(undefined, { type: "apply", caseId: "c1", region: Region.makeUnsafe("530103"), kind: "civil", channel: "centre" }, ctx)
 *
 * @category transition
 */
export const transition = (
  current: Case | undefined,
  command: Command,
  ctx: Context
): Result.Result<ReadonlyArray<CaseEvent>, CommandRejected> => {
  const r = run(current, command, ctx)
  return Result.isFailure(r) ? Result.fail(r.failure) : Result.succeed(r.success.events)
}

const run = (
  current: Case | undefined,
  command: Command,
  ctx: Context
): Result.Result<Builder, CommandRejected> => {
  const spec = specOf(command.type)
  const actor = ctx.actor
  const state = current?.state
  if (!spec.roles.includes(actor.role)) {
    return reject(command.type, "wrong-role", `${actor.role} may not ${command.type}; it is for ${spec.roles.join(", ")}`, state)
  }
  const today = chinaDate(ctx.occurredAt ?? ctx.at)
  if (today === undefined || (ctx.occurredAt !== undefined && chinaDate(ctx.at) === undefined)) {
    return reject(command.type, "invalid-context", "the context's time is not an ISO 8601 instant with an offset", state)
  }
  if (spec.opens) {
    if (current !== undefined) return reject(command.type, "case-exists", "a case with this id already exists", state)
    const region = (command as CommandOf<"apply" | "notify">).region
    if (!Region.contains(actor.region, region)) return reject(command.type, "other-region", `region ${region} is outside the actor's region ${actor.region}`)
  } else {
    if (current === undefined) return reject(command.type, "no-such-case", "there is no such case")
    if (!Region.contains(actor.region, current.region)) {
      return reject(command.type, "other-region", `the case belongs to region ${current.region}, outside the actor's region ${actor.region}`, state)
    }
    if (!spec.from.has(current.state)) return reject(command.type, "wrong-state", `not allowed in ${current.state}`, state)
    if (spec.ownCase && current.lawyer?.lawyerId !== actor.id) {
      return reject(command.type, "not-assigned-lawyer", "the case is not assigned to this lawyer", state)
    }
  }
  if (today < (current?.receivedOn ?? today)) return reject(command.type, "not-allowed", "the command is dated before the case was received", state)
  const b = new Builder(current, command, ctx, today)
  const from = current?.state ?? "start"
  const edge = (branch?: string) => spec.edges.find((e) => e.from === from && (branch === undefined || e.branch === branch))
  const handler = handlers[command.type] as Handler<CommandType>
  const problem = handler(b, command as never, edge)
  if (problem !== undefined) {
    const reason: RejectionReason = /no procedure rules|no rule set|parameter|no length/.test(problem) ? "no-rules" : "not-allowed"
    return reject(command.type, reason, problem, state)
  }
  return Result.succeed(b)
}

/**
 * {@link transition}, also returning the case after the events.
 *
 * @category transition
 */
export const step = (
  current: Case | undefined,
  command: Command,
  ctx: Context
): Result.Result<{ readonly case: Case; readonly events: ReadonlyArray<CaseEvent> }, CommandRejected> => {
  const r = run(current, command, ctx)
  return Result.isFailure(r) ? Result.fail(r.failure) : Result.succeed({ case: r.success.case, events: r.success.events })
}
