/**
 * The subsidy calculation: pure functions from a catalogue of standards and a claim (a concluded
 * or terminated case, worked duty shifts, consultation days, drafted documents) to an amount in
 * fen and every line that made it, each naming its standard, row and effective date. The lines
 * always sum to the amount, and the amount is never negative.
 *
 * A case is paid, in this order: a fixed `early-end` amount when it ended early and the standard
 * has one (nothing else then applies); otherwise the base amount of each completed stage (criminal)
 * or of the service, by place band and quality grade; the outside-home-city multiplier on base
 * amounts that had no outside band; the life-or-death multiplier; the complexity multiplier (the
 * claim's ratio, capped by the standard's); the addition per extra recipient; and last, for an
 * unqualified file, the reduction. Each multiplier rounds the running total with the standard's
 * named rounding, and its line is the difference, so nothing is lost.
 *
 * @since 0.1.0
 */
import { Result } from "effect"
import * as CalendarDate from "../CalendarDate.ts"
import * as Money from "../Money.ts"
import * as Ratio from "../Ratio.ts"
import { proceedingStages as stages } from "../RuleSet.ts"
import type { DateRule } from "./Standard.ts"
import type { Catalogue } from "./Catalogue.ts"
import type { Compiled } from "./compiled.ts"
import { defaultDateRule } from "./Standard.ts"
import { baseSlot, claimGradeIndex, endingIndex, ratioText, serviceIndex } from "./compiled.ts"
import { entriesFor, inForce } from "./Catalogue.ts"
import { Claim, stageRank } from "./Claim.ts"
import type { CalculateError, Line, Subject, Subsidy } from "./Subsidy.ts"
import { InvalidClaim, NoStandardInForce, NotCovered } from "./Subsidy.ts"
import { allocate } from "./fromCase.ts"
import { endingLabels, labels, line, noNotes, noStages, serviceLabels, stageLabels } from "./labels.ts"

// ---------------------------------------------------------------------------------------------
// Cases

/**
 * Computes the subsidy of a case claim under the catalogue: the standard is the one in force, for
 * the claim's region or the nearest region above it that has standards, on the date the region's
 * date rule picks (`assigned-on` by default, or `ended-on`); the result says which rule and date.
 * Takes a decoded claim ({@link decodeClaim}, {@link claimFromCase}); nothing is decoded here.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { calculateCase, decodeClaim, tables } from "fayuan/subsidy"
 * const claim = Result.getOrThrow(decodeClaim({ region: "530103", caseId: "C-2", service: "criminal",
 *   stagesCompleted: ["investigation", "prosecution-review", "trial"], assignedOn: "2018-02-01",
 *   endedOn: "2018-11-20", endedBy: "concluded", possibleLifeOrDeath: true, recipients: 1 }))
 * const subsidy = Result.getOrThrow(calculateCase(tables.panlong, claim))
 * subsidy.amount // 420000: (800 + 800 + 1,200) × 1.5 yuan
 * ```
 * @category calculation
 * @since 0.1.0
 */
export const calculateCase = (catalogue: Catalogue, claim: Claim): Result.Result<Subsidy, CalculateError> => {
  let tried: DateRule | undefined
  const chain = entriesFor(catalogue, claim.region)
  for (let i = 0; i < chain.length; i++) {
    const entry = chain[i]!
    const date = entry.dateRule === "assigned-on" ? claim.assignedOn : claim.endedOn
    if (tried === undefined) tried = entry.dateRule
    const c = inForce(entry.list, date)
    if (c !== undefined) return computeCase(c, claim, entry.dateRule, date)
  }
  const rule = tried ?? defaultDateRule
  return Result.fail(new NoStandardInForce({ region: claim.region, date: rule === "assigned-on" ? claim.assignedOn : claim.endedOn, dateRule: rule }))
}

const computeCase = (c: Compiled, claim: Claim, dateRule: DateRule, date: CalendarDate.CalendarDate): Result.Result<Subsidy, CalculateError> => {
  const svc = serviceIndex[claim.service]
  const lines: Array<Line> = []
  let notes: Array<string> | undefined
  let total = 0
  if (claim.endedBy !== "concluded") {
    const ending = endingIndex[claim.endedBy]
    const early = c.earlyEnd[ending * 5 + svc]
    if (early !== undefined) {
      lines.push(line("early-end", endingLabels[ending]!, early.row.id, c, early.row.amount, early.detail))
      return finish(c, claim, dateRule, date, lines, early.row.amount, notes)
    }
    if (svc !== 0) return Result.fail(new NotCovered({ standardId: c.ref.id, need: `a ${claim.service} case ${claim.endedBy}` }))
  }
  const rounding = c.standard.rounding
  const outside = claim.outsideHomeCity === true
  const gradeSlot = claim.grade === undefined ? 4 : claimGradeIndex[claim.grade]
  // A claim is typed, but one that skipped decoding must still fail cleanly, never pay a wrong row.
  if (gradeSlot === undefined) return Result.fail(new InvalidClaim({ issues: [{ path: "grade", reason: `unknown grade ${String(claim.grade)}` }] }))
  let fallback = -1 // the home amounts paid for work outside the home city (−1: none fell back)
  let standIn = false
  // Criminal: one base line per completed stage, in stage order; otherwise one for the service.
  let mask = 0
  if (svc === 0) {
    for (const s of claim.stagesCompleted ?? noStages) {
      const rank = stageRank(s)
      if (rank === undefined) return Result.fail(new InvalidClaim({ issues: [{ path: "stagesCompleted", reason: `unknown stage ${String(s)}` }] }))
      mask |= 1 << rank
    }
  }
  else mask = 1 << 4
  for (let st = 0; st < 5; st++) {
    if ((mask & (1 << st)) === 0) continue
    let group = outside ? c.base[baseSlot(svc, st, true)] : undefined
    let fellBack = false
    if (group === undefined) {
      group = c.base[baseSlot(svc, st, false)]
      fellBack = outside
    }
    if (group === undefined) {
      return Result.fail(new NotCovered({ standardId: c.ref.id, need: st === 4 ? `a ${claim.service} case` : `the criminal ${stages[st]} stage` }))
    }
    const pick = group[gradeSlot]!
    if (pick.standIn) standIn = true
    const amount = pick.row.amount
    total += amount
    if (fellBack) fallback = fallback < 0 ? amount : fallback + amount
    lines.push(line("base", st === 4 ? serviceLabels[svc]! : stageLabels[st]!, pick.row.id, c, amount, pick.detail))
  }
  if (standIn && c.unqualified === undefined) return Result.fail(new NotCovered({ standardId: c.ref.id, need: "an unqualified (fail) file" }))
  if (fallback >= 0) {
    const m = c.outside[svc]
    if (m !== undefined) {
      const increase = Money.multiply(fallback as Money.Fen, m.row.ratio, rounding) - fallback
      lines.push(line("outside-home-city", labels.outside, m.row.id, c, increase, fallback === total ? m.detail : `${m.detail} on ${Money.format(fallback as Money.Fen)}`))
      total += increase
    } else {
      ;(notes ??= []).push("outside the home city: the standard has no outside band or multiplier here; paid at the home amount")
    }
  }
  if (claim.possibleLifeOrDeath === true) {
    const m = c.lifeOrDeath[svc]
    if (m !== undefined) {
      const increase = Money.multiply(total as Money.Fen, m.row.ratio, rounding) - total
      lines.push(line("life-or-death", labels.lifeOrDeath, m.row.id, c, increase, m.detail))
      total += increase
    } else {
      ;(notes ??= []).push("possible life or death sentence: the standard has no multiplier for it")
    }
  }
  const complexity = claim.complexity
  if (complexity !== undefined && Ratio.compare(complexity, Ratio.one) > 0) {
    const m = c.complexity[svc]
    if (m !== undefined) {
      const capped = Ratio.compare(complexity, m.ratio) > 0
      const applied = capped ? m.ratio : complexity
      const increase = Money.multiply(total as Money.Fen, applied, rounding) - total
      const detail = capped ? `${ratioText(applied)} (claimed ${ratioText(complexity)}, capped) ${rounding}` : `${ratioText(applied)} ${rounding}`
      lines.push(line("complexity", labels.complexity, m.id, c, increase, detail))
      total += increase
    } else {
      ;(notes ??= []).push("complexity: the standard has no complexity multiplier")
    }
  }
  if (claim.recipients > 1) {
    const e = c.extra[svc]
    if (e !== undefined) {
      const max = e.row.maxRecipients
      const extra = (claim.recipients < max ? claim.recipients : max) - 1
      if (extra > 0) {
        const amount = extra * e.row.amount
        const detail = claim.recipients > max ? `${extra}${e.detail} (${claim.recipients} recipients, at most ${max} counted)` : `${extra}${e.detail}`
        lines.push(line("extra-recipients", labels.extra, e.row.id, c, amount, detail))
        total += amount
      }
    } else {
      ;(notes ??= []).push("extra recipients: the standard pays no addition for them")
    }
  }
  if (claim.grade === "fail" && c.unqualified !== undefined) {
    const u = c.unqualified
    const reduced = Money.multiply(total as Money.Fen, u.row.ratio, rounding)
    lines.push(line("unqualified", labels.unqualified, u.row.id, c, reduced - total, u.detail))
    total = reduced
  }
  return finish(c, claim, dateRule, date, lines, total, notes)
}

const finish = (
  c: Compiled,
  claim: Claim,
  dateRule: DateRule,
  date: CalendarDate.CalendarDate,
  lines: ReadonlyArray<Line>,
  total: number,
  notes: ReadonlyArray<string> | undefined
): Result.Result<Subsidy, CalculateError> => {
  const amount = total as Money.Fen
  const subject: Subject = { kind: "case", caseId: claim.caseId }
  if (claim.lawyers === undefined || claim.lawyers.length === 0) {
    return Result.succeed({ subject, region: claim.region, amount, lines, standard: c.ref, dateRule, date, notes: notes ?? noNotes })
  }
  const parts = allocate({ amount }, claim.lawyers)
  if (Result.isFailure(parts)) return Result.fail(new InvalidClaim({ issues: [{ path: "lawyers", reason: parts.failure.message }] }))
  return Result.succeed({ subject, region: claim.region, amount, lines, standard: c.ref, dateRule, date, notes: notes ?? noNotes, allocations: parts.success })
}
