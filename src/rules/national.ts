/**
 * The national eligibility rule sets: the Legal Aid Law (from 2022-01-01) and the 2003 Regulation
 * with the Criminal Procedure Law in its 1996, 2012 and 2018 numbering.
 */
import * as CalendarDate from "../CalendarDate.ts"
import * as Region from "../Region.ts"
import type { CitationId } from "../Citation.ts"
import type { ClaimRule, GroundRule, RuleLayer, RuleSet } from "../RuleSet.ts"

const day = CalendarDate.makeUnsafe

/** A public prosecution from its transfer for prosecution review on. */
const afterTransfer = ["prosecution-review", "trial", "death-penalty-review"] as const

/** LAL-31 (means test) and LAL-32 (no means test): the civil scope of the Legal Aid Law. */
const lalClaims: ReadonlyArray<ClaimRule> = [
  { claim: "hero-martyr-rights", basis: "LAL-32-1-1", meansTest: false },
  { claim: "act-of-bravery", basis: "LAL-32-1-2", meansTest: false },
  { claim: "retrial-acquittal-compensation", basis: "LAL-32-1-3", meansTest: false },
  { claim: "abuse", basis: "LAL-32-1-4", meansTest: false },
  { claim: "abandonment", basis: "LAL-32-1-4", meansTest: false },
  { claim: "domestic-violence", basis: "LAL-32-1-4", meansTest: false },
  { claim: "state-compensation", basis: "LAL-31-1-1", meansTest: true },
  { claim: "social-insurance", basis: "LAL-31-1-2", meansTest: true },
  { claim: "social-assistance", basis: "LAL-31-1-2", meansTest: true },
  { claim: "survivor-pension", basis: "LAL-31-1-3", meansTest: true },
  { claim: "maintenance", basis: "LAL-31-1-4", meansTest: true },
  { claim: "labour-relationship", basis: "LAL-31-1-5", meansTest: true },
  { claim: "labour-remuneration", basis: "LAL-31-1-5", meansTest: true },
  { claim: "civil-capacity", basis: "LAL-31-1-6", meansTest: true },
  { claim: "work-injury", basis: "LAL-31-1-7", meansTest: true },
  { claim: "traffic-accident", basis: "LAL-31-1-7", meansTest: true },
  { claim: "food-drug-safety", basis: "LAL-31-1-7", meansTest: true },
  { claim: "medical-accident", basis: "LAL-31-1-7", meansTest: true },
  { claim: "environmental-damage", basis: "LAL-31-1-8", meansTest: true }
]

/** Legal Aid Law, from 2022-01-01. */
export const lal2022: RuleSet = {
  id: "LAL-2022",
  titleZh: "法律援助法（2022年1月1日起施行）",
  titleEn: "Legal Aid Law (in force from 2022-01-01)",
  region: Region.national,
  validFrom: day("2022-01-01"),
  criminal: {
    // The Law's grounds, each beside the Criminal Procedure Law article that still imposes the
    // organ's duty to notify (CPL 2018); death-penalty review is the Law's alone.
    mandatory: [
      { ground: "minor", basis: "LAL-25-1-1" },
      { ground: "minor", basis: "CPL-278" },
      { ground: "sensory-disability", basis: "LAL-25-1-2" },
      { ground: "blind-deaf-mute", basis: "CPL-35-2" },
      { ground: "mental-incapacity", basis: "LAL-25-1-3" },
      { ground: "mental-incapacity", basis: "CPL-35-2" },
      { ground: "possible-life-imprisonment", basis: "LAL-25-1-4" },
      { ground: "possible-life-imprisonment", basis: "CPL-35-3" },
      { ground: "possible-death", basis: "LAL-25-1-4" },
      { ground: "possible-death", basis: "CPL-35-3" },
      { ground: "death-penalty-review", basis: "LAL-25-1-5" },
      { ground: "in-absentia", basis: "LAL-25-1-6" },
      { ground: "in-absentia", basis: "CPL-293" }
    ],
    defenceOnApplication: "LAL-24",
    defenceAlsoCites: ["CPL-35-1"],
    // LAL-29 sets no start; the agent it pays for can be retained in a public prosecution only from
    // the transfer for prosecution review, in a private prosecution at any time (CPL-46-1).
    victimOnApplication: { basis: "LAL-29", from: { stages: afterTransfer, basis: "CPL-46-1" } },
    privateProsecutionOnApplication: { basis: "LAL-29" },
    incidentalCivilOnApplication: {
      basis: "LAL-29",
      from: { stages: ["filing", ...afterTransfer], basis: "CPL-46-1" }
    },
    compulsoryTreatment: "LAL-28",
    compulsoryTreatmentAlsoCites: ["CPL-304-2"],
    discretionaryAtTrial: "LAL-25-2",
    dutyLawyer: "LAL-30",
    detaineeForwarding: "LAL-39",
    requirements: [
      {
        grounds: ["possible-life-imprisonment", "possible-death", "death-penalty-review"],
        lawyerMinYearsParameter: "assignment.lawyerMinYears.lifeOrDeath",
        basis: "LAL-26"
      },
      { grounds: ["minor"], minorsSpecialistParameter: "assignment.minorsSpecialist", basis: "MPL-104-2" }
    ]
  },
  civil: { scopeBasis: "LAL-31", claims: lalClaims, applicantGroups: [] },
  meansTest: {
    standardBasis: "LAL-34",
    declarationBasis: "LAL-41",
    exemptions: [
      { kind: "no-fixed-income-vulnerable", basis: "LAL-42-1-1" },
      { kind: "assistance-recipient", basis: "LAL-42-1-2" },
      { kind: "migrant-worker-wages-injury", basis: "LAL-42-1-3" }
    ]
  },
  materialsBasis: "LAL-43-2",
  sources: ["LAL"]
}

/**
 * LAR-10: the civil scope of the 2003 Regulation (every item needs the means test). Compensation
 * after acquittal on retrial is a state compensation claim (国家赔偿法), so item 1 covers it.
 */
const larClaims: ReadonlyArray<ClaimRule> = [
  { claim: "state-compensation", basis: "LAR-10-1-1", meansTest: true },
  { claim: "retrial-acquittal-compensation", basis: "LAR-10-1-1", meansTest: true },
  { claim: "social-insurance", basis: "LAR-10-1-2", meansTest: true },
  { claim: "social-assistance", basis: "LAR-10-1-2", meansTest: true },
  { claim: "survivor-pension", basis: "LAR-10-1-3", meansTest: true },
  { claim: "maintenance", basis: "LAR-10-1-4", meansTest: true },
  { claim: "labour-remuneration", basis: "LAR-10-1-5", meansTest: true },
  { claim: "act-of-bravery", basis: "LAR-10-1-6", meansTest: true }
]

const larCommon = {
  civil: { scopeBasis: "LAR-10", claims: larClaims, applicantGroups: [] },
  meansTest: { standardBasis: "LAR-13", exemptions: [] },
  materialsBasis: "LAR-18"
} as const

/**
 * LAR-11 and LAR-12-1: applications in criminal matters, with the means test. A suspect applies
 * from the first interrogation or coercive measure (LAR-11-1-1); at trial the court designates a
 * defender for a defendant without one (LAR-12-1). A victim applies from the transfer for
 * prosecution review (LAR-11-1-2), a private prosecutor from the court's acceptance (LAR-11-1-3).
 * LAR-11 does not name incidental civil plaintiffs: in a public prosecution the plaintiff is the
 * victim or, the victim dead or incapacitated, a legal representative or close relative (`cpl`,
 * the Criminal Procedure Law's article on incidental civil actions), so LAR-11-1-2 applies to them.
 */
const larOnApplication = (incidentalCivil: CitationId) =>
  ({
    defenceOnApplication: "LAR-11-1-1",
    defenceAtTrial: "LAR-12-1",
    victimOnApplication: { basis: "LAR-11-1-2", from: { stages: afterTransfer, basis: "LAR-11-1-2" } },
    privateProsecutionOnApplication: { basis: "LAR-11-1-3", from: { stages: ["trial"], basis: "LAR-11-1-3" } },
    incidentalCivilOnApplication: {
      basis: "LAR-11-1-2",
      alsoCites: [incidentalCivil],
      from: { stages: afterTransfer, basis: "LAR-11-1-2" }
    }
  }) as const

/** LAR-12-2: court-designated defence at trial without a means test. */
const lar12Trial = (ground: GroundRule["ground"]): GroundRule => ({ ground, basis: "LAR-12-2", stages: ["trial"] })

/**
 * The Criminal Procedure Law's grounds (2012 and 2018 texts) bind the police and the
 * procuratorate as well as the court, but not the Supreme People's Court's death-penalty review:
 * mandatory aid there exists only from 2022 (LAL-25-1-5).
 */
const beforeReview = ["investigation", "prosecution-review", "trial"] as const
const cplGround = (ground: GroundRule["ground"], basis: CitationId): GroundRule => ({ ground, basis, stages: beforeReview })

/** The 2003 Regulation with the 1996 Criminal Procedure Law: designation at trial only. */
export const lar2003: RuleSet = {
  id: "LAR-2003",
  titleZh: "法律援助条例（2003年9月1日起施行），刑事诉讼法1996年文本",
  titleEn: "Regulation on Legal Aid (from 2003-09-01) with the 1996 Criminal Procedure Law",
  region: Region.national,
  validFrom: day("2003-09-01"),
  validTo: day("2012-12-31"),
  criminal: {
    mandatory: [
      lar12Trial("minor"),
      { ground: "minor", basis: "CPL1996-34-2", stages: ["trial"] },
      lar12Trial("blind-deaf-mute"),
      { ground: "blind-deaf-mute", basis: "CPL1996-34-2", stages: ["trial"] },
      lar12Trial("possible-death"),
      { ground: "possible-death", basis: "CPL1996-34-3", stages: ["trial"] }
    ],
    ...larOnApplication("CPL1996-77"),
    requirements: []
  },
  ...larCommon,
  sources: ["LAR", "CPL (1996)"]
}

/** The 2003 Regulation with the Criminal Procedure Law in its 2012 numbering (2013-01-01 → 2018-10-25). */
export const lar2013: RuleSet = {
  id: "LAR-2003/CPL-2012",
  titleZh: "法律援助条例，刑事诉讼法2012年文本（2013年1月1日至2018年10月25日）",
  titleEn: "Regulation on Legal Aid with the Criminal Procedure Law, 2012 numbering (2013-01-01 to 2018-10-25)",
  region: Region.national,
  validFrom: day("2013-01-01"),
  validTo: day("2018-10-25"),
  criminal: {
    mandatory: [
      lar12Trial("minor"),
      cplGround("minor", "CPL-267"),
      lar12Trial("blind-deaf-mute"),
      cplGround("blind-deaf-mute", "CPL-34-2"),
      cplGround("mental-incapacity", "CPL-34-2"),
      cplGround("possible-life-imprisonment", "CPL-34-3"),
      lar12Trial("possible-death"),
      cplGround("possible-death", "CPL-34-3")
    ],
    ...larOnApplication("CPL-99"),
    defenceAlsoCites: ["CPL-34-1"],
    compulsoryTreatment: "CPL-286-2",
    requirements: []
  },
  ...larCommon,
  sources: ["LAR", "CPL (2012)"]
}

/** The 2003 Regulation with the Criminal Procedure Law in its 2018 numbering (2018-10-26 → 2021-12-31). */
export const lar2018: RuleSet = {
  id: "LAR-2003/CPL-2018",
  titleZh: "法律援助条例，刑事诉讼法2018年文本（2018年10月26日至2021年12月31日）",
  titleEn: "Regulation on Legal Aid with the Criminal Procedure Law, 2018 numbering (2018-10-26 to 2021-12-31)",
  region: Region.national,
  validFrom: day("2018-10-26"),
  validTo: day("2021-12-31"),
  criminal: {
    mandatory: [
      lar12Trial("minor"),
      cplGround("minor", "CPL-278"),
      lar12Trial("blind-deaf-mute"),
      cplGround("blind-deaf-mute", "CPL-35-2"),
      cplGround("mental-incapacity", "CPL-35-2"),
      cplGround("possible-life-imprisonment", "CPL-35-3"),
      lar12Trial("possible-death"),
      cplGround("possible-death", "CPL-35-3"),
      { ground: "in-absentia", basis: "CPL-293" }
    ],
    ...larOnApplication("CPL-101"),
    defenceAlsoCites: ["CPL-35-1"],
    compulsoryTreatment: "CPL-304-2",
    requirements: []
  },
  ...larCommon,
  sources: ["LAR", "CPL (2018)"]
}

/** Every national rule set fayuan ships, oldest first. */
export const nationalRuleSets: ReadonlyArray<RuleSet> = [lar2003, lar2013, lar2018, lal2022]

/**
 * 英雄烈士保护法 art. 25 (from 2018-05-01): a hero's or martyr's close relatives who sue over the
 * name, portrait, reputation or honour (para. 1) receive legal aid (para. 4). The article says the
 * institution "shall provide" it, so it applies before 2022 as well, without the means test; from
 * 2022 LAL-32-1-1 says the same.
 */
export const heroesAndMartyrs2018: RuleLayer = {
  id: "HMPL-2018",
  titleZh: "英雄烈士保护法第二十五条（2018年5月1日起施行）",
  titleEn: "Law on the Protection of Heroes and Martyrs, art. 25 (from 2018-05-01)",
  region: Region.national,
  validFrom: day("2018-05-01"),
  claims: [{ claim: "hero-martyr-rights", basis: "HMPL-25-4", meansTest: false }],
  applicantGroups: [],
  exemptions: [],
  verified: true
}

/** The national layers fayuan ships. */
export const nationalLayers: ReadonlyArray<RuleLayer> = [heroesAndMartyrs2018]
