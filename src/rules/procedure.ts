/**
 * Procedure rules by era: the statutory periods behind the case clocks and the termination grounds.
 */
import * as CalendarDate from "../CalendarDate.ts"
import * as Region from "../Region.ts"
import type { ProcedureRules } from "../RuleSet.ts"

const day = CalendarDate.makeUnsafe

const localPractice = {
  closingMaterials: { counting: "calendar-days", lengthParameter: "clock.closingMaterialsDays", basis: "LAL-50" },
  materialsSupply: { counting: "calendar-days", lengthParameter: "clock.materialsSupplyDays", basis: "LAL-43-2" }
} as const

/** Legal Aid Law: calendar days, from 2022-01-01. */
export const lalProcedure: ProcedureRules = {
  id: "LAL-2022",
  titleZh: "法律援助法规定的办理时限",
  titleEn: "Periods under the Legal Aid Law",
  region: Region.national,
  validFrom: day("2022-01-01"),
  decision: { counting: "calendar-days", length: 7, basis: "LAL-43-1" },
  assignmentAfterGrant: {
    criminal: { counting: "calendar-days", length: 3, basis: "LAL-43-1" },
    civil: { counting: "calendar-days", length: 3, basis: "LAL-43-1" }
  },
  assignmentAfterNotification: { counting: "calendar-days", length: 3, basis: "LAL-36" },
  refusalObjection: { counting: "calendar-days", length: 5, basis: "LAL-49-2" },
  terminationObjection: { counting: "calendar-days", length: 5, basis: "LAL-49-2" },
  ...localPractice,
  detaineeForwarding: { counting: "hours", length: 24, basis: "LAL-39" },
  terminationGrounds: ["LAL-48-1-1", "LAL-48-1-2", "LAL-48-1-3", "LAL-48-1-4", "LAL-48-1-5", "LAL-48-1-6", "LAL-48-1-7", "LAL-48-1-8"],
  preGrant: ["LAL-44-1-1", "LAL-44-1-2", "LAL-44-1-3"],
  complaintBasis: "LAL-55"
}

/** The 2003 Regulation with the 2012 procedure rules (MOJ124): working days. */
export const moj124Procedure: ProcedureRules = {
  id: "LAR-2003/MOJ124",
  titleZh: "法律援助条例及办理法律援助案件程序规定（司法部令第124号）规定的办理时限",
  titleEn: "Periods under the Regulation and the 2012 procedure rules (MOJ Order 124)",
  region: Region.national,
  validFrom: day("2012-07-01"),
  validTo: day("2021-12-31"),
  decision: { counting: "working-days", length: 7, basis: "MOJ124-13" },
  assignmentAfterGrant: {
    criminal: { counting: "working-days", length: 3, basis: "MOJ124-20" },
    civil: { counting: "working-days", length: 7, basis: "MOJ124-20" }
  },
  assignmentAfterNotification: { counting: "working-days", length: 3, basis: "MOJ124-20" },
  assignmentBeforeTrial: { counting: "days-before-trial", length: 3, basis: "LAR-21" },
  refusalObjection: { counting: "working-days", length: 5, basis: "LAR-19" },
  closingMaterials: { ...localPractice.closingMaterials, basis: "LAR-24" },
  materialsSupply: { ...localPractice.materialsSupply, basis: "LAR-18" },
  terminationGrounds: ["LAR-23-1-1", "LAR-23-1-2", "LAR-23-1-3", "LAR-23-1-4"]
}

/** The 2003 Regulation before the 2012 procedure rules: no decision period ("promptly", LAR-18). */
export const larProcedure: ProcedureRules = {
  id: "LAR-2003",
  titleZh: "法律援助条例规定的办理时限",
  titleEn: "Periods under the 2003 Regulation",
  region: Region.national,
  validFrom: day("2003-09-01"),
  validTo: day("2012-06-30"),
  assignmentBeforeTrial: { counting: "days-before-trial", length: 3, basis: "LAR-21" },
  refusalObjection: { counting: "working-days", length: 5, basis: "LAR-19" },
  closingMaterials: { ...localPractice.closingMaterials, basis: "LAR-24" },
  materialsSupply: { ...localPractice.materialsSupply, basis: "LAR-18" },
  terminationGrounds: ["LAR-23-1-1", "LAR-23-1-2", "LAR-23-1-3", "LAR-23-1-4"]
}

export const nationalProcedures: ReadonlyArray<ProcedureRules> = [larProcedure, moj124Procedure, lalProcedure]
