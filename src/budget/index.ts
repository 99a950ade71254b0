/**
 * `fayuan/budget`: project budgets with their planned spending schedules, the ledger of
 * commitments and payments (idempotent), execution reports with variance and early warnings, the
 * `LedgerStore` port, and the flow of subsidies into the ledger with its reconciliation.
 *
 * @since 0.1.0
 */
export type { Category } from "./Budget.ts"
export {
  Budget,
  BudgetLine,
  categories,
  decodeBudget,
  decodeBudgetJson,
  encodeBudgetJson,
  InvalidBudget,
  lineOf,
  makeBudgetUnsafe,
  SchedulePoint,
  total,
  yearEnd,
  yearStart
} from "./Budget.ts"
export type {
  BehindSchedule,
  ExecutionOptions,
  ExecutionReport,
  Figures,
  Interpolation,
  LineExecution,
  ResolvedExecutionOptions
} from "./execution.ts"
export { defaultExecutionOptions, execution, plannedBy } from "./execution.ts"
export type { LineChooser, Mismatch, Reconciliation } from "./flow.ts"
export { entriesFromPayables, reconcile, UnplaceablePayable } from "./flow.ts"
export type { SubsidyInput, SubsidyRun, Unpaid } from "./subsidies.ts"
export { payablesOfCase, payablesOfDuty, subsidiesForLedger } from "./subsidies.ts"
export type { EntryKind, EntryRef, GroupSum, LedgerTotals, LineTotals, Payable, RecordContext, RecordError, RecordOutcome, RecordPlan } from "./Ledger.ts"
export {
  BudgetNotFound,
  checkEntries,
  compareEntries,
  decodeEntries,
  decodeStoredEntry,
  entryKinds,
  fingerprint,
  IdempotencyConflict,
  InvalidEntries,
  InvalidEntry,
  LedgerEntry,
  maxEntryFen,
  lookupsOf,
  planRecord,
  recordedTotalProblem,
  sameEntry,
  Source,
  sourceFromRef,
  sourceRef,
  totalsFromGroups,
  totalsOf,
  UnknownLine
} from "./Ledger.ts"
export type { BudgetHead, BudgetUsage, DateRange, LedgerStoreShape } from "./Store.ts"
export { BudgetConflict, checkBudgetChange, executionReport, LedgerStore } from "./Store.ts"
