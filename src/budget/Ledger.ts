/**
 * The budget ledger: commitments and payments recorded against budget lines, each under an
 * idempotency key, so that recording the same payment twice changes nothing; and the subsidies
 * ready to enter it ({@link Payable}).
 *
 * The rules a store applies to a batch are here, pure ({@link planRecord}), so every adapter keeps
 * exactly the same ones: the in-memory store is the model, the SQL stores gather the same context
 * from their tables.
 *
 * @since 0.1.0
 */
import { Data, Result, Schema } from "effect"
import * as IdModule from "../Id.ts"
import * as CalendarDate from "../CalendarDate.ts"
import type { Issue } from "../eligibility/Application.ts"
import { issuesOf } from "../eligibility/Application.ts"
import * as Money from "../Money.ts"
import * as Region from "../Region.ts"
import type { Budget } from "./Budget.ts"
import { Id } from "./Budget.ts"

/**
 * What an entry records: a `commitment` (money promised — a contract signed, a grant approved) or a
 * `payment` (money paid out).
 *
 * @category vocabulary
 * @since 0.1.0
 */
export const entryKinds = ["commitment", "payment"] as const

/** @category vocabulary */
export type EntryKind = (typeof entryKinds)[number]

/** An idempotency key: 1 to 200 characters. */
export const Key = Schema.String.pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(200)))

/**
 * Where an entry came from: entered by hand (with an optional voucher reference), the subsidy of a
 * case, or the subsidy of a worked duty shift (its seat: date, site, slot, seat).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Source = Schema.Union([
  Schema.Struct({ kind: Schema.Literal("manual"), ref: Schema.optionalKey(Key) }),
  Schema.Struct({ kind: Schema.Literal("case"), caseId: IdModule.Id }),
  Schema.Struct({
    kind: Schema.Literal("duty-shift"),
    date: CalendarDate.CalendarDate,
    siteId: Id,
    slot: Schema.String.pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(16))),
    seat: Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 0, maximum: 10_000 })))
  })
])

/** @category models */
export type Source = typeof Source.Type

/**
 * The largest amount one ledger entry may carry: 10^13 fen, ¥100 billion. A year of legal aid in
 * the whole country is a few billion yuan; the bound keeps a line's sums far inside the safe
 * integers (about 900 maximal entries would be needed to leave them).
 *
 * @category schemas
 * @since 0.2.0
 */
export const maxEntryFen = 10_000_000_000_000

/**
 * The entries of a batch that would take their budget's recorded total (every entry ever recorded
 * on it, payments and commitments) past the exact integers: the first such entry, by key, as an
 * `InvalidEntry` of its amount; `undefined` when none would. Stores keep the total beside the
 * budget and ask this before they insert, so no sum they read is ever inexact.
 *
 * @example
 * import { recordedTotalProblem } from "fayuan/budget"
 * recordedTotalProblem([], () => 0) // undefined
 *
 * @category ledger
 * @since 0.2.0
 */
export const recordedTotalProblem = (insert: ReadonlyArray<LedgerEntry>, recorded: (budgetId: string) => number): InvalidEntry | undefined => {
  const added = new Map<string, number>()
  for (const e of [...insert].sort((a, b) => compareText(a.budgetId, b.budgetId) || compareText(a.key, b.key))) {
    const total = (added.get(e.budgetId) ?? recorded(e.budgetId)) + e.amount
    if (total > Number.MAX_SAFE_INTEGER) {
      return new InvalidEntry({ key: e.key, field: "amount", reason: "would take the budget's recorded total past the exact range (about ¥90 trillion)" })
    }
    added.set(e.budgetId, total)
  }
  return undefined
}

/**
 * One ledger entry.
 *
 * - `key`: the idempotency key, unique within the budget (e.g. `"case:530103:C-0001"`);
 * - `kind`, `amount` (fen, positive, at most {@link maxEntryFen}: ¥100 billion, more than any
 *   legal aid budget, so the sums a store keeps stay exact), `on` (a date within the budget's year);
 * - `source`: manual, a case or a duty shift;
 * - `region`: where the money went (a division within the budget's region), optional;
 * - `lawyerId`, `memo` (a reference such as a voucher number, never free text): optional;
 * - `settles`: for a payment, the key of the commitment (same line, not later) it settles. The open
 *   commitments of a line are its commitments less the payments that settle them.
 *
 * @category schemas
 * @since 0.1.0
 */
export const LedgerEntry = Schema.Struct({
  key: Key,
  budgetId: Id,
  lineId: Id,
  kind: Schema.Literals(entryKinds),
  amount: Money.Fen.pipe(Schema.check(Schema.isGreaterThan(0), Schema.isLessThanOrEqualTo(maxEntryFen))),
  on: CalendarDate.CalendarDate,
  source: Source,
  region: Schema.optionalKey(Region.RegionCode),
  lawyerId: Schema.optionalKey(Id),
  /** A reference (a voucher or document number), never free text: letters, digits, space and `. _ : / # -`, up to 64. */
  memo: Schema.optionalKey(Schema.String.pipe(Schema.check(Schema.isPattern(/^[A-Za-z0-9 ._:/#-]{1,64}$/)))),
  settles: Schema.optionalKey(Key)
})

/**
 * One ledger entry (see the schema {@link LedgerEntry}).
 *
 * @category models
 * @since 0.1.0
 */
export type LedgerEntry = typeof LedgerEntry.Type

/**
 * A subsidy ready to enter the ledger: the contract between the subsidy calculation and the budget.
 * `key` is its idempotency key (`"case:530103:C-0001"`, `"shift:530103:2018-05-18:court:am:0"`),
 * `on` the date the payment is due (closing materials filed, shift worked).
 *
 * @category models
 * @since 0.1.0
 */
export interface Payable {
  readonly key: string
  readonly region: Region.RegionCode
  readonly on: CalendarDate.CalendarDate
  readonly amount: Money.Fen
  readonly source:
    | { readonly kind: "case"; readonly caseId: string }
    | { readonly kind: "duty-shift"; readonly date: CalendarDate.CalendarDate; readonly siteId: string; readonly slot: string; readonly seat: number }
  readonly lawyerId?: string
  readonly category: "case-subsidy" | "duty-subsidy"
}

/**
 * The input is not a list of valid ledger entries: every problem, with its path (`[3].amount`).
 *
 * @category errors
 * @since 0.1.0
 */
export class InvalidEntries extends Data.TaggedError("InvalidEntries")<{ readonly issues: ReadonlyArray<Issue> }> {
  override get message(): string {
    return `invalid ledger entries: ${this.issues.map((i) => `${i.path || "(root)"}: ${i.reason}`).join("; ")}`
  }
}

const decodeArray = Schema.decodeUnknownResult(Schema.Array(LedgerEntry))
const decodeOne = Schema.decodeUnknownResult(LedgerEntry)

const entryIssues = (e: LedgerEntry, prefix: string): ReadonlyArray<Issue> => {
  const issues: Array<Issue> = []
  if (e.settles !== undefined && e.kind !== "payment") issues.push({ path: `${prefix}settles`, reason: "only a payment settles a commitment" })
  if (e.settles !== undefined && e.settles === e.key) issues.push({ path: `${prefix}settles`, reason: "an entry cannot settle itself" })
  return issues
}

/**
 * Decodes ledger entries from unknown input (an array): the schema, and that only a payment
 * settles a commitment (never itself). Unknown fields are rejected.
 *
 * @example
 * ```ts
 * import { decodeEntries } from "fayuan/budget"
 * decodeEntries([{ key: "v-001", budgetId: "PL-2018", lineId: "publicity", kind: "payment",
 *   amount: 150000, on: "2018-03-15", source: { kind: "manual", ref: "voucher 001" } }])
 * ```
 * @category decoding
 * @since 0.1.0
 */
export const decodeEntries = (input: unknown): Result.Result<ReadonlyArray<LedgerEntry>, InvalidEntries> => {
  const r = decodeArray(input, { errors: "all", onExcessProperty: "error" })
  if (Result.isFailure(r)) return Result.fail(new InvalidEntries({ issues: issuesOf(r.failure) }))
  const issues = r.success.flatMap((e, i) => entryIssues(e, `[${i}].`))
  return issues.length > 0 ? Result.fail(new InvalidEntries({ issues })) : Result.succeed(r.success)
}

/**
 * The text a source is stored and compared by: `null` for a manual entry without a reference, the
 * reference or case id, or the duty seat as a JSON array `[date, siteId, slot, seat]`.
 *
 * @category encoding
 * @since 0.1.0
 */
export const sourceRef = (source: Source): string | null => {
  switch (source.kind) {
    case "manual":
      return source.ref ?? null
    case "case":
      return source.caseId
    case "duty-shift":
      return JSON.stringify([source.date, source.siteId, source.slot, source.seat])
  }
}

/**
 * The source back from its stored kind and reference (not checked: decode the entry after).
 *
 * @category encoding
 * @since 0.1.0
 */
export const sourceFromRef = (kind: string, ref: string | null): unknown => {
  if (kind === "manual") return ref === null ? { kind } : { kind, ref }
  if (kind === "case") return { kind, caseId: ref }
  if (kind === "duty-shift") {
    try {
      const [date, siteId, slot, seat] = JSON.parse(ref ?? "") as [unknown, unknown, unknown, unknown]
      return { kind, date, siteId, slot, seat }
    } catch {
      return { kind }
    }
  }
  return { kind }
}

/**
 * Decodes one stored entry (rebuilt from columns); `undefined` when it does not decode.
 *
 * @category encoding
 * @since 0.1.0
 */
export const decodeStoredEntry = (input: unknown): LedgerEntry | undefined => {
  const r = decodeOne(input, { onExcessProperty: "error" })
  return Result.isSuccess(r) && entryIssues(r.success, "").length === 0 ? r.success : undefined
}

/**
 * A canonical text of an entry's content: two entries are the same record exactly when their
 * fingerprints are equal (field order and absent optional fields do not matter).
 *
 * @category equivalence
 * @since 0.1.0
 */
export const fingerprint = (e: LedgerEntry): string =>
  JSON.stringify([e.key, e.budgetId, e.lineId, e.kind, e.amount, e.on, e.source.kind, sourceRef(e.source), e.region ?? null, e.lawyerId ?? null, e.memo ?? null, e.settles ?? null])

/**
 * Whether two entries record the same thing.
 *
 * @category equivalence
 * @since 0.1.0
 */
export const sameEntry = (a: LedgerEntry, b: LedgerEntry): boolean => fingerprint(a) === fingerprint(b)

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The canonical order of entries: by budget, date, then key.
 *
 * @category ordering
 * @since 0.1.0
 */
export const compareEntries = (a: LedgerEntry, b: LedgerEntry): number =>
  compareText(a.budgetId, b.budgetId) || compareText(a.on, b.on) || compareText(a.key, b.key)

/**
 * An entry named by its budget and key.
 *
 * @category models
 * @since 0.1.0
 */
export interface EntryRef {
  readonly budgetId: string
  readonly key: string
}

/**
 * What a `record` did: the entries it stored, and the ones already stored with the same content
 * (duplicates, which changed nothing). Both by budget and key.
 *
 * @category models
 * @since 0.1.0
 */
export interface RecordOutcome {
  readonly recorded: ReadonlyArray<EntryRef>
  readonly duplicates: ReadonlyArray<EntryRef>
}

/**
 * No budget with this id (in the scope, for a read).
 *
 * @category errors
 * @since 0.1.0
 */
export class BudgetNotFound extends Data.TaggedError("BudgetNotFound")<{ readonly budgetId: string }> {
  override get message(): string {
    return `no budget ${this.budgetId} in this scope`
  }
}

/**
 * An entry names a line its budget does not have. Nothing in the batch was stored.
 *
 * @category errors
 * @since 0.1.0
 */
export class UnknownLine extends Data.TaggedError("UnknownLine")<{ readonly budgetId: string; readonly lineId: string; readonly key: string }> {
  override get message(): string {
    return `entry ${this.key}: budget ${this.budgetId} has no line ${this.lineId}`
  }
}

/**
 * An entry's key is already used, in the store or earlier in the batch, by an entry with other
 * content. Nothing in the batch was stored.
 *
 * @category errors
 * @since 0.1.0
 */
export class IdempotencyConflict extends Data.TaggedError("IdempotencyConflict")<{ readonly budgetId: string; readonly key: string }> {
  override get message(): string {
    return `entry ${this.key} of budget ${this.budgetId} is already recorded with other content`
  }
}

/**
 * An entry breaks a rule of the ledger: it does not decode, its date is outside the budget's year,
 * its region outside the budget's, or what it settles is not an open commitment of its line.
 * `field` names the field. Nothing in the batch was stored.
 *
 * @category errors
 * @since 0.1.0
 */
export class InvalidEntry extends Data.TaggedError("InvalidEntry")<{ readonly key: string; readonly field: string; readonly reason: string }> {
  override get message(): string {
    return `invalid ledger entry ${this.key}: ${this.field}: ${this.reason}`
  }
}

/**
 * Why a batch was refused.
 *
 * @category errors
 * @since 0.1.0
 */
export type RecordError = BudgetNotFound | UnknownLine | IdempotencyConflict | InvalidEntry

/**
 * What a store knows that a batch is checked against: the budgets the batch names, the entries
 * already stored under the keys the batch uses (its own keys and the commitments it settles), and
 * how much of each of those commitments stored payments already settle.
 *
 * @category models
 * @since 0.1.0
 */
export interface RecordContext {
  readonly budget: (budgetId: string) => Budget | undefined
  readonly stored: (budgetId: string, key: string) => LedgerEntry | undefined
  readonly settled: (budgetId: string, commitmentKey: string) => Money.Fen
}

/**
 * The keys a store must look up to build the {@link RecordContext} of a batch, by budget id: the
 * batch's own keys and the commitments its payments settle.
 *
 * @category models
 * @since 0.1.0
 */
export const lookupsOf = (entries: ReadonlyArray<LedgerEntry>): ReadonlyMap<string, { readonly keys: ReadonlySet<string>; readonly settles: ReadonlySet<string> }> => {
  const out = new Map<string, { keys: Set<string>; settles: Set<string> }>()
  for (const e of entries) {
    let b = out.get(e.budgetId)
    if (b === undefined) out.set(e.budgetId, (b = { keys: new Set(), settles: new Set() }))
    b.keys.add(e.key)
    if (e.settles !== undefined) b.settles.add(e.settles)
  }
  return out
}

/**
 * The plan of a batch that passed every check: the entries to insert (new keys, canonical order)
 * and the outcome to report.
 *
 * @category models
 * @since 0.1.0
 */
export interface RecordPlan {
  readonly insert: ReadonlyArray<LedgerEntry>
  readonly outcome: RecordOutcome
}

const refKey = (budgetId: string, key: string): string => `${budgetId}\u0000${key}`

/**
 * The first entry of a batch that does not decode as a {@link LedgerEntry} (entries typed as such
 * may still have been built by a cast), as an {@link InvalidEntry}; `undefined` when all do. A
 * store checks this before it looks anything up.
 *
 * @category recording
 * @since 0.1.0
 */
export const checkEntries = (entries: ReadonlyArray<LedgerEntry>): InvalidEntry | undefined => {
  for (const e of entries) {
    const r = decodeOne(e, { onExcessProperty: "error" })
    const key = typeof (e as { key?: unknown } | null)?.key === "string" ? e.key : ""
    if (Result.isFailure(r)) {
      const issue = issuesOf(r.failure)[0]
      return new InvalidEntry({ key, field: issue?.path || "(entry)", reason: issue?.reason ?? "does not decode" })
    }
    const issue = entryIssues(r.success, "")[0]
    if (issue !== undefined) return new InvalidEntry({ key, field: issue.path, reason: issue.reason })
  }
  return undefined
}

/**
 * Checks a batch against what is stored and plans the write — all or nothing. In canonical order
 * (budget, key), each entry must decode; name a known budget; and either repeat a stored (or
 * earlier) entry of the same key exactly (a duplicate, changing nothing) or use a new key (else
 * {@link IdempotencyConflict}). A new entry must name a line of its budget ({@link UnknownLine}),
 * fall within the budget's year and region, and a payment that settles a commitment must name a
 * commitment of the same line, not later than the payment, that the payments settling it do not
 * exceed ({@link InvalidEntry}). The first failure, in canonical order, refuses the batch; so the
 * result does not depend on the order of the batch.
 *
 * @category recording
 * @since 0.1.0
 */
export const planRecord = (entries: ReadonlyArray<LedgerEntry>, context: RecordContext): Result.Result<RecordPlan, RecordError> => {
  const invalid = checkEntries(entries)
  if (invalid !== undefined) return Result.fail(invalid)
  const sorted = [...entries].sort((a, b) => compareText(a.budgetId, b.budgetId) || compareText(a.key, b.key) || compareText(fingerprint(a), fingerprint(b)))
  const batch = new Map<string, LedgerEntry>()
  const fresh: Array<LedgerEntry> = []
  const duplicates: Array<EntryRef> = []
  for (const e of sorted) {
    if (context.budget(e.budgetId) === undefined) return Result.fail(new BudgetNotFound({ budgetId: e.budgetId }))
    const k = refKey(e.budgetId, e.key)
    const prior = batch.get(k) ?? context.stored(e.budgetId, e.key)
    if (prior !== undefined) {
      if (!sameEntry(prior, e)) return Result.fail(new IdempotencyConflict({ budgetId: e.budgetId, key: e.key }))
      duplicates.push({ budgetId: e.budgetId, key: e.key })
      continue
    }
    batch.set(k, e)
    fresh.push(e)
  }
  const settledSoFar = new Map<string, number>()
  for (const e of fresh) {
    const budget = context.budget(e.budgetId)!
    const line = budget.lines.find((l) => l.id === e.lineId)
    if (line === undefined) return Result.fail(new UnknownLine({ budgetId: e.budgetId, lineId: e.lineId, key: e.key }))
    if (CalendarDate.year(e.on) !== budget.year) return Result.fail(new InvalidEntry({ key: e.key, field: "on", reason: "is outside the budget's year" }))
    if (e.region !== undefined && !Region.contains(budget.region, e.region)) {
      return Result.fail(new InvalidEntry({ key: e.key, field: "region", reason: "is outside the budget's region" }))
    }
    if (e.settles !== undefined) {
      const ck = refKey(e.budgetId, e.settles)
      const commitment = batch.get(ck) ?? context.stored(e.budgetId, e.settles)
      const fail = (reason: string) => Result.fail(new InvalidEntry({ key: e.key, field: "settles", reason }))
      if (commitment === undefined || commitment.kind !== "commitment") return fail("names no commitment of this budget")
      if (commitment.lineId !== e.lineId) return fail("names a commitment of another line")
      if (commitment.on > e.on) return fail("names a commitment made after the payment")
      const settled = (settledSoFar.get(ck) ?? context.settled(e.budgetId, e.settles)) + e.amount
      if (settled > commitment.amount) return fail("the payments settling the commitment would exceed it")
      settledSoFar.set(ck, settled)
    }
  }
  const byRef = (a: EntryRef, b: EntryRef) => compareText(a.budgetId, b.budgetId) || compareText(a.key, b.key)
  return Result.succeed({
    insert: fresh,
    outcome: { recorded: fresh.map((e) => ({ budgetId: e.budgetId, key: e.key })).sort(byRef), duplicates: duplicates.sort(byRef) }
  })
}

/**
 * The sums of one line's entries up to a date: payments, commitments, the payments that settle a
 * commitment, and how many entries.
 *
 * @category models
 * @since 0.1.0
 */
export interface LineTotals {
  readonly lineId: string
  readonly payments: Money.Fen
  readonly commitments: Money.Fen
  readonly settled: Money.Fen
  readonly entries: number
}

/**
 * A budget's ledger summed per line up to `asOf` (inclusive), every line of the budget in the
 * budget's order — what a SQL store computes with `GROUP BY line_id, kind`, and what an execution
 * report is built from.
 *
 * @category models
 * @since 0.1.0
 */
export interface LedgerTotals {
  readonly budgetId: string
  readonly asOf: CalendarDate.CalendarDate
  readonly lines: ReadonlyArray<LineTotals>
}

/**
 * Sums of one line's entries, as a SQL store's `GROUP BY line_id, kind` returns them.
 *
 * @category models
 * @since 0.1.0
 */
export interface GroupSum {
  readonly lineId: string
  readonly kind: EntryKind
  readonly amount: Money.Fen
  readonly settled: Money.Fen
  readonly entries: number
}

/**
 * Builds {@link LedgerTotals} from grouped sums (lines outside the budget are left out).
 *
 * @category totals
 * @since 0.1.0
 */
export const totalsFromGroups = (budget: Budget, asOf: CalendarDate.CalendarDate, groups: Iterable<GroupSum>): LedgerTotals => {
  const acc = new Map(budget.lines.map((l) => [l.id, { payments: Money.zero, commitments: Money.zero, settled: Money.zero, entries: 0 }]))
  for (const g of groups) {
    const t = acc.get(g.lineId)
    if (t === undefined) continue
    if (g.kind === "payment") {
      t.payments = Money.add(t.payments, g.amount)
      t.settled = Money.add(t.settled, g.settled)
    } else t.commitments = Money.add(t.commitments, g.amount)
    t.entries += g.entries
  }
  return {
    budgetId: budget.id,
    asOf,
    lines: budget.lines.map((l) => {
      const t = acc.get(l.id)!
      return { lineId: l.id, payments: t.payments, commitments: t.commitments, settled: t.settled, entries: t.entries }
    })
  }
}

/**
 * Sums a budget's entries per line up to `asOf` (inclusive), in memory: entries of other budgets
 * or of lines the budget lacks are left out. Equal to what a store's `executionTotals` returns.
 *
 * @example
 * ```ts
 * import { CalendarDate } from "fayuan"
 * import { totalsOf, type Budget, type LedgerEntry } from "fayuan/budget"
 * declare const budget: Budget
 * declare const entries: ReadonlyArray<LedgerEntry>
 * const totals = totalsOf(budget, entries, CalendarDate.makeUnsafe("2018-06-30"))
 * totals.lines[0]?.payments // the line's payments up to 30 June, in fen
 * ```
 * @category totals
 * @since 0.1.0
 */
export const totalsOf = (budget: Budget, entries: ReadonlyArray<LedgerEntry>, asOf: CalendarDate.CalendarDate): LedgerTotals => {
  const groups = new Map<string, { lineId: string; kind: EntryKind; amount: Money.Fen; settled: Money.Fen; entries: number }>()
  for (const e of entries) {
    if (e.budgetId !== budget.id || e.on > asOf) continue
    const k = `${e.lineId}\u0000${e.kind}`
    let g = groups.get(k)
    if (g === undefined) groups.set(k, (g = { lineId: e.lineId, kind: e.kind, amount: Money.zero, settled: Money.zero, entries: 0 }))
    g.amount = Money.add(g.amount, e.amount)
    if (e.settles !== undefined) g.settled = Money.add(g.settled, e.amount)
    g.entries++
  }
  return totalsFromGroups(budget, asOf, groups.values())
}
