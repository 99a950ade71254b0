/**
 * Arbitraries for the case machine: scripts of commands with actors and dates, mostly plausible
 * (the right role, the assigned lawyer, the home district) and sometimes not.
 */
import fc from "fast-check"
import * as CalendarDate from "../../src/CalendarDate.ts"
import type { Case } from "../../src/lifecycle/Case.ts"
import type { Command, CommandType, Context } from "../../src/lifecycle/Command.ts"
import type { EligibilitySummary } from "../../src/lifecycle/Event.ts"
import { machine } from "../../src/lifecycle/machine.ts"
import type { Role } from "../../src/lifecycle/vocabulary.ts"
import { grades, outcomes, reassignReasons, roles } from "../../src/lifecycle/vocabulary.ts"
import * as Region from "../../src/Region.ts"
import { defaultRuleBook } from "../../src/RuleBook.ts"
import * as WorkCalendar from "../../src/WorkCalendar.ts"

export const lawyers = ["L1", "L2", "L3"] as const
const grounds = ["LAL-48-1-4", "LAL-48-1-6", "LAL-48-1-7", "LAR-23-1-1", "LAR-23-1-3"] as const
const preGrounds = ["LAL-44-1-1", "LAL-44-1-2", "LAR-23-1-1"] as const
const eligibilities: ReadonlyArray<EligibilitySummary> = [
  { outcome: "eligible", meansTest: "passed", citations: ["LAL-31-1-4"], ruleSetId: "LAL-2022" },
  { outcome: "mandatory", meansTest: "not-required", citations: ["LAL-25-1-1"], ruleSetId: "LAL-2022" },
  { outcome: "ineligible", meansTest: "failed", citations: ["LAL-31-1-4"], ruleSetId: "LAL-2022" },
  { outcome: "incomplete", meansTest: "not-assessed", citations: ["LAL-43"], ruleSetId: "LAL-2022" }
]

/** One move of a script: which command, and how plausible its actor is. */
export interface Move {
  readonly command: CommandType
  readonly rightRole: boolean
  readonly role: Role
  readonly lawyer: (typeof lawyers)[number]
  readonly ownLawyer: boolean
  readonly region: "530103" | "530102" | "5301"
  readonly days: number
  readonly pick: number
}

const commandTypes = machine.map((s) => s.command).filter((c) => c !== "apply" && c !== "notify")

export const move: fc.Arbitrary<Move> = fc.record({
  command: fc.constantFrom(...commandTypes),
  rightRole: fc.boolean().map((b) => b || Math.random() < 0.7),
  role: fc.constantFrom(...roles),
  lawyer: fc.constantFrom(...lawyers),
  ownLawyer: fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
  region: fc.constantFrom("530103" as const, "530103" as const, "530103" as const, "530102" as const, "5301" as const),
  days: fc.integer({ min: 0, max: 6 }),
  pick: fc.nat({ max: 1000 })
})

export interface Script {
  readonly start: CalendarDate.CalendarDate
  readonly opening: "apply" | "notify"
  readonly moves: ReadonlyArray<Move>
}

export const script: fc.Arbitrary<Script> = fc.record({
  start: fc
    .integer({ min: CalendarDate.toEpochDay(CalendarDate.makeUnsafe("2013-01-01")), max: CalendarDate.toEpochDay(CalendarDate.makeUnsafe("2026-06-30")) })
    .map((d) => CalendarDate.fromEpochDay(d)),
  opening: fc.constantFrom("apply" as const, "notify" as const),
  moves: fc.array(move, { maxLength: 25 })
})

const roleFor = (type: CommandType): Role => machine.find((s) => s.command === type)!.roles[0]!

export const context = (date: CalendarDate.CalendarDate, role: Role, id: string, region: string): Context => ({
  at: `${date}T10:00:00+08:00`,
  calendar: WorkCalendar.china,
  book: defaultRuleBook,
  actor: { id, role, region: Region.makeUnsafe(region) }
})

export const opening = (s: Script, caseId = "c1"): [Command, Context] => {
  const region = Region.makeUnsafe("530103")
  const command: Command =
    s.opening === "apply"
      ? { type: "apply", caseId, region, kind: "civil", channel: "centre" }
      : { type: "notify", caseId, region, kind: "criminal-defence", organ: "court", grounds: [s.start >= "2022-01-01" ? "LAL-25-1-1" : "CPL-267"] }
  return [command, context(s.start, "intake", "intake", "530103")]
}

/** The command and context for a move on the case as it stands. */
export const realise = (m: Move, current: Case | undefined, date: CalendarDate.CalendarDate): [Command, Context] => {
  // Mostly a command the current state allows (so scripts go deep), sometimes any command.
  const allowed = current === undefined ? [] : machine.filter((s) => s.edges.some((e) => e.from === current.state)).map((s) => s.command)
  const type = m.rightRole && allowed.length > 0 ? allowed[m.pick % allowed.length]! : m.command
  m = { ...m, command: type }
  const role = m.rightRole ? roleFor(m.command) : m.role
  const id = role === "lawyer" ? (m.ownLawyer ? (current?.lawyer?.lawyerId ?? m.lawyer) : m.lawyer) : role
  const ctx = context(date, role, id, m.region)
  const p = m.pick
  const command = ((): Command => {
    switch (m.command) {
      case "requestMaterials":
        return { type: "requestMaterials", missing: (["identity-document", "financial-statement"] as const).slice(0, 1 + (p % 2)) as ["identity-document"] }
      case "withdraw":
        return { type: "withdraw", deemed: p % 3 === 0 }
      case "assess":
        return { type: "assess", eligibility: eligibilities[p % eligibilities.length]! }
      case "decide":
        // Every third decide applies the decision recorded on the case (by assess), if any.
        return p % 3 === 2 ? { type: "decide" } : { type: "decide", eligibility: eligibilities[p % eligibilities.length]! }
      case "decideObjection":
        return p % 2 === 0 ? { type: "decideObjection", upheld: true, eligibility: eligibilities[p % 2]! } : { type: "decideObjection", upheld: false }
      case "decideTerminationObjection":
        return { type: m.command, upheld: p % 2 === 0 }
      case "preGrant":
        return { type: "preGrant", ground: preGrounds[p % preGrounds.length]! }
      case "completeFormalities":
        return { type: "completeFormalities", eligibility: eligibilities[p % eligibilities.length]! }
      case "assign":
        return { type: "assign", lawyerId: m.lawyer, firmId: `F-${m.lawyer}` }
      case "reassign":
        return { type: "reassign", lawyerId: m.lawyer, firmId: `F-${m.lawyer}`, reason: reassignReasons[p % reassignReasons.length]! }
      case "reportTerminationGround":
      case "terminate":
        return { type: m.command, ground: grounds[p % grounds.length]! }
      case "recordOutcome": {
        const outcome = outcomes[p % outcomes.length]!
        return {
          type: "recordOutcome",
          endedOn: CalendarDate.addDays(date, -(p % 3)),
          outcome,
          ...(outcome === "withdrawn-by-party" && p % 2 === 0 ? { withdrawal: p % 4 === 0 ? "before-hearing" : "during-hearing" } : {})
        }
      }
      case "grade":
        return { type: "grade", grade: grades[p % grades.length]! }
      default:
        return { type: m.command } as Command
    }
  })()
  return [command, ctx]
}
