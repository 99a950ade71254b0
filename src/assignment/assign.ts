/**
 * Assigning one case: the filters, then the rotation among those left, explained in full.
 *
 * @since 0.1.0
 */
import type { AssignmentRationale } from "../lifecycle/Event.ts"
import { CaseToAssign, Lawyer } from "./Input.ts"
import type { AssignOptions, Assignment, Candidate, Exclusion, Filter } from "./Outcome.ts"
import { filters } from "./Outcome.ts"
import { byCodeUnits, compareCandidates, compareKeys, fnv1a, lawyerHash, pairHash } from "./rotation.ts"
import type { Screen } from "./filters.ts"
import { filterApplies, filterName, screen, screenFor } from "./filters.ts"

export const byId = (a: Lawyer, b: Lawyer): number => byCodeUnits(a.id, b.id)
const filterRank: { readonly [F in Filter]: number } = Object.fromEntries(filters.map((f, i) => [f, i])) as { [F in Filter]: number }

const candidate = (lawyer: Lawyer, caseHash: number): Candidate => ({
  lawyerId: lawyer.id,
  firmId: lawyer.firmId,
  assignedCount: lawyer.assignedCount,
  weight: lawyer.weight ?? 1,
  openCases: lawyer.openCases,
  tieBreak: pairHash(caseHash, lawyerHash(lawyer.id))
})

const listIds = (ids: ReadonlyArray<string>, sep: string, more: (n: number) => string): string =>
  ids.length <= 10 ? ids.join(sep) : `${ids.slice(0, 10).join(sep)}${more(ids.length - 10)}`

export const key = (c: { readonly assignedCount: number; readonly weight: number }): string => `${c.assignedCount}/${c.weight}`

/** Why the case goes where it goes, as data (`undefined` when nobody qualifies). */
const rationaleOf = (s: Screen, total: number, excluded: ReadonlyArray<Exclusion>, ranking: ReadonlyArray<Candidate>, options: AssignOptions): AssignmentRationale | undefined => {
  const chosen = ranking[0]
  if (chosen === undefined) return undefined
  const pick = (x: Candidate) => ({ lawyerId: x.lawyerId, firmId: x.firmId, assignedCount: x.assignedCount, weight: x.weight, openCases: x.openCases, tieBreak: x.tieBreak })
  const out: { -readonly [K in keyof AssignmentRationale]: AssignmentRationale[K] } = {
    considered: total,
    excluded: filters.flatMap((filter) => {
      const out = excluded.filter((e) => e.filter === filter)
      if (out.length === 0) return []
      return [{ filter, lawyerIds: out.map((e) => e.lawyerId), basis: [...new Set(out.flatMap((e) => (e.basis === undefined ? [] : [e.basis])))] }]
    }),
    notApplicable: filters.filter((f) => !excluded.some((e) => e.filter === f) && !filterApplies(s, f)),
    qualified: ranking.length,
    chosen: pick(chosen)
  }
  if (options.dutyAdviserRule !== true && (s.c.dutyAdvisedCoAccused?.length ?? 0) > 0) out.dutyAdviserRuleOff = true
  if (ranking[1] !== undefined) out.next = pick(ranking[1])
  return out
}

/**
 * The account of an assignment in words, Chinese / English, one line per step: the pool, each
 * filter and whom it excluded (with the provision), then the rotation and why this lawyer and
 * not the next. From the rationale a case's event records, so the words can be written again at
 * any time and the log holds no free text.
 *
 * @example
 * ```ts
 * import { explainRationale } from "fayuan/assignment"
 * import type { Case, CaseEvent } from "fayuan/lifecycle"
 * declare const current: Case
 * declare const event: Extract<CaseEvent, { type: "LawyerAssigned" }>
 * if (event.rationale !== undefined) explainRationale(event.rationale, { caseId: current.id, kind: current.kind, region: current.region })
 * ```
 *
 * @category explanation
 */
export const explainRationale = (r: AssignmentRationale, c: { readonly caseId: string; readonly kind: string; readonly region: string }): ReadonlyArray<string> => {
  const lines = [`案件 ${c.caseId}（${c.kind}，${c.region}）：共考虑 ${r.considered} 名律师。 / Case ${c.caseId} (${c.kind}, ${c.region}): ${r.considered} lawyers considered.`]
  for (const filter of filters) {
    const [zh, en] = filterName[filter]
    const out = r.excluded.find((e) => e.filter === filter)
    if (out === undefined && r.notApplicable.includes(filter)) {
      lines.push(`${zh}：本案不适用。 / ${en}: does not apply to this case.`)
      continue
    }
    const bases = out?.basis ?? []
    const cite = bases.length === 0 ? ["", ""] : [`（${bases.join("、")}）`, ` (${bases.join(", ")})`]
    const ids = out?.lawyerIds ?? []
    lines.push(
      ids.length === 0
        ? `${zh}${cite[0]}：无人被排除。 / ${en}${cite[1]}: nobody excluded.`
        : `${zh}${cite[0]}：排除 ${ids.length} 名（${listIds(ids, "、", (n) => ` 等另 ${n} 名`)}）。 / ${en}${cite[1]}: excluded ${ids.length} (${listIds(ids, ", ", (n) => ` and ${n} more`)}).`
    )
  }
  if (r.dutyAdviserRuleOff === true) {
    lines.push("值班律师回避（地方规则）未启用：所列值班律师未被排除。 / Duty-adviser rule (local) is off: the duty lawyers listed were not excluded.")
  }
  const chosen = r.chosen
  lines.push(`余下 ${r.qualified} 名合格律师，按加权指派数轮流指派。 / ${r.qualified} qualified lawyers remain; rotation by weighted assignment count.`)
  const head = `指派 ${chosen.lawyerId}（律所 ${chosen.firmId}）：已指派 ${chosen.assignedCount} 件、权重 ${chosen.weight}，轮换键 ${key(chosen)}`
  const headEn = `Assigned ${chosen.lawyerId} (firm ${chosen.firmId}): ${chosen.assignedCount} assignments at weight ${chosen.weight}, rotation key ${key(chosen)}`
  const next = r.next
  if (next === undefined) {
    lines.push(`${head}，为唯一合格律师。 / ${headEn}, the only qualified lawyer.`)
  } else if (compareKeys(chosen.assignedCount, chosen.weight, next.assignedCount, next.weight) < 0) {
    lines.push(`${head}，为最低（其次为 ${next.lawyerId}，${key(next)}）。 / ${headEn}, the lowest (next: ${next.lawyerId} at ${key(next)}).`)
  } else if (chosen.openCases < next.openCases) {
    lines.push(
      `${head}，轮换键与 ${next.lawyerId} 相同；在办案件较少（${chosen.openCases} < ${next.openCases}）。 / ${headEn}, the same key as ${next.lawyerId}; fewer open cases (${chosen.openCases} < ${next.openCases}).`
    )
  } else if (chosen.tieBreak < next.tieBreak) {
    lines.push(
      `${head}，轮换键与在办案件数均与 ${next.lawyerId} 相同；按本案与律师编号的稳定散列在先（${chosen.tieBreak} < ${next.tieBreak}）。 / ${headEn}, tied with ${next.lawyerId} on key and open cases; first by the stable hash of case and lawyer (${chosen.tieBreak} < ${next.tieBreak}).`
    )
  } else {
    lines.push(`${head}，与 ${next.lawyerId} 完全相同，按律师编号在先。 / ${headEn}, tied with ${next.lawyerId} on everything; first by lawyer id.`)
  }
  return lines
}

/** The account when nobody qualifies: the pool and each filter. */
const explainNobody = (s: Screen, total: number, excluded: ReadonlyArray<Exclusion>, options: AssignOptions): Array<string> => {
  const { c } = s
  const lines = [`案件 ${c.caseId}（${c.kind}，${c.region}）：共考虑 ${total} 名律师。 / Case ${c.caseId} (${c.kind}, ${c.region}): ${total} lawyers considered.`]
  for (const filter of filters) {
    const [zh, en] = filterName[filter]
    const out = excluded.filter((e) => e.filter === filter)
    if (out.length === 0 && !filterApplies(s, filter)) {
      lines.push(`${zh}：本案不适用。 / ${en}: does not apply to this case.`)
      continue
    }
    const bases = [...new Set(out.flatMap((e) => (e.basis === undefined ? [] : [e.basis])))]
    const cite = bases.length === 0 ? ["", ""] : [`（${bases.join("、")}）`, ` (${bases.join(", ")})`]
    const ids = out.map((e) => e.lawyerId)
    lines.push(
      out.length === 0
        ? `${zh}${cite[0]}：无人被排除。 / ${en}${cite[1]}: nobody excluded.`
        : `${zh}${cite[0]}：排除 ${out.length} 名（${listIds(ids, "、", (n) => ` 等另 ${n} 名`)}）。 / ${en}${cite[1]}: excluded ${out.length} (${listIds(ids, ", ", (n) => ` and ${n} more`)}).`
    )
  }
  if (options.dutyAdviserRule !== true && (c.dutyAdvisedCoAccused?.length ?? 0) > 0) {
    lines.push("值班律师回避（地方规则）未启用：所列值班律师未被排除。 / Duty-adviser rule (local) is off: the duty lawyers listed were not excluded.")
  }
  lines.push("无合格律师，本案未指派。 / No qualified lawyer: the case is not assigned.")
  return lines
}

/**
 * Assigns one case: screens every lawyer in the pool through the filters (qualification,
 * specialty, languages, conflicts, complaint, capacity, area — the first that fails excludes them),
 * then takes the next in rotation among those left. Pure and total: it never throws, and the
 * result does not depend on the order of the pool or of any list in the input. Lawyer ids must be
 * unique ({@link decodeAssignmentInput} checks it).
 *
 * Cost: O(n log n) in the pool size; for many cases use {@link assignMany}.
 *
 * @example
 * import { Region } from "fayuan"
 * import { assign } from "fayuan/assignment"
 * const r = assign(
 *   { caseId: "c1", region: Region.makeUnsafe("530103"), kind: "criminal-defence", requirements: { lawyerMinYears: 3 } },
 *   [
 *     { id: "L1", firmId: "F1", region: Region.makeUnsafe("530103"), yearsOfPractice: 2, languages: [], specialties: [], minorsTrained: false, openCases: 0, maxOpenCases: 9, assignedCount: 0 },
 *     { id: "L2", firmId: "F2", region: Region.makeUnsafe("530103"), yearsOfPractice: 8, languages: [], specialties: [], minorsTrained: false, openCases: 0, maxOpenCases: 9, assignedCount: 4 }
 *   ]
 * )
 * // r._tag === "Assigned", r.lawyerId === "L2"; L1 excluded by "qualification" (LAL-26)
 *
 * @category assignment
 */
export const assign = (c: CaseToAssign, pool: ReadonlyArray<Lawyer>, options: AssignOptions = {}): Assignment =>
  assignSorted(c, [...pool].sort(byId), options)

/** {@link assign} over a pool already in id order. */
const assignSorted = (c: CaseToAssign, sorted: ReadonlyArray<Lawyer>, options: AssignOptions): Assignment => {
  const s = screenFor(c, sorted, options)
  const excluded: Array<Exclusion> = []
  const left: Array<Lawyer> = []
  for (const lawyer of sorted) {
    const e = screen(s, lawyer)
    if (e === undefined) left.push(lawyer)
    else excluded.push(e)
  }
  // Stable sort: by filter, and by lawyer id within a filter.
  excluded.sort((a, b) => filterRank[a.filter] - filterRank[b.filter])
  const caseHash = fnv1a(c.caseId)
  const ranking = left.map((l) => candidate(l, caseHash)).sort(compareCandidates)
  const rationale = rationaleOf(s, sorted.length, excluded, ranking, options)
  const chosen = ranking[0]
  if (chosen === undefined || rationale === undefined) return { _tag: "NoQualifiedLawyer", caseId: c.caseId, explanation: explainNobody(s, sorted.length, excluded, options), excluded }
  const explanation = explainRationale(rationale, c)
  return { _tag: "Assigned", caseId: c.caseId, lawyerId: chosen.lawyerId, firmId: chosen.firmId, explanation, rationale, excluded, ranking }
}

/**
 * The pool after `lawyerId` takes one more case: one more assignment in the rotation period and
 * one more open case. Other lawyers are returned unchanged (the same objects).
 *
 * @example
 * import { recordAssignment } from "fayuan/assignment"
 * const next = recordAssignment([], "L1") // []
 *
 * @category assignment
 */
export const recordAssignment = (pool: ReadonlyArray<Lawyer>, lawyerId: string): ReadonlyArray<Lawyer> =>
  pool.map((l) => (l.id === lawyerId ? { ...l, assignedCount: l.assignedCount + 1, openCases: l.openCases + 1 } : l))
