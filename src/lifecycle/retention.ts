/**
 * Retention (个人信息保存期限): the parties' personal data is kept while a case is open and for
 * the region's period after it closes (`retention.partyDataYears`, a parameter keyed by region
 * and date like every rule; `PIPL-19`), then erased (`PIPL-47-1-2`). The record of what the
 * centre did — the event log — stays: it holds no personal data.
 *
 * A host runs {@link eraseExpired} on a schedule (nightly, say) for each scope it serves.
 *
 * @since 0.2.0
 */
import { Effect, Result, Schema } from "effect"
import * as CalendarDate from "../CalendarDate.ts"
import type { Overrides } from "../Parameter.ts"
import * as Region from "../Region.ts"
import * as RuleBook from "../RuleBook.ts"
import { InvalidRequest } from "./Command.ts"
import { PartyStore } from "./Party.ts"
import { CaseStore } from "./Store.ts"

/**
 * A closed case whose parties' data has outlived its period.
 *
 * @category models
 */
export interface Expired {
  readonly caseId: string
  readonly region: Region.RegionCode
  readonly closedOn: CalendarDate.CalendarDate
  /** The last day the data was to be kept. */
  readonly keptUntil: CalendarDate.CalendarDate
}

/**
 * Options: the rule book to read the period from (the default book otherwise) and overrides.
 *
 * @category models
 */
export interface RetentionOptions {
  readonly book?: RuleBook.RuleBook
  readonly parameters?: Overrides
}

const isRegion = Schema.is(Region.RegionCode)
const isDate = Schema.is(CalendarDate.CalendarDate)

/**
 * The closed cases in `scope` whose parties' data is past its period on `asOf`: closed more than
 * `retention.partyDataYears` (of the case's region, as in force on `asOf`) years before. One
 * listing of the scope.
 *
 * @example
 * ```ts
 * import { CalendarDate, Region } from "fayuan"
 * import { expiredParties } from "fayuan/lifecycle"
 * const due = expiredParties(Region.makeUnsafe("5301"), CalendarDate.makeUnsafe("2026-12-06"))
 * ```
 *
 * @category retention
 */
export const expiredParties = Effect.fn("fayuan/lifecycle/expiredParties")(function* (scope: Region.RegionCode, asOf: CalendarDate.CalendarDate, options: RetentionOptions = {}) {
  if (!isRegion(scope)) return yield* Effect.fail(new InvalidRequest({ issues: [{ path: "scope", reason: "expected a region code" }] }))
  if (!isDate(asOf)) return yield* Effect.fail(new InvalidRequest({ issues: [{ path: "asOf", reason: "expected a calendar date YYYY-MM-DD" }] }))
  const book = options.book ?? RuleBook.defaultRuleBook
  const heads = yield* (yield* CaseStore).list(scope)
  const out: Array<Expired> = []
  for (const head of heads) {
    if (head.closedOn === undefined) continue
    const years = RuleBook.parameterOn(book, "retention.partyDataYears", head.region, asOf, options.parameters)
    if (Result.isFailure(years)) return yield* Effect.fail(years.failure)
    const keptUntil = CalendarDate.addDays(CalendarDate.addMonths(head.closedOn, 12 * (years.success.value as number)), -1)
    if (keptUntil < asOf) out.push({ caseId: head.caseId, region: head.region, closedOn: head.closedOn, keptUntil })
  }
  return out as ReadonlyArray<Expired>
})

/**
 * Erases the parties of every case {@link expiredParties} finds. Returns the cases whose party
 * was erased, and those that had none left (erased before, or never stored).
 *
 * @example
 * ```ts
 * import { CalendarDate, Region } from "fayuan"
 * import { eraseExpired } from "fayuan/lifecycle"
 * const nightly = eraseExpired(Region.makeUnsafe("5301"), CalendarDate.makeUnsafe("2026-12-06"))
 * // Effect<{ erased, absent }, …, CaseStore | PartyStore>
 * ```
 *
 * @category retention
 */
export const eraseExpired = Effect.fn("fayuan/lifecycle/eraseExpired")(function* (scope: Region.RegionCode, asOf: CalendarDate.CalendarDate, options: RetentionOptions = {}) {
  const due = yield* expiredParties(scope, asOf, options)
  const parties = yield* PartyStore
  const erased: Array<string> = []
  const absent: Array<string> = []
  for (const e of due) {
    const r = yield* Effect.result(parties.erase(e.region, e.caseId))
    if (Result.isSuccess(r)) erased.push(e.caseId)
    else if (r.failure._tag === "CaseNotFound") absent.push(e.caseId)
    else return yield* Effect.fail(r.failure)
  }
  return { erased, absent } as { readonly erased: ReadonlyArray<string>; readonly absent: ReadonlyArray<string> }
})
