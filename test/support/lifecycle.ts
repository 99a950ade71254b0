/**
 * Helpers for lifecycle tests: contexts for each role, eligibility summaries, and a runner that
 * applies commands and fails loudly on an unexpected rejection.
 */
import { Result } from "effect"
import * as CalendarDate from "../../src/CalendarDate.ts"
import type { Case } from "../../src/lifecycle/Case.ts"
import type { Command, Context } from "../../src/lifecycle/Command.ts"
import type { CaseEvent, EligibilitySummary } from "../../src/lifecycle/Event.ts"
import type { CommandRejected } from "../../src/lifecycle/transition.ts"
import { step, transition } from "../../src/lifecycle/transition.ts"
import type { Role } from "../../src/lifecycle/vocabulary.ts"
import * as Region from "../../src/Region.ts"
import { defaultRuleBook } from "../../src/RuleBook.ts"
import type { MatterKind } from "../../src/RuleSet.ts"
import * as WorkCalendar from "../../src/WorkCalendar.ts"

export const panlong = Region.makeUnsafe("530103")
export const day = CalendarDate.makeUnsafe

export const ctx = (date: string, role: Role, options: { id?: string; region?: string; time?: string } = {}): Context => ({
  at: `${date}T${options.time ?? "10:00:00"}+08:00`,
  calendar: WorkCalendar.china,
  book: defaultRuleBook,
  actor: { id: options.id ?? role, role, region: Region.makeUnsafe(options.region ?? "530103") }
})

export const eligible: EligibilitySummary = { outcome: "eligible", meansTest: "passed", citations: ["LAL-31-1-4", "LAL-34"], ruleSetId: "LAL-2022" }
export const ineligible: EligibilitySummary = { outcome: "ineligible", meansTest: "failed", citations: ["LAL-31-1-4", "LAL-34"], ruleSetId: "LAL-2022" }
export const eligible2018: EligibilitySummary = { outcome: "eligible", meansTest: "passed", citations: ["LAR-10-1-5", "LAR-13"], ruleSetId: "LAR-2003/CPL-2012" }

/** A case being driven through commands; `run` throws on a rejection, `attempt` returns it. */
export class Driver {
  case: Case | undefined
  readonly log: Array<CaseEvent> = []

  run(command: Command, context: Context): ReadonlyArray<CaseEvent> {
    const r = step(this.case, command, context)
    if (Result.isFailure(r)) throw new Error(r.failure.message)
    this.case = r.success.case
    this.log.push(...r.success.events)
    return r.success.events
  }

  attempt(command: Command, context: Context): CommandRejected | undefined {
    const r = transition(this.case, command, context)
    return Result.isFailure(r) ? r.failure : (this.run(command, context), undefined)
  }

  clock(kind: string) {
    return this.case!.clocks.filter((c) => c.kind === kind).at(-1)
  }
}

export const applyCommand = (caseId = "c1", kind: MatterKind = "civil"): Command => ({
  type: "apply",
  caseId,
  region: panlong,
  kind,
  channel: "centre"
})
