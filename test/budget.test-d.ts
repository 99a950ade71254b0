/**
 * Misuse of the budget and subsidy APIs the compiler must reject. Run by vitest's typecheck mode
 * (see vitest.config.ts): `npx vitest run test/budget.test-d.ts`.
 */
import type { Effect, Result } from "effect"
import { describe, expectTypeOf, it } from "vitest"
import type {
  BehindSchedule,
  Budget,
  BudgetLine,
  Category,
  ExecutionReport,
  LedgerEntry,
  LedgerStore,
  LedgerStoreShape,
  Payable,
  Reconciliation,
  RecordError,
  RecordOutcome,
  UnplaceablePayable
} from "../src/budget/index.ts"
import { entriesFromPayables, execution, executionReport, plannedBy, reconcile, totalsOf } from "../src/budget/index.ts"
import type { CalendarDate } from "../src/CalendarDate.ts"
import type { BudgetNotFound } from "../src/budget/Ledger.ts"
import type { CorruptRecord, StoreError } from "../src/lifecycle/Store.ts"
import type { Fen } from "../src/Money.ts"
import * as Money from "../src/Money.ts"
import type { Ratio } from "../src/Ratio.ts"
import * as Ratios from "../src/Ratio.ts"
import type { RegionCode } from "../src/Region.ts"
import type { Claim, DutySubsidies, Subsidy, WorkedShift } from "../src/subsidy/index.ts"
import { calculateCase, calculateDuty, tables } from "../src/subsidy/index.ts"

declare const budget: Budget
declare const line: BudgetLine
declare const entries: ReadonlyArray<LedgerEntry>
declare const entry: LedgerEntry
declare const payable: Payable
declare const payables: ReadonlyArray<Payable>
declare const report: ExecutionReport
declare const warning: BehindSchedule
declare const subsidy: Subsidy
declare const duty: DutySubsidies
declare const shift: WorkedShift
declare const store: LedgerStoreShape
declare const region: RegionCode
declare const asOf: CalendarDate
declare const outcome: RecordOutcome
declare const claim: Claim

describe("payables and entries carry Fen and CalendarDates", () => {
  it("a Payable's amount is Fen and its date a CalendarDate", () => {
    // @ts-expect-error 120000 is a number, not Fen: use Money.fenUnsafe or a subsidy's amount
    const byNumber: Payable = { ...payable, amount: 120000 }
    // @ts-expect-error a plain string is not a CalendarDate: CalendarDate.makeUnsafe or decode first
    const byString: Payable = { ...payable, on: "2018-05-18" }
    // @ts-expect-error only subsidies enter as payables: a case or duty subsidy, not publicity
    const wrongCategory: Payable = { ...payable, category: "publicity" }
    // @ts-expect-error a payable comes from a case or a duty shift, never a manual voucher
    const manual: Payable = { ...payable, source: { kind: "manual" } }
    const ok: Payable = { ...payable, amount: Money.fenUnsafe(120000) }
    void [byNumber, byString, wrongCategory, manual, ok]
    expectTypeOf<Payable["amount"]>().toEqualTypeOf<Fen>()
    expectTypeOf<Payable["on"]>().toEqualTypeOf<CalendarDate>()
  })

  it("a LedgerEntry's amount is Fen, its date a CalendarDate, its kind closed", () => {
    // @ts-expect-error a number is not Fen
    const byNumber: LedgerEntry = { ...entry, amount: 150000 }
    // @ts-expect-error a plain string is not a CalendarDate
    const byString: LedgerEntry = { ...entry, on: "2018-03-15" }
    // @ts-expect-error an entry is a commitment or a payment; a refund is a negative of neither
    const refund: LedgerEntry = { ...entry, kind: "refund" }
    void [byNumber, byString, refund]
    expectTypeOf<LedgerEntry["kind"]>().toEqualTypeOf<"commitment" | "payment">()
    expectTypeOf<LedgerEntry["source"]["kind"]>().toEqualTypeOf<"manual" | "case" | "duty-shift">()
  })

  it("budget lines need Fen amounts and closed categories", () => {
    // @ts-expect-error 36000000 is a number, not Fen
    const byNumber: BudgetLine = { ...line, amount: 36000000 }
    // @ts-expect-error "salaries" is not a category
    const unknown: BudgetLine = { ...line, category: "salaries" }
    // @ts-expect-error a schedule share is an exact Ratio, not a float
    const floatShare: BudgetLine = { ...line, schedule: [{ by: asOf, share: 0.5 }] }
    void [byNumber, unknown, floatShare]
    expectTypeOf<Category>().toEqualTypeOf<"case-subsidy" | "duty-subsidy" | "publicity" | "equipment" | "grants" | "auxiliary-staff" | "training" | "other">()
  })
})

describe("the functions take what they say", () => {
  it("entries or payables are not a Budget", () => {
    // @ts-expect-error entries where the budget is expected
    execution(entries, entries, asOf)
    // @ts-expect-error payables where the budget is expected
    entriesFromPayables(payables, payables)
    // @ts-expect-error a budget line is not a budget
    totalsOf(line, entries, asOf)
    expectTypeOf(execution).parameter(0).toEqualTypeOf<Budget>()
  })

  it("dates are CalendarDates, options are typed", () => {
    // @ts-expect-error a plain string is not a CalendarDate
    execution(budget, entries, "2018-06-30")
    // @ts-expect-error a plain string is not a CalendarDate
    plannedBy(line, 2018, "2018-06-30")
    // @ts-expect-error the threshold is an exact Ratio, not a float
    execution(budget, entries, asOf, { behindBy: 0.1 })
    // @ts-expect-error only linear or step interpolation
    execution(budget, entries, asOf, { interpolation: "cubic" })
    // @ts-expect-error roundings are named
    execution(budget, entries, asOf, { plannedRounding: "round" })
    execution(budget, entries, asOf, { behindBy: Ratios.makeUnsafe(1, 5), marginDays: 45 })
    // @ts-expect-error a region code is a RegionCode, not a plain string
    executionReport("530103", "PL-2018", asOf)
  })

  it("a subsidy is not a payable, nor a payable an entry", () => {
    // @ts-expect-error a computed subsidy has no key or category: make a Payable from it first
    entriesFromPayables(budget, [subsidy])
    // @ts-expect-error duty subsidies are per day and line: one payable per duty line
    entriesFromPayables(budget, duty.days)
    // @ts-expect-error the ledger records entries (with a budget and a line), not payables
    store.append(payables)
    // @ts-expect-error reconcile takes the entries first, then the payables
    reconcile(payables, entries)
    expectTypeOf(entriesFromPayables(budget, payables)).toEqualTypeOf<Result.Result<ReadonlyArray<LedgerEntry>, UnplaceablePayable>>()
    expectTypeOf(reconcile(entries, payables)).toEqualTypeOf<Reconciliation>()
  })

  it("subsidy calculations take a catalogue and decoded shifts", () => {
    // @ts-expect-error a single standard is not a catalogue: makeCatalogue([standard]) or tables.panlong
    calculateDuty(tables.panlong2018, [shift])
    // @ts-expect-error a shift's date is a CalendarDate
    calculateDuty(tables.panlong, [{ ...shift, date: "2018-05-09" }])
    // @ts-expect-error a shift's slot is full, am or pm
    calculateDuty(tables.panlong, [{ ...shift, slot: "evening" }])
    // @ts-expect-error a single standard is not a catalogue
    calculateCase(tables.rizhao2017, claim)
    calculateCase(tables.examples, claim)
  })
})

describe("results are read-only", () => {
  it("an execution report cannot be edited", () => {
    // @ts-expect-error the overall figures are read-only
    report.overall.paid = Money.zero
    // @ts-expect-error a line's execution rate is read-only
    report.lines[0]!.executionRate = Ratios.one
    // @ts-expect-error the lines are a read-only array
    report.lines.pop()
    // @ts-expect-error warnings cannot be dropped
    report.warnings.length = 0
    // @ts-expect-error a warning's figures are read-only
    warning.gap = Money.zero
    // @ts-expect-error the options used are read-only
    report.options.marginDays = 0
  })

  it("budgets, entries and outcomes cannot be edited", () => {
    // @ts-expect-error a budget's lines are read-only
    budget.lines.push(line)
    // @ts-expect-error a line's amount is read-only
    budget.lines[0]!.amount = Money.zero
    // @ts-expect-error an entry is read-only
    entry.amount = Money.zero
    // @ts-expect-error an outcome's lists are read-only
    outcome.duplicates.push({ budgetId: "B", key: "k" })
  })

  it("figures and warnings are typed", () => {
    expectTypeOf(report.overall.variance).toEqualTypeOf<Fen>()
    expectTypeOf(report.overall.executionRate).toEqualTypeOf<Ratio>()
    expectTypeOf(warning.lineId).toEqualTypeOf<string | undefined>()
    expectTypeOf(warning.neededPerMonth).toEqualTypeOf<Fen>()
    expectTypeOf(warning._tag).toEqualTypeOf<"BehindSchedule">()
  })
})

describe("failures and requirements are in the type", () => {
  it("recording names every way it can fail", () => {
    expectTypeOf<Effect.Error<ReturnType<LedgerStoreShape["append"]>>>().toEqualTypeOf<RecordError | StoreError>()
    expectTypeOf<Effect.Success<ReturnType<LedgerStoreShape["append"]>>>().toEqualTypeOf<RecordOutcome>()
  })

  it("a stored report needs the LedgerStore", () => {
    const effect = executionReport(region, "PL-2018", asOf)
    expectTypeOf<Effect.Services<typeof effect>>().toEqualTypeOf<LedgerStore>()
    expectTypeOf<Effect.Error<typeof effect>>().toEqualTypeOf<BudgetNotFound | CorruptRecord | StoreError>()
    expectTypeOf<Effect.Success<typeof effect>>().toEqualTypeOf<ExecutionReport>()
  })
})
