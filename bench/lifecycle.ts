/**
 * Case lifecycle benchmark: fayuan's pure `step` (transition + evolve) over a few thousand seeded
 * case scripts; the same machine built in XState 5 from the same `machine` table and driven by
 * XState's pure `transition` over the same scripts (both must end every script alike); and
 * `replay` folding the event logs those scripts produce.
 */
import { Result } from "effect"
import { assign, getInitialSnapshot, setup, transition as xTransition } from "xstate"
import * as CalendarDate from "../src/CalendarDate.ts"
import type { Case } from "../src/lifecycle/Case.ts"
import { replay } from "../src/lifecycle/Case.ts"
import type { Actor, Command, CommandOf, CommandType, Context } from "../src/lifecycle/Command.ts"
import type { CaseEvent, EligibilitySummary } from "../src/lifecycle/Event.ts"
import type { CommandSpec } from "../src/lifecycle/machine.ts"
import { machine, specOf } from "../src/lifecycle/machine.ts"
import { chinaDate } from "../src/lifecycle/time.ts"
import { step } from "../src/lifecycle/transition.ts"
import type { ClockKind, ReassignReason, Role, State } from "../src/lifecycle/vocabulary.ts"
import { roles } from "../src/lifecycle/vocabulary.ts"
import * as Region from "../src/Region.ts"
import { defaultRuleBook } from "../src/RuleBook.ts"
import * as WorkCalendar from "../src/WorkCalendar.ts"
import { measure, print, xorshift } from "./harness.ts"

const SCRIPTS = 4_000
const SEED = 20240101

// ---------------------------------------------------------------------------------------------
// Seeded scripts

interface Step {
  readonly command: Command
  readonly ctx: Context
  /** Whether the script means the command to be accepted. */
  readonly expect: "accept" | "reject"
}

const counties = ["530102", "530103", "530111", "530112", "530114"].map(Region.makeUnsafe)
const kunming = Region.makeUnsafe("5301")
const yunnan = Region.makeUnsafe("53")
const yuxi = Region.makeUnsafe("5304")

const granted: EligibilitySummary = { outcome: "eligible", meansTest: "passed", citations: ["LAL-31-1-4", "LAL-34"], ruleSetId: "LAL-2022" }
const refused: EligibilitySummary = { outcome: "ineligible", meansTest: "failed", citations: ["LAL-31-1-4", "LAL-34"], ruleSetId: "LAL-2022" }
const incomplete: EligibilitySummary = { outcome: "incomplete", meansTest: "not-assessed", citations: ["LAL-43"], ruleSetId: "LAL-2022" }
const firstDay = CalendarDate.toEpochDay(CalendarDate.makeUnsafe("2024-01-02"))

/** Commands that a script may send in the wrong state, with the role that may send them. */
const strayCommands: ReadonlyArray<Command> = [
  { type: "startReview" },
  { type: "supplyMaterials" },
  { type: "objectToRefusal" },
  { type: "finaliseRefusal" },
  { type: "startHandling" },
  { type: "conclude" },
  { type: "grade", grade: "good" },
  { type: "archive" },
  { type: "objectToTermination" },
  { type: "decide", eligibility: granted },
  { type: "assign", lawyerId: "L-stray", firmId: "F-stray" }
]

/** Builds one case script, tracking the state the script means the case to be in. */
class ScriptBuilder {
  readonly steps: Array<Step> = []
  readonly next: () => number
  readonly caseId: string
  readonly region: Region.RegionCode
  readonly actorRegion: Region.RegionCode
  state: State | "start" = "start"
  lawyer: string | undefined
  outcomeRecorded = false
  receivedOn: CalendarDate.CalendarDate | undefined
  day: number
  lawyers = 0

  constructor(next: () => number, index: number) {
    this.next = next
    this.caseId = `c${index}`
    this.region = this.pick(counties)
    const r = next()
    this.actorRegion = r < 0.75 ? this.region : r < 0.95 ? kunming : yunnan
    this.day = firstDay + Math.floor(next() * 270)
  }

  pick<T>(xs: ReadonlyArray<T>): T {
    return xs[Math.floor(this.next() * xs.length)]!
  }

  get today(): CalendarDate.CalendarDate {
    return CalendarDate.fromEpochDay(this.day)
  }

  ctx(role: Role, id: string = role, region: Region.RegionCode = this.actorRegion): Context {
    const hh = String(8 + Math.floor(this.next() * 10)).padStart(2, "0")
    const mm = String(Math.floor(this.next() * 60)).padStart(2, "0")
    return { at: `${this.today}T${hh}:${mm}:00+08:00`, calendar: WorkCalendar.china, book: defaultRuleBook, actor: { id, role, region } }
  }

  /** Sends a command the script means to be accepted; about one time in ten a rejected one goes first. */
  send(command: Command, role: Role, to: State, id: string = role): this {
    if (this.next() < 0.1) this.stray(command, role, id)
    this.steps.push({ command, ctx: this.ctx(role, id), expect: "accept" })
    if (command.type === "apply" || command.type === "notify") this.receivedOn = this.today
    this.state = to
    this.day += Math.floor(this.next() * 4)
    return this
  }

  /** A command the machine must reject: wrong role, other region, wrong state, another lawyer, or not allowed now. */
  stray(command: Command, role: Role, id: string): void {
    const reject = (c: Command, ctx: Context) => this.steps.push({ command: c, ctx, expect: "reject" })
    const spec = specOf(command.type)
    const kind = this.next()
    if (kind < 0.3) {
      const wrong = roles.filter((r) => !spec.roles.includes(r))
      reject(command, this.ctx(this.pick(wrong), id))
    } else if (kind < 0.45) {
      reject(command, this.ctx(role, id, yuxi))
    } else if (kind < 0.7 || this.state === "start") {
      const candidates = strayCommands.filter((c) => !specOf(c.type).edges.some((e) => e.from === this.state))
      const c = this.pick(candidates)
      const r = specOf(c.type).roles[0]!
      reject(c, this.ctx(r, r === "lawyer" ? (this.lawyer ?? "L-none") : r))
    } else if ((this.state === "assigned" || this.state === "in-progress") && spec.ownCase) {
      reject(command, this.ctx("lawyer", "L-other"))
    } else if (this.state === "in-progress" && !this.outcomeRecorded) {
      reject({ type: "conclude" }, this.ctx("lawyer", this.lawyer!))
    } else if (this.state === "received" || this.state === "under-review") {
      reject({ type: "decide", eligibility: incomplete }, this.ctx("reviewer"))
    } else if (this.state === "assigned" || this.state === "in-progress") {
      reject({ type: "reassign", lawyerId: this.lawyer!, firmId: "F1", reason: "conflict" }, this.ctx("dispatcher"))
    } else {
      reject(command, this.ctx("auditor"))
    }
  }

  apply(): this {
    return this.send({ type: "apply", caseId: this.caseId, region: this.region, kind: "civil", channel: this.pick(["centre", "online", "hotline-12348"]) }, "intake", "received")
  }

  assign(): this {
    const lawyerId = `L${++this.lawyers}`
    this.send({ type: "assign", lawyerId, firmId: "F1" }, "dispatcher", "assigned")
    this.lawyer = lawyerId
    return this
  }

  lawyerSends(command: Command, to: State): this {
    return this.send(command, "lawyer", to, this.lawyer!)
  }

  recordOutcome(): this {
    const back = Math.min(Math.floor(this.next() * 3), CalendarDate.diffDays(this.receivedOn!, this.today))
    this.lawyerSends({ type: "recordOutcome", endedOn: CalendarDate.addDays(this.today, -back), outcome: this.pick(["judgment", "mediation", "settlement"]) }, "in-progress")
    this.outcomeRecorded = true
    return this
  }

  /** From in-progress to archived. */
  finish(): this {
    this.recordOutcome()
    this.lawyerSends({ type: "conclude" }, "concluded")
    this.send({ type: "grade", grade: this.pick(["excellent", "good", "pass", "fail"]) }, "quality", "quality-assessed")
    return this.send({ type: "archive" }, "intake", "archived")
  }

  /** From granted to archived, sometimes with a change of lawyer. */
  handle(): this {
    this.assign()
    if (this.next() < 0.15) {
      const reason: ReassignReason = this.pick(["complaint", "conflict", "unavailable"])
      const lawyerId = `L${++this.lawyers}`
      this.send({ type: "reassign", lawyerId, firmId: "F2", reason }, "dispatcher", "assigned")
      this.lawyer = lawyerId
    }
    this.lawyerSends({ type: "startHandling" }, "in-progress")
    return this.finish()
  }
}

const script = (next: () => number, index: number): ReadonlyArray<Step> => {
  const s = new ScriptBuilder(next, index)
  const r = next()
  if (r < 0.45) {
    s.apply()
    if (next() < 0.3) s.send({ type: "startReview" }, "reviewer", "under-review")
    s.send({ type: "decide", eligibility: granted }, "reviewer", "granted").handle()
  } else if (r < 0.55) {
    s.apply().send({ type: "requestMaterials", missing: ["financial-proof"] }, "intake", "awaiting-materials")
    s.send({ type: "supplyMaterials" }, "intake", "under-review").send({ type: "decide", eligibility: granted }, "reviewer", "granted").handle()
  } else if (r < 0.65) {
    s.apply().send({ type: "decide", eligibility: refused }, "reviewer", "refused")
    const o = next()
    if (o < 0.3) s.send({ type: "finaliseRefusal" }, "reviewer", "refusal-final")
    else {
      s.send({ type: "objectToRefusal" }, "intake", "refusal-objection")
      if (o < 0.65) s.send({ type: "decideObjection", upheld: true, eligibility: granted }, "bureau", "granted").handle()
      else s.send({ type: "decideObjection", upheld: false }, "bureau", "refusal-final")
    }
  } else if (r < 0.77) {
    s.send({ type: "notify", caseId: s.caseId, region: s.region, kind: "criminal-defence", organ: s.pick(["court", "procuratorate", "public-security"]), grounds: ["LAL-25-1-1"] }, "intake", "granted")
    s.handle()
  } else if (r < 0.87) {
    s.apply().send({ type: "decide", eligibility: granted }, "reviewer", "granted").assign()
    s.lawyerSends({ type: "startHandling" }, "in-progress")
    s.lawyerSends({ type: "reportTerminationGround", ground: "LAL-48-1-6" }, "in-progress")
    s.send({ type: "terminate", ground: "LAL-48-1-6" }, "reviewer", "terminated")
    const o = next()
    if (o < 0.6) {
      s.send({ type: "objectToTermination" }, "intake", "termination-objection")
      if (o < 0.25) s.send({ type: "decideTerminationObjection", upheld: true }, "bureau", "in-progress").finish()
      else s.send({ type: "decideTerminationObjection", upheld: false }, "bureau", "terminated").send({ type: "archive" }, "intake", "archived")
    } else s.send({ type: "archive" }, "intake", "archived")
  } else if (r < 0.94) {
    s.apply()
    if (next() < 0.5) s.send({ type: "requestMaterials", missing: ["identity-document"] }, "intake", "awaiting-materials")
    s.send({ type: "withdraw", deemed: false }, "intake", "withdrawn")
  } else {
    s.apply().send({ type: "preGrant", ground: "LAL-44-1-1" }, "reviewer", "granted")
    if (next() < 0.7) s.send({ type: "completeFormalities", eligibility: granted }, "reviewer", "granted").handle()
    else s.send({ type: "completeFormalities", eligibility: refused }, "reviewer", "terminated").send({ type: "archive" }, "intake", "archived")
  }
  return s.steps
}

// ---------------------------------------------------------------------------------------------
// fayuan

interface Run {
  readonly cases: ReadonlyArray<Case | undefined>
  readonly logs: ReadonlyArray<ReadonlyArray<CaseEvent>>
  /** Rejections by reason. */
  readonly reasons: Readonly<Record<string, number>>
  /** Commands not accepted or rejected as their script meant. */
  readonly unexpected: number
}

/** The reference run: every case, its event log, and how the commands fared. */
const runFayuan = (scripts: ReadonlyArray<ReadonlyArray<Step>>): Run => {
  const cases: Array<Case | undefined> = []
  const logs: Array<Array<CaseEvent>> = []
  const reasons: Record<string, number> = {}
  let unexpected = 0
  scripts.forEach((steps, i) => {
    let c: Case | undefined
    const log: Array<CaseEvent> = []
    steps.forEach((s, j) => {
      const r = step(c, s.command, s.ctx)
      if (Result.isSuccess(r)) {
        c = r.success.case
        log.push(...r.success.events)
      } else reasons[r.failure.reason] = (reasons[r.failure.reason] ?? 0) + 1
      if (Result.isSuccess(r) !== (s.expect === "accept") && unexpected++ < 5) {
        process.stderr.write(`unexpected ${Result.isSuccess(r) ? "acceptance" : `rejection (${r.failure.message})`}: script ${i} step ${j} ${s.command.type}\n`)
      }
    })
    cases.push(c)
    logs.push(log)
  })
  return { cases, logs, reasons, unexpected }
}

/** The timed loop: only `step`, keeping the case; returns the number of accepted commands. */
const stepAll = (scripts: ReadonlyArray<ReadonlyArray<Step>>): number => {
  let accepted = 0
  for (let i = 0; i < scripts.length; i++) {
    const steps = scripts[i]!
    let c: Case | undefined
    for (let j = 0; j < steps.length; j++) {
      const r = step(c, steps[j]!.command, steps[j]!.ctx)
      if (Result.isSuccess(r)) {
        c = r.success.case
        accepted++
      }
    }
  }
  return accepted
}

// ---------------------------------------------------------------------------------------------
// XState 5: the same machine, built from the same table

interface XClock {
  readonly kind: ClockKind
  readonly startedOn: CalendarDate.CalendarDate
  readonly dueOn: CalendarDate.CalendarDate
  readonly stoppedOn?: CalendarDate.CalendarDate
  readonly cancelledOn?: CalendarDate.CalendarDate
}

interface XContext {
  readonly version: number
  readonly region: Region.RegionCode
  readonly kind: string
  readonly receivedOn: CalendarDate.CalendarDate
  readonly lawyer: string | undefined
  readonly priorState: State | undefined
  readonly provisional: boolean
  readonly endedOn: CalendarDate.CalendarDate | undefined
  readonly excludedLawyers: ReadonlyArray<string>
  readonly refusalObjected: boolean
  readonly terminationObjected: boolean
  readonly eligibility: EligibilitySummary | undefined
  readonly clocks: ReadonlyArray<XClock>
}

interface XEvent {
  readonly type: CommandType
  readonly command: Command
  readonly actor: Actor
  readonly at: string
}

/** The periods of the Legal Aid Law in force through 2024 (LAL-43, 36, 49, 50 and the local materials period). */
const days = { decision: 7, assignment: 3, notification: 3, objection: 5, closing: 30, materials: 15 } as const
const lalGrounds: ReadonlySet<string> = new Set(["LAL-48-1-1", "LAL-48-1-2", "LAL-48-1-3", "LAL-48-1-4", "LAL-48-1-5", "LAL-48-1-6", "LAL-48-1-7", "LAL-48-1-8"])
const preGrantGrounds: ReadonlySet<string> = new Set(["LAL-44-1-1", "LAL-44-1-2", "LAL-44-1-3"])
const grants: ReadonlySet<string> = new Set(["eligible", "mandatory"])

const startClock = (clocks: ReadonlyArray<XClock>, kind: ClockKind, on: CalendarDate.CalendarDate, n: number): ReadonlyArray<XClock> => [
  ...clocks,
  { kind, startedOn: on, dueOn: WorkCalendar.addCalendarDays(WorkCalendar.china, on, n) }
]

const running = (clocks: ReadonlyArray<XClock>, kind: ClockKind): number => {
  for (let i = clocks.length - 1; i >= 0; i--) {
    const c = clocks[i]!
    if (c.kind === kind && c.stoppedOn === undefined && c.cancelledOn === undefined) return i
  }
  return -1
}

const endClock = (clocks: ReadonlyArray<XClock>, kind: ClockKind, on: CalendarDate.CalendarDate, how: "stoppedOn" | "cancelledOn"): ReadonlyArray<XClock> => {
  const i = running(clocks, kind)
  return i < 0 ? clocks : clocks.map((c, j) => (j === i ? { ...c, [how]: on } : c))
}

const todayOf = (event: XEvent): CalendarDate.CalendarDate => chinaDate(event.at)!

/** Role, region, lawyer and date: the checks every command passes before its own. */
const allowed = (spec: CommandSpec, opens: boolean, context: XContext, event: XEvent): boolean => {
  if (!spec.roles.includes(event.actor.role)) return false
  const region = opens ? (event.command as CommandOf<"apply" | "notify">).region : context.region
  if (!Region.contains(event.actor.region, region)) return false
  if (spec.ownCase && context.lawyer !== event.actor.id) return false
  return opens || todayOf(event) >= context.receivedOn
}

/** The command's own condition, and the branch it takes. */
const condition = (command: Command, context: XContext, from: State | "start", to: State, branch: string | undefined, event: XEvent): boolean => {
  switch (command.type) {
    case "notify":
      return command.kind === "criminal-defence" || command.kind === "compulsory-treatment"
    case "withdraw": {
      if (!command.deemed) return true
      const i = running(context.clocks, "materials-supply")
      return from === "awaiting-materials" && i >= 0 && todayOf(event) > context.clocks[i]!.dueOn
    }
    case "decide": {
      const e = command.eligibility // the bench always sends the decision with the command
      return e !== undefined && e.outcome !== "incomplete" && grants.has(e.outcome) === (branch === "grant")
    }
    case "objectToRefusal":
      return !context.refusalObjected
    case "decideObjection":
      return command.upheld === (branch === "upheld") && (!command.upheld || (command.eligibility !== undefined && grants.has(command.eligibility.outcome)))
    case "decideTerminationObjection":
      return command.upheld === (branch === "upheld") && (!command.upheld || context.priorState === to)
    case "preGrant":
      return preGrantGrounds.has(command.ground)
    case "completeFormalities":
      return context.provisional && command.eligibility.outcome !== "incomplete" && grants.has(command.eligibility.outcome) === (branch === "confirmed")
    case "assign":
      return !context.excludedLawyers.includes(command.lawyerId)
    case "reassign":
      return command.lawyerId !== context.lawyer && !context.excludedLawyers.includes(command.lawyerId)
    case "reportTerminationGround":
    case "terminate":
      return lalGrounds.has(command.ground)
    case "objectToTermination":
      return !context.terminationObjected
    case "recordOutcome":
      return context.endedOn === undefined && command.endedOn <= todayOf(event) && command.endedOn >= context.receivedOn
    case "conclude":
      return context.endedOn !== undefined && !context.provisional
    case "archive":
      return from !== "terminated" || running(context.clocks, "termination-objection") < 0
    default:
      return true
  }
}

const opened = (event: XEvent, clocks: ReadonlyArray<XClock>, kind: string): XContext => ({
  version: 1,
  region: (event.command as CommandOf<"apply">).region,
  kind,
  receivedOn: todayOf(event),
  lawyer: undefined,
  priorState: undefined,
  provisional: false,
  endedOn: undefined,
  excludedLawyers: [],
  refusalObjected: false,
  terminationObjected: false,
  eligibility: undefined,
  clocks
})

/** The context after an accepted command. */
const update = (context: XContext, event: XEvent, from: State | "start", branch: string | undefined): XContext => {
  const command = event.command
  const today = todayOf(event)
  const c = { ...context, version: context.version + 1 }
  switch (command.type) {
    case "apply":
      return opened(event, startClock([], "decision", today, days.decision), command.kind)
    case "notify":
      return opened(event, startClock([], "assignment-after-notification", today, days.notification), command.kind)
    case "requestMaterials":
      return { ...c, clocks: startClock(endClock(c.clocks, "decision", today, "cancelledOn"), "materials-supply", today, days.materials) }
    case "supplyMaterials":
      return { ...c, clocks: startClock(endClock(c.clocks, "materials-supply", today, "stoppedOn"), "decision", today, days.decision) }
    case "withdraw":
      return { ...c, clocks: endClock(endClock(c.clocks, "decision", today, "cancelledOn"), "materials-supply", today, "cancelledOn") }
    case "decide": {
      const stopped = endClock(c.clocks, "decision", today, "stoppedOn")
      return { ...c, eligibility: command.eligibility, clocks: branch === "grant" ? startClock(stopped, "assignment-after-grant", today, days.assignment) : stopped }
    }
    case "objectToRefusal":
      return { ...c, refusalObjected: true, clocks: startClock(c.clocks, "refusal-objection", today, days.objection) }
    case "decideObjection": {
      const stopped = endClock(c.clocks, "refusal-objection", today, "stoppedOn")
      return command.upheld
        ? { ...c, eligibility: command.eligibility!, clocks: startClock(stopped, "assignment-after-grant", today, days.assignment) }
        : { ...c, clocks: stopped }
    }
    case "preGrant": {
      const stopped = endClock(endClock(c.clocks, "decision", today, "stoppedOn"), "materials-supply", today, "cancelledOn")
      return { ...c, provisional: true, clocks: startClock(stopped, "assignment-after-grant", today, days.assignment) }
    }
    case "completeFormalities":
      if (branch === "confirmed") return { ...c, provisional: false, eligibility: command.eligibility }
      return {
        ...c,
        version: c.version + 1,
        provisional: false,
        eligibility: command.eligibility,
        priorState: from as State,
        terminationObjected: false,
        clocks: endClock(endClock(c.clocks, "assignment-after-grant", today, "cancelledOn"), "assignment-after-notification", today, "cancelledOn")
      }
    case "assign":
      return {
        ...c,
        lawyer: command.lawyerId,
        clocks: endClock(endClock(c.clocks, "assignment-after-grant", today, "stoppedOn"), "assignment-after-notification", today, "stoppedOn")
      }
    case "reassign":
      return { ...c, lawyer: command.lawyerId, excludedLawyers: command.reason === "unavailable" ? c.excludedLawyers : [...c.excludedLawyers, c.lawyer!] }
    case "terminate":
      return {
        ...c,
        priorState: from as State,
        terminationObjected: false,
        clocks: endClock(endClock(c.clocks, "assignment-after-grant", today, "cancelledOn"), "assignment-after-notification", today, "cancelledOn")
      }
    case "objectToTermination":
      return { ...c, terminationObjected: true, clocks: startClock(c.clocks, "termination-objection", today, days.objection) }
    case "decideTerminationObjection": {
      const stopped = endClock(c.clocks, "termination-objection", today, "stoppedOn")
      if (!command.upheld) return { ...c, clocks: stopped }
      const clocks = c.priorState === "granted" ? startClock(stopped, "assignment-after-grant", today, days.assignment) : stopped
      return { ...c, priorState: undefined, terminationObjected: false, clocks }
    }
    case "recordOutcome":
      return { ...c, endedOn: command.endedOn, clocks: startClock(c.clocks, "closing-materials", command.endedOn, days.closing) }
    case "conclude":
      return { ...c, clocks: endClock(c.clocks, "closing-materials", today, "stoppedOn") }
    default:
      return c
  }
}

interface XTransition {
  readonly target: string
  readonly guard: (args: { readonly context: XContext; readonly event: XEvent }) => boolean
  readonly actions: unknown
}

/** The XState machine: one state node per state (and `start`), one transition per edge of the table. */
const buildXState = () => {
  const nodes: Record<string, { on: Record<string, Array<XTransition>> }> = { start: { on: {} } }
  for (const s of machine.flatMap((spec) => spec.edges.flatMap((e) => [e.from, e.to]))) nodes[s] ??= { on: {} }
  for (const spec of machine) {
    const opens = spec.edges.some((e) => e.from === "start")
    for (const edge of spec.edges) {
      const { from, to, branch } = edge
      const list = (nodes[from]!.on[spec.command] ??= [])
      list.push({
        target: to,
        guard: ({ context, event }) => allowed(spec, opens, context, event) && condition(event.command, context, from, to, branch, event),
        actions: assign(({ context, event }: { context: XContext; event: XEvent }) => update(context, event, from, branch))
      })
    }
  }
  const initial: XContext = opened({ type: "apply", command: { type: "startReview" }, actor: { id: "-", role: "intake", region: kunming }, at: "2024-01-01T00:00:00Z" }, [], "")
  return setup({ types: { context: {} as XContext, events: {} as XEvent } }).createMachine({
    id: "case",
    initial: "start",
    context: { ...initial, version: 0 },
    states: nodes as never
  })
}

type XMachine = ReturnType<typeof buildXState>
type XSnapshot = ReturnType<typeof getInitialSnapshot<XMachine>>

const toEvents = (steps: ReadonlyArray<Step>): ReadonlyArray<XEvent> =>
  steps.map((s) => ({ type: s.command.type, command: s.command, actor: s.ctx.actor, at: s.ctx.at }))

const xstateAll = (m: XMachine, initial: XSnapshot, scripts: ReadonlyArray<ReadonlyArray<XEvent>>): Array<XSnapshot> => {
  const finals: Array<XSnapshot> = []
  for (let i = 0; i < scripts.length; i++) {
    const events = scripts[i]!
    let snapshot = initial
    for (let j = 0; j < events.length; j++) snapshot = xTransition(m, snapshot, events[j]!)[0]
    finals.push(snapshot)
  }
  return finals
}

/** What both machines keep, in a comparable form. */
const summary = (state: string, version: number, lawyer: string | undefined, endedOn: string | undefined, clocks: ReadonlyArray<XClock>): string =>
  JSON.stringify([state, version, lawyer ?? null, endedOn ?? null, clocks.map((c) => [c.kind, c.startedOn, c.dueOn, c.stoppedOn ?? null, c.cancelledOn ?? null])])

const fayuanSummary = (c: Case | undefined): string =>
  c === undefined ? summary("start", 0, undefined, undefined, []) : summary(c.state, c.version, c.lawyer?.lawyerId, c.endedOn, c.clocks)

const xstateSummary = (s: XSnapshot): string => {
  const c = s.context
  return summary(String(s.value), c.version, c.lawyer, c.endedOn, c.clocks)
}

// ---------------------------------------------------------------------------------------------

const replayAll = (logs: ReadonlyArray<ReadonlyArray<CaseEvent>>): number => {
  let versions = 0
  for (let i = 0; i < logs.length; i++) versions += replay(logs[i]!)?.version ?? 0
  return versions
}

export const run = async (): Promise<void> => {
  const next = xorshift(SEED)
  const scripts = Array.from({ length: SCRIPTS }, (_, i) => script(next, i))
  const commands = scripts.reduce((n, s) => n + s.length, 0)

  // Reference run: every command does what its script means, and the mix is what it claims.
  const reference = runFayuan(scripts)
  const { reasons, unexpected } = reference
  const events = reference.logs.reduce((n, l) => n + l.length, 0)
  const rejected = Object.values(reasons).reduce((a, b) => a + b, 0)
  const finals: Record<string, number> = {}
  for (const c of reference.cases) finals[c?.state ?? "none"] = (finals[c?.state ?? "none"] ?? 0) + 1
  process.stderr.write(
    `lifecycle: ${scripts.length} scripts, ${commands} commands (${rejected} rejected: ${JSON.stringify(reasons)}), ${events} events, ` +
      `final states ${JSON.stringify(finals)}, ${unexpected} unexpected\n`
  )
  if (unexpected > 0) throw new Error(`${unexpected} commands did not do what their script meant`)

  // a. fayuan: transition + evolve
  const accepted = stepAll(scripts)
  const ours = await measure(commands, () => {
    if (stepAll(scripts) !== accepted) throw new Error("fayuan accepted a different number of commands between runs")
  })
  print("lifecycle-transitions", ours.perSecond, "per-s")

  // b. XState over the same scripts
  const m = buildXState()
  const initial = getInitialSnapshot(m)
  const xscripts = scripts.map(toEvents)
  const xfinals = xstateAll(m, initial, xscripts)
  let disagreements = 0
  for (let i = 0; i < scripts.length; i++) {
    const a = fayuanSummary(reference.cases[i])
    const b = xstateSummary(xfinals[i]!)
    if (a !== b && disagreements++ < 5) process.stderr.write(`disagreement on script ${i}:\n  fayuan ${a}\n  xstate ${b}\n`)
  }
  print("lifecycle-xstate-disagreements", disagreements, "scripts")
  const lastFinal = xstateSummary(xfinals[xfinals.length - 1]!)
  const theirs = await measure(commands, () => {
    const fs = xstateAll(m, initial, xscripts)
    if (xstateSummary(fs[fs.length - 1]!) !== lastFinal) throw new Error("XState ended differently between runs")
  })
  print("lifecycle-xstate-transitions", theirs.perSecond, "per-s")
  print("lifecycle-vs-xstate", ours.perSecond / theirs.perSecond, "x")

  // c. replay: events folded per second
  const versions = replayAll(reference.logs)
  const folded = await measure(events, () => {
    if (replayAll(reference.logs) !== versions) throw new Error("replay gave different cases between runs")
  })
  print("lifecycle-events-folded", folded.perSecond, "per-s")
}

export default run
