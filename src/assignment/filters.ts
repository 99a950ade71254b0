/**
 * The filters every lawyer of the pool passes in a fixed sequence — qualification (`LAL-26`,
 * `MPL-104-2`), specialty, languages, conflicts of interest, the recipient's complaint
 * (`LAL-55`), capacity, area — the first that fails excluding them with its reason.
 *
 * @since 0.1.0
 */
import type { CitationId } from "../Citation.ts"
import * as Region from "../Region.ts"
import { CaseToAssign, Lawyer } from "./Input.ts"
import type { AssignOptions, Exclusion, ExclusionRule, Filter } from "./Outcome.ts"
import { byCodeUnits } from "./rotation.ts"

const yearsBasis: CitationId = "LAL-26"
const minorsBasis: CitationId = "MPL-104-2"
const complaintBasis: CitationId = "LAL-55"

export const filterName: { readonly [F in Filter]: readonly [zh: string, en: string] } = {
  qualification: ["资质", "Qualification"],
  specialty: ["专业", "Specialty"],
  language: ["语言", "Languages"],
  conflict: ["利益冲突", "Conflicts of interest"],
  complaint: ["投诉更换", "Complaint"],
  capacity: ["承办能力", "Capacity"],
  area: ["区域", "Area"]
}

/** What the filters need from the case and the whole pool, worked out once. */
export interface Screen {
  readonly c: CaseToAssign
  readonly minYears: number
  readonly minors: boolean
  readonly languages: ReadonlyArray<string>
  readonly opposing: ReadonlySet<string>
  /** Firm id → the lowest (lawyer id, party) by which it acts for an opposing party. */
  readonly conflictedFirms: ReadonlyMap<string, { readonly lawyerId: string; readonly party: string }>
  readonly coDefendants: ReadonlySet<string>
  readonly replaced: ReadonlySet<string>
  readonly dutyAdvisers: ReadonlySet<string>
}

const sortedUnique = (list: ReadonlyArray<string> | undefined): ReadonlyArray<string> =>
  list === undefined ? [] : [...new Set(list)].sort(byCodeUnits)

export const screenFor = (c: CaseToAssign, sorted: ReadonlyArray<Lawyer>, options: AssignOptions): Screen => {
  const opposing = new Set(c.opposingParties ?? [])
  const conflictedFirms = new Map<string, { lawyerId: string; party: string }>()
  if (opposing.size > 0) {
    // `sorted` is in id order, so the first lawyer found for a firm has the lowest id.
    for (const lawyer of sorted) {
      if (conflictedFirms.has(lawyer.firmId)) continue
      const party = lowestShared(lawyer.actsFor, opposing)
      if (party !== undefined) conflictedFirms.set(lawyer.firmId, { lawyerId: lawyer.id, party })
    }
  }
  return {
    c,
    minYears: c.requirements.lawyerMinYears ?? 0,
    minors: c.requirements.minorsSpecialist === true,
    languages: sortedUnique(c.languages),
    opposing,
    conflictedFirms,
    coDefendants: new Set(c.coDefendantLawyers ?? []),
    replaced: new Set(c.excludedLawyers ?? []),
    dutyAdvisers: options.dutyAdviserRule === true ? new Set(c.dutyAdvisedCoAccused ?? []) : new Set()
  }
}

const lowestShared = (list: ReadonlyArray<string> | undefined, set: ReadonlySet<string>): string | undefined => {
  let lowest: string | undefined
  if (list === undefined) return undefined
  for (const x of list) if (set.has(x) && (lowest === undefined || x < lowest)) lowest = x
  return lowest
}

const exclusion = (
  lawyer: Lawyer,
  filter: Filter,
  rule: ExclusionRule,
  reasonZh: string,
  reason: string,
  basis?: CitationId
): Exclusion =>
  basis === undefined
    ? { lawyerId: lawyer.id, firmId: lawyer.firmId, filter, rule, reason, reasonZh }
    : { lawyerId: lawyer.id, firmId: lawyer.firmId, filter, rule, reason, reasonZh, basis }

/** The first filter that excludes `lawyer` from the case, or `undefined` when none does. */
export const screen = (s: Screen, lawyer: Lawyer): Exclusion | undefined => {
  const { c } = s
  // Qualification: LAL-26 years of practice; MPL-104-2 lawyers familiar with minors.
  if (lawyer.yearsOfPractice < s.minYears) {
    return exclusion(
      lawyer, "qualification", "qualification.years",
      `执业 ${lawyer.yearsOfPractice} 年，本案要求至少 ${s.minYears} 年`,
      `${lawyer.yearsOfPractice} years of practice; the case requires at least ${s.minYears}`,
      yearsBasis
    )
  }
  if (s.minors && !lawyer.minorsTrained) {
    return exclusion(
      lawyer, "qualification", "qualification.minors",
      "未成年人案件，该律师不熟悉未成年人身心特点（未受相关培训）",
      "a minors' case, and the lawyer is not trained for minors",
      minorsBasis
    )
  }
  // Specialty for the matter.
  if (c.specialty !== undefined && !lawyer.specialties.includes(c.specialty)) {
    return exclusion(lawyer, "specialty", "specialty.missing", `不具备本案所需专业（${c.specialty}）`, `lacks the specialty the case needs (${c.specialty})`)
  }
  // Languages the recipient needs.
  if (s.languages.length > 0) {
    const missing = s.languages.filter((l) => !lawyer.languages.includes(l))
    if (missing.length > 0) {
      return exclusion(lawyer, "language", "language.missing", `不通晓受援人所需语言：${missing.join("、")}`, `does not speak what the recipient needs: ${missing.join(", ")}`)
    }
  }
  // Conflicts of interest.
  const own = lowestShared(lawyer.actsFor, s.opposing)
  if (own !== undefined) {
    return exclusion(lawyer, "conflict", "conflict.opposing-party", `本人或所在律所代理对方当事人 ${own}`, `acts for the opposing party ${own}`)
  }
  const firm = s.conflictedFirms.get(lawyer.firmId)
  if (firm !== undefined) {
    return exclusion(
      lawyer, "conflict", "conflict.firm",
      `同所律师 ${firm.lawyerId} 代理对方当事人 ${firm.party}，律所 ${lawyer.firmId} 整体回避`,
      `${firm.lawyerId} of the same firm ${lawyer.firmId} acts for the opposing party ${firm.party}`
    )
  }
  if (s.coDefendants.has(lawyer.id)) {
    return exclusion(lawyer, "conflict", "conflict.co-defendant", "已为同案其他被告人辩护，同一律师不得为两名以上同案被告人辩护", "already defends a co-defendant in the same matter; co-defendants never share a lawyer")
  }
  if (s.dutyAdvisers.has(lawyer.id)) {
    return exclusion(lawyer, "conflict", "conflict.duty-adviser", "曾作为值班律师为多名同案犯罪嫌疑人提供法律帮助（地方规则）", "advised several of the co-accused as duty lawyer (local rule)")
  }
  // The recipient's complaint.
  if (s.replaced.has(lawyer.id)) {
    return exclusion(lawyer, "complaint", "complaint.replaced", "受援人投诉后已被更换，不得再承办本案", "replaced on this case after the recipient's complaint", complaintBasis)
  }
  // Capacity.
  if (lawyer.openCases >= lawyer.maxOpenCases) {
    return exclusion(lawyer, "capacity", "capacity.full", `在办案件 ${lawyer.openCases} 件，已达上限 ${lawyer.maxOpenCases} 件`, `${lawyer.openCases} open cases, at the cap of ${lawyer.maxOpenCases}`)
  }
  // Area.
  if (c.area !== undefined && !Region.contains(c.area, lawyer.region)) {
    return exclusion(lawyer, "area", "area.outside", `执业地 ${lawyer.region} 不在工作站服务区域 ${c.area} 内`, `practises in ${lawyer.region}, outside the catchment ${c.area}`)
  }
  return undefined
}

export const filterApplies = (s: Screen, filter: Filter): boolean => {
  switch (filter) {
    case "qualification":
      return s.minYears > 0 || s.minors
    case "specialty":
      return s.c.specialty !== undefined
    case "language":
      return s.languages.length > 0
    case "area":
      return s.c.area !== undefined
    default:
      return true
  }
}
