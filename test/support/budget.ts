/**
 * A ledger entry for tests: a manual voucher on budget `PL-2018` unless `extra` says otherwise.
 */
import type { LedgerEntry } from "../../src/budget/index.ts"
import * as CalendarDate from "../../src/CalendarDate.ts"
import * as Money from "../../src/Money.ts"

export const entry = (key: string, lineId: string, kind: "payment" | "commitment", amount: number, on: string, extra: Partial<LedgerEntry> = {}): LedgerEntry => ({
  key,
  budgetId: "PL-2018",
  lineId,
  kind,
  amount: Money.fenUnsafe(amount),
  on: CalendarDate.makeUnsafe(on),
  source: { kind: "manual" },
  ...extra
})
