/**
 * Commands: what a host system asks the case machine to do, and the context it acts in.
 * Decode commands from unknown input with {@link decodeCommand}; `transition` takes trusted values.
 *
 * @since 0.1.0
 */
import { Data, Result, Schema } from "effect"
import * as IdModule from "../Id.ts"
import * as CalendarDate from "../CalendarDate.ts"
import type { Issue } from "../eligibility/Application.ts"
import { issuesOf } from "../eligibility/Application.ts"
import type { Overrides } from "../Parameter.ts"
import * as Region from "../Region.ts"
import type { RuleBook } from "../RuleBook.ts"
import { matterKinds, proceedingStages } from "../RuleSet.ts"
import type { WorkCalendar } from "../WorkCalendar.ts"
import { AssignmentRationale, AssignmentRequirements, EligibilitySummary, Recipients, SpecialGroups } from "./Event.ts"
import { instantPattern } from "./time.ts"
import { channels, grades, materials, organs, outcomes, reassignReasons, roles, withdrawals } from "./vocabulary.ts"

const Id = IdModule.Id
const Instant = Schema.String.pipe(Schema.check(Schema.isPattern(instantPattern)))
const CitationText = Schema.String.pipe(Schema.check(Schema.isPattern(/^[A-Z0-9]+-\d+(-\d+){0,2}$/)))

const command = <T extends string, F extends Schema.Struct.Fields>(type: T, fields: F) =>
  Schema.Struct({ type: Schema.Literal(type), ...fields })

/**
 * Register an application (申请). Opens a case.
 *
 * @category commands
 */
export const Apply = command("apply", {
  caseId: Id,
  region: Region.RegionCode,
  kind: Schema.Literals(matterKinds),
  channel: Schema.Literals(channels),
  /** Special groups the applicant belongs to (migrant worker, minor, …), for the evaluation. */
  groups: Schema.optionalKey(SpecialGroups),
  /** For `detention-forwarded`: when the detainee asked and when the institution received it. */
  forwarding: Schema.optionalKey(Schema.Struct({ requestedAt: Instant, receivedAt: Instant })),
  /**
   * The eligibility decision made at intake (`summarise(decide(application))`), kept on the case
   * so the review can decide on it without the host holding it: a `decide` without its own
   * decision applies the latest one recorded.
   */
  eligibility: Schema.optionalKey(EligibilitySummary),
  /** How many people receive aid in the case (1 when absent). */
  recipients: Schema.optionalKey(Recipients)
})
/**
 * A court, procuratorate or public security organ notifies the institution (通知辩护/通知代理): no
 * review, no means test. Opens a case, granted.
 *
 * @category commands
 */
export const Notify = command("notify", {
  caseId: Id,
  region: Region.RegionCode,
  kind: Schema.Literals(matterKinds),
  organ: Schema.Literals(organs),
  grounds: Schema.Array(CitationText),
  /** Before 2022 the lawyer is named 3 days before trial (`LAR-21`). */
  trialOn: Schema.optionalKey(CalendarDate.CalendarDate),
  /** What the assignment must satisfy; derived from the grounds when absent (`LAL-26`, `MPL-104-2`). */
  requirements: Schema.optionalKey(AssignmentRequirements),
  /** Special groups the accused belongs to (a minor, a disabled person, …), for the evaluation. */
  groups: Schema.optionalKey(SpecialGroups)
})
/**
 * Record an eligibility decision during intake or review (after the materials arrive, say), for
 * the `decide` that follows.
 *
 * @category commands
 */
export const Assess = command("assess", { eligibility: EligibilitySummary })
/** List every missing material at once (一次性告知, `LAL-43-2`), by code (`materials`). @category commands */
export const RequestMaterials = command("requestMaterials", { missing: Schema.NonEmptyArray(Schema.Literals(materials)) })
/** @category commands */
export const SupplyMaterials = command("supplyMaterials", {})
/** @category commands */
export const StartReview = command("startReview", {})
/** Withdraw an application; `deemed` when materials were not supplied in time (`LAL-43`). @category commands */
export const Withdraw = command("withdraw", { deemed: Schema.Boolean })
/**
 * Grant or refuse on an eligibility decision: the one it carries, or else the latest recorded on
 * the case (by `apply` or `assess`).
 *
 * @category commands
 */
export const Decide = command("decide", { eligibility: Schema.optionalKey(EligibilitySummary) })
/** @category commands */
export const ObjectToRefusal = command("objectToRefusal", {})
/**
 * The bureau's decision on an objection to a refusal (`LAL-49`): `upheld` orders the institution
 * to correct its decision, and carries the corrected eligibility decision.
 *
 * @category commands
 */
export const DecideObjection = command("decideObjection", { upheld: Schema.Boolean, eligibility: Schema.optionalKey(EligibilitySummary) })
/** No objection was filed: the refusal stands. @category commands */
export const FinaliseRefusal = command("finaliseRefusal", {})
/** Urgent pre-grant (先行提供, `LAL-44`); formalities are completed afterwards. @category commands */
export const PreGrant = command("preGrant", { ground: CitationText })
/** @category commands */
export const CompleteFormalities = command("completeFormalities", { eligibility: EligibilitySummary })
/** @category commands */
export const Assign = command("assign", { lawyerId: Id, firmId: Id, rationale: Schema.optionalKey(AssignmentRationale) })
/** @category commands */
export const Reassign = command("reassign", {
  lawyerId: Id,
  firmId: Id,
  reason: Schema.Literals(reassignReasons),
  rationale: Schema.optionalKey(AssignmentRationale)
})
/** @category commands */
export const StartHandling = command("startHandling", {})
/** The lawyer reports a termination ground (`LAL-48-2`). @category commands */
export const ReportTerminationGround = command("reportTerminationGround", { ground: CitationText })
/** @category commands */
export const Terminate = command("terminate", { ground: CitationText })
/** @category commands */
export const ObjectToTermination = command("objectToTermination", {})
/** @category commands */
export const DecideTerminationObjection = command("decideTerminationObjection", { upheld: Schema.Boolean })
/** The matter ended: starts the closing-materials clock. @category commands */
export const RecordOutcome = command("recordOutcome", {
  endedOn: CalendarDate.CalendarDate,
  outcome: Schema.Literals(outcomes),
  /** The criminal stages the lawyer handled (a criminal case is paid for the stages done). */
  stagesCompleted: Schema.optionalKey(Schema.Array(Schema.Literals(proceedingStages))),
  /** For `withdrawn-by-party`: whether before or during the hearing. */
  withdrawal: Schema.optionalKey(Schema.Literals(withdrawals))
})
/** Closing materials filed (`LAL-50`). @category commands */
export const Conclude = command("conclude", {})
/** @category commands */
export const Grade = command("grade", { grade: Schema.Literals(grades) })
/** @category commands */
export const Archive = command("archive", {})

/**
 * Any command.
 *
 * @category commands
 */
export const Command = Schema.Union([
  Apply,
  Notify,
  Assess,
  RequestMaterials,
  SupplyMaterials,
  StartReview,
  Withdraw,
  Decide,
  ObjectToRefusal,
  DecideObjection,
  FinaliseRefusal,
  PreGrant,
  CompleteFormalities,
  Assign,
  Reassign,
  StartHandling,
  ReportTerminationGround,
  Terminate,
  ObjectToTermination,
  DecideTerminationObjection,
  RecordOutcome,
  Conclude,
  Grade,
  Archive
])

/** @category models */
export type Command = typeof Command.Type

/** @category models */
export type CommandType = Command["type"]

/** @category models */
export type CommandOf<T extends CommandType> = Extract<Command, { readonly type: T }>

/**
 * Who acts: an id, a role and the region they work for (their office's division code).
 *
 * @category schemas
 */
export const Actor = Schema.Struct({ id: Id, role: Schema.Literals(roles), region: Region.RegionCode })

/** @category models */
export type Actor = typeof Actor.Type

/**
 * What a transition runs in: the time (an ISO instant with its offset; dates are taken in China
 * Standard Time), the work calendar, the rule book, parameter overrides, and the actor.
 *
 * @category models
 */
export interface Context {
  /** When the command is recorded. */
  readonly at: string
  /** When it happened, if earlier (a paper record entered later); `at` when absent. */
  readonly occurredAt?: string
  readonly calendar: WorkCalendar
  readonly book: RuleBook
  readonly parameters?: Overrides
  readonly actor: Actor
}

/**
 * Input that is not a valid command or actor: every bad field with its path.
 *
 * @category errors
 */
export class InvalidCommand extends Data.TaggedError("InvalidCommand")<{ readonly issues: ReadonlyArray<Issue> }> {
  override get message(): string {
    return `invalid command: ${this.issues.map((i) => `${i.path || "(root)"}: ${i.reason}`).join("; ")}`
  }
}

/**
 * Input that is not a valid actor: every bad field with its path.
 *
 * @category errors
 */
export class InvalidActor extends Data.TaggedError("InvalidActor")<{ readonly issues: ReadonlyArray<Issue> }> {
  override get message(): string {
    return `invalid actor: ${this.issues.map((i) => `${i.path || "(root)"}: ${i.reason}`).join("; ")}`
  }
}

/**
 * A workflow call's other arguments are not well formed (the case id, the context with its
 * actor and time, the options, the scope): every bad one with its path. Nothing is read or written.
 *
 * @category errors
 */
export class InvalidRequest extends Data.TaggedError("InvalidRequest")<{ readonly issues: ReadonlyArray<Issue> }> {
  override get message(): string {
    return `invalid request: ${this.issues.map((i) => `${i.path || "(root)"}: ${i.reason}`).join("; ")}`
  }
}

/**
 * The problems of a context, as issues with paths under `prefix` (empty when it is well formed):
 * `at` and `occurredAt` instants, the actor, a work calendar, a rule book, overrides.
 *
 * @category decoding
 */
export const contextIssues = (ctx: unknown, prefix = "context"): ReadonlyArray<Issue> => {
  if (typeof ctx !== "object" || ctx === null) return [{ path: prefix, reason: "expected a context object" }]
  const c = ctx as Record<string, unknown>
  const issues: Array<Issue> = []
  for (const key of ["at", "occurredAt"] as const) {
    const v = c[key]
    if (key === "occurredAt" && v === undefined) continue
    if (typeof v !== "string" || !instantPattern.test(v) || Number.isNaN(Date.parse(v))) {
      issues.push({ path: `${prefix}.${key}`, reason: "expected an ISO instant with its offset, e.g. 2024-05-06T10:00:00+08:00" })
    }
  }
  const actor = decodeActorStruct(c["actor"], options)
  if (Result.isFailure(actor)) issues.push(...issuesOf(actor.failure, `${prefix}.actor`))
  const calendar = c["calendar"] as { isWorkingDay?: unknown; covers?: unknown } | undefined
  if (typeof calendar !== "object" || calendar === null || typeof calendar.isWorkingDay !== "function" || typeof calendar.covers !== "function") {
    issues.push({ path: `${prefix}.calendar`, reason: "expected a WorkCalendar (WorkCalendar.china, say)" })
  }
  const book = c["book"] as { ruleSets?: unknown; parameters?: unknown } | undefined
  if (typeof book !== "object" || book === null || !Array.isArray(book.ruleSets) || typeof book.parameters !== "object") {
    issues.push({ path: `${prefix}.book`, reason: "expected a RuleBook (RuleBook.defaultRuleBook, say)" })
  }
  if (c["parameters"] !== undefined && !(c["parameters"] instanceof Map)) {
    issues.push({ path: `${prefix}.parameters`, reason: "expected overrides from Parameter.decodeOverrides" })
  }
  return issues
}

/**
 * Every command type, in the order of the union.
 *
 * @category vocabulary
 */
export const commandTypes: ReadonlyArray<CommandType> = Command.members.map((m) => m.fields.type.literal)

/** One decoder per command type, so an error names the fields of the command meant. */
const decoders = Object.fromEntries(
  Command.members.map((m) => [m.fields.type.literal, Schema.decodeUnknownResult(m as Schema.Codec<unknown, unknown>)])
) as Record<CommandType, (input: unknown, options: { readonly errors: "all"; readonly onExcessProperty: "error" }) => Result.Result<unknown, Schema.SchemaError>>
const decodeActorStruct = Schema.decodeUnknownResult(Actor)
const options = { errors: "all", onExcessProperty: "error" } as const

/**
 * Decodes a command from unknown input; every bad field is reported with its path.
 *
 * @example
 * import { decodeCommand } from "fayuan/lifecycle"
 * decodeCommand({ type: "grade", grade: "good" })
 *
 * @category decoding
 */
export const decodeCommand = (input: unknown): Result.Result<Command, InvalidCommand> => {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return Result.fail(new InvalidCommand({ issues: [{ path: "", reason: "expected a command object with a type" }] }))
  }
  const type = (input as { readonly type?: unknown }).type
  const decodeOne = typeof type === "string" && Object.hasOwn(decoders, type) ? decoders[type as CommandType] : undefined
  if (decodeOne === undefined) {
    return Result.fail(new InvalidCommand({ issues: [{ path: "type", reason: `expected one of ${commandTypes.join(", ")}` }] }))
  }
  const r = decodeOne(input, options)
  return Result.isFailure(r) ? Result.fail(new InvalidCommand({ issues: issuesOf(r.failure) })) : Result.succeed(r.success as Command)
}

/**
 * Decodes an actor from unknown input.
 *
 * @category decoding
 */
export const decodeActor = (input: unknown): Result.Result<Actor, InvalidActor> => {
  const r = decodeActorStruct(input, options)
  return Result.isFailure(r) ? Result.fail(new InvalidActor({ issues: issuesOf(r.failure) })) : Result.succeed(r.success)
}

export { chinaDate } from "./time.ts"
