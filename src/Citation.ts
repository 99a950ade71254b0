/**
 * Citations: the stable ids by which every rule, parameter and decision names its legal basis.
 *
 * An id is `<SOURCE>-<article>[-<paragraph>[-<item>]]`: `LAL-25-1-1` is the Legal Aid Law,
 * article 25, paragraph 1, item 1. The catalogue below lists every id the library cites, with the
 * source's title, the dates the provision was in force under that number, and whether its text was
 * read in the primary source (`verified`).
 *
 * @since 0.1.0
 */
import { Data, Result } from "effect"

/**
 * The sources fayuan cites.
 *
 * @category models
 */
export type SourceId = "LAL" | "LAR" | "CPL" | "CPL1996" | "MPL" | "HMPL" | "PIPL" | "MOJ124" | "YNLAR" | "SPCJ2006"

/**
 * A citation id such as `LAL-25-1-1`. The template type keeps a bare string from being passed
 * where a citation is expected; {@link parse} checks one that arrives as data.
 *
 * @example
 * import { Citation } from "fayuan"
 * const id: Citation.CitationId = "LAL-26"
 *
 * @category models
 */
export type CitationId = `${SourceId}-${number}` | `${SourceId}-${number}-${string}`

/**
 * A legal source: its titles and the period it is in force.
 *
 * @category models
 */
export interface Source {
  readonly id: SourceId
  readonly titleZh: string
  readonly titleEn: string
  readonly inForceFrom: string
  readonly inForceTo?: string
  /** `true` when the text was read in the primary source; `false` for secondary or local sources. */
  readonly verified: boolean
  readonly note?: string
}

/**
 * The sources, keyed by id.
 *
 * @category catalogue
 */
export const sources: { readonly [K in SourceId]: Source } = {
  LAL: {
    id: "LAL",
    titleZh: "中华人民共和国法律援助法",
    titleEn: "Legal Aid Law of the People's Republic of China",
    inForceFrom: "2022-01-01",
    verified: true
  },
  LAR: {
    id: "LAR",
    titleZh: "法律援助条例（国务院令第385号）",
    titleEn: "Regulation on Legal Aid (State Council Order No. 385)",
    inForceFrom: "2003-09-01",
    inForceTo: "2021-12-31",
    verified: true
  },
  CPL: {
    id: "CPL",
    titleZh: "中华人民共和国刑事诉讼法",
    titleEn: "Criminal Procedure Law of the People's Republic of China",
    inForceFrom: "1980-01-01",
    verified: true,
    note: "Article numbers follow the revision in force on the date: 2012 numbering from 2013-01-01, 2018 numbering from 2018-10-26."
  },
  CPL1996: {
    id: "CPL1996",
    titleZh: "中华人民共和国刑事诉讼法（1996年修正文本）",
    titleEn: "Criminal Procedure Law of the People's Republic of China (1996 text)",
    inForceFrom: "1997-01-01",
    inForceTo: "2012-12-31",
    verified: false,
    note: "The 1996 numbering, cited by its own source id because its article numbers collide with the 2012 text's (CPL). Articles 34, 40 and 77 read in secondary copies only."
  },
  HMPL: {
    id: "HMPL",
    titleZh: "中华人民共和国英雄烈士保护法",
    titleEn: "Law on the Protection of Heroes and Martyrs",
    inForceFrom: "2018-05-01",
    verified: true
  },
  PIPL: {
    id: "PIPL",
    titleZh: "中华人民共和国个人信息保护法",
    titleEn: "Personal Information Protection Law of the People's Republic of China",
    inForceFrom: "2021-11-01",
    verified: false,
    note: "Articles 19 and 47 read in secondary copies that quote the NPC text (npc.gov.cn, 2021-08-20)."
  },
  MOJ124: {
    id: "MOJ124",
    titleZh: "办理法律援助案件程序规定（司法部令第124号）",
    titleEn: "Provisions on the Procedure for Handling Legal Aid Cases (Ministry of Justice Order No. 124)",
    inForceFrom: "2012-07-01",
    inForceTo: "2023-08-31",
    verified: false,
    note: "Replaced by Ministry of Justice Order No. 148 from 2023-09-01. Article numbers read from secondary sources."
  },
  YNLAR: {
    id: "YNLAR",
    titleZh: "云南省法律援助条例",
    titleEn: "Yunnan Province Regulation on Legal Aid",
    inForceFrom: "2010-07-01",
    verified: false,
    note: "Adopted 2010-03-26, in force 2010-07-01; revised 2025-11-26, the revised text in force from 2026-01-01 (dates from secondary reports). The 2010 scope additions were read in a county government's summary without article numbers, so fayuan cites the delegation they rest on: LAR-10-2 until 2021, LAL-31-1-9 from 2022."
  },
  MPL: {
    id: "MPL",
    titleZh: "中华人民共和国未成年人保护法（2020年修订）",
    titleEn: "Law on the Protection of Minors (2020 revision)",
    inForceFrom: "2021-06-01",
    verified: true
  },
  SPCJ2006: {
    id: "SPCJ2006",
    titleZh: "最高人民法院关于审理未成年人刑事案件具体应用法律若干问题的解释（法释〔2006〕1号）",
    titleEn: "Supreme People's Court Interpretation on Juvenile Criminal Cases (Fa Shi [2006] No. 1)",
    inForceFrom: "2006-01-23",
    verified: true
  }
}

/**
 * One provision in the catalogue.
 *
 * @category models
 */
export interface Provision {
  readonly id: CitationId
  readonly source: SourceId
  readonly summaryZh: string
  readonly summaryEn: string
  /** First day the provision was in force under this number. */
  readonly inForceFrom: string
  /** Last day it was in force under this number, if it has ended. */
  readonly inForceTo?: string
  readonly verified: boolean
}

type Row = readonly [id: CitationId, zh: string, en: string, from?: string, to?: string]

const lal: ReadonlyArray<Row> = [
  ["LAL-24", "刑事案件犯罪嫌疑人、被告人因经济困难或者其他原因没有委托辩护人的，可以申请法律援助", "Suspects or defendants without a defence lawyer for financial or other reasons may apply"],
  ["LAL-25-1-1", "未成年人：应当通知指派律师担任辩护人", "Minor: the organ must notify for a defence lawyer"],
  ["LAL-25-1-2", "视力、听力、言语残疾人", "Person with a visual, hearing or speech disability"],
  ["LAL-25-1-3", "不能完全辨认自己行为的成年人", "Adult who cannot fully recognise their own conduct"],
  ["LAL-25-1-4", "可能被判处无期徒刑、死刑的人", "Person facing possible life imprisonment or death"],
  ["LAL-25-1-5", "申请法律援助的死刑复核案件被告人", "Defendant in death-penalty review who applies"],
  ["LAL-25-1-6", "缺席审判案件的被告人", "Defendant tried in absentia"],
  ["LAL-25-1-7", "法律法规规定的其他人员", "Others set by law"],
  ["LAL-25-2", "其他适用普通程序审理的刑事案件，人民法院可以通知指派律师担任辩护人", "Other cases under ordinary procedure: the court may notify"],
  ["LAL-26", "可能被判处无期徒刑、死刑及死刑复核案件，应当指派具有三年以上相关执业经历的律师", "Life, death and death-penalty review: a lawyer with at least 3 years of relevant practice"],
  ["LAL-28", "强制医疗案件被申请人或者被告人没有委托诉讼代理人的，人民法院应当通知指派律师", "Compulsory treatment without an agent: the court must notify"],
  ["LAL-29", "刑事公诉案件的被害人及其法定代理人或者近亲属，刑事自诉案件的自诉人及其法定代理人，刑事附带民事诉讼案件的原告人及其法定代理人，因经济困难没有委托诉讼代理人的，可以申请法律援助", "Victims (and their legal representatives or close relatives) in public prosecutions, private prosecutors, and plaintiffs in incidental civil actions, in financial difficulty and without an agent, may apply"],
  ["LAL-30", "值班律师为没有辩护人的犯罪嫌疑人、被告人提供法律咨询、程序选择建议、申请变更强制措施、对案件处理提出意见等法律帮助", "Duty lawyers give accused persons without a defence lawyer legal help: advice, procedural choices, applications to change coercive measures, views on the case"],
  ["LAL-31", "因经济困难没有委托代理人的，可以就下列事项申请法律援助", "In financial difficulty and without an agent, one may apply in the following matters"],
  ["LAL-31-1-1", "依法请求国家赔偿", "State compensation"],
  ["LAL-31-1-2", "请求给予社会保险待遇或者社会救助", "Social insurance or social assistance"],
  ["LAL-31-1-3", "请求发给抚恤金", "Pensions for families of the deceased"],
  ["LAL-31-1-4", "请求给付赡养费、抚养费、扶养费", "Maintenance of parents, children or spouse"],
  ["LAL-31-1-5", "请求确认劳动关系或者支付劳动报酬", "Confirming a labour relationship or paying wages"],
  ["LAL-31-1-6", "请求认定公民无民事行为能力或者限制民事行为能力", "Declaring a person without or with limited civil capacity"],
  ["LAL-31-1-7", "请求工伤事故、交通事故、食品药品安全事故、医疗事故人身损害赔偿", "Personal injury from work, traffic, food or drug safety or medical accidents"],
  ["LAL-31-1-8", "请求环境污染、生态破坏损害赔偿", "Environmental pollution or ecological damage"],
  ["LAL-31-1-9", "法律、法规、规章规定的其他情形", "Others set by law, regulation or rule"],
  ["LAL-32", "下列情形申请法律援助的，不受经济困难条件的限制", "In these cases the financial-difficulty condition does not apply"],
  ["LAL-32-1-1", "英雄烈士近亲属为维护英雄烈士的人格权益", "Close relatives of heroes and martyrs protecting their personality rights"],
  ["LAL-32-1-2", "因见义勇为行为主张相关民事权益", "Civil claims arising from acts of bravery"],
  ["LAL-32-1-3", "再审改判无罪请求国家赔偿", "State compensation after acquittal on retrial"],
  ["LAL-32-1-4", "遭受虐待、遗弃或者家庭暴力的受害人主张相关权益", "Victims of abuse, abandonment or domestic violence"],
  ["LAL-32-1-5", "法律、法规、规章规定的其他情形", "Others set by law, regulation or rule"],
  ["LAL-34", "经济困难的标准由省、自治区、直辖市人民政府确定", "The province sets the financial-difficulty standard"],
  ["LAL-36", "人民法院、人民检察院、公安机关办理刑事案件，发现有本法第二十五条第一款、第二十八条规定情形的，应当在三日内通知法律援助机构指派律师；法律援助机构收到通知后，应当在三日内指派律师并通知人民法院、人民检察院、公安机关", "The court, procuratorate or police notify the institution within 3 days of finding an art. 25(1) or art. 28 case; the institution assigns a lawyer within 3 days of the notice and tells the organ"],
  ["LAL-39", "被羁押的犯罪嫌疑人、被告人、服刑人员，以及强制隔离戒毒人员等提出法律援助申请的，办案机关、监管场所应当在二十四小时内将申请转交法律援助机构；通过值班律师提出申请的，值班律师应当在二十四小时内转交", "Applications of detained suspects or defendants, prisoners and persons in compulsory drug rehabilitation are passed on by the organ or the detention facility within 24 hours; one made through a duty lawyer, by the duty lawyer within 24 hours"],
  ["LAL-41", "申请人如实说明经济困难状况；可以通过信息共享查询，或者由申请人进行个人诚信承诺", "The applicant declares finances truthfully; verification by data sharing or a good-faith pledge"],
  ["LAL-42-1-1", "无固定生活来源的未成年人、老年人、残疾人等特定群体，免予核查经济困难状况", "Minors, elderly or disabled people without fixed income: exempt from verification"],
  ["LAL-42-1-2", "社会救助、司法救助或者优抚对象，免予核查", "Recipients of social or judicial assistance, entitled groups: exempt"],
  ["LAL-42-1-3", "申请支付劳动报酬或者请求工伤事故人身损害赔偿的进城务工人员，免予核查", "Migrant workers claiming wages or work-injury compensation: exempt"],
  ["LAL-42-1-4", "法律、法规、规章规定的其他人员", "Others set by law, regulation or rule"],
  ["LAL-43", "法律援助申请的审查、决定与指派", "Reviewing, deciding and assigning on an application"],
  ["LAL-43-1", "法律援助机构应当自收到法律援助申请之日起七日内进行审查，作出是否给予法律援助的决定；决定给予的，自作出决定之日起三日内指派；决定不给予的，书面告知申请人并说明理由", "Decide within 7 days of receiving the application; assign within 3 days of a grant; a refusal is given in writing with reasons"],
  ["LAL-43-2", "申请人提交的申请材料不齐全的，法律援助机构应当一次性告知申请人需要补充的材料或者要求申请人作出说明；申请人未按要求补充材料或者作出说明的，视为撤回申请", "Missing materials are listed all at once; not supplied or explained as asked, the application counts as withdrawn"],
  ["LAL-44", "距法定时效或者期限届满不足七日等情形，可以决定先行提供法律援助", "Urgent pre-grant when fewer than 7 days remain, etc."],
  ["LAL-44-1-1", "距法定时效或者期限届满不足七日，需要及时提起诉讼或者申请仲裁、行政复议，可以先行提供法律援助", "Urgent pre-grant: fewer than 7 days to a limitation or filing deadline"],
  ["LAL-44-1-2", "需要立即申请财产保全、证据保全或者先予执行", "Urgent pre-grant: preservation of property or evidence, or advance execution"],
  ["LAL-44-1-3", "法律、法规、规章规定的其他情形", "Urgent pre-grant: others set by law"],
  ["LAL-44-2", "先行提供法律援助的，受援人应当及时补办有关手续，补充有关材料", "After a pre-grant the recipient completes the formalities"],
  ["LAL-48", "终止法律援助的情形", "Grounds for terminating legal aid"],
  ["LAL-48-1-1", "受援人以欺骗或者其他不正当手段获得法律援助", "Aid obtained by deceit"],
  ["LAL-48-1-2", "受援人故意隐瞒与案件有关的重要事实或者提供虚假证据", "Key facts hidden or false evidence"],
  ["LAL-48-1-3", "受援人利用法律援助从事违法活动", "Aid used for illegal ends"],
  ["LAL-48-1-4", "受援人的经济状况发生变化，不再符合法律援助条件", "Finances changed: no longer qualifies"],
  ["LAL-48-1-5", "案件终止审理或者已经被撤销", "Trial terminated or case withdrawn"],
  ["LAL-48-1-6", "受援人自行委托律师或者其他代理人", "Recipient hired their own lawyer"],
  ["LAL-48-1-7", "受援人有正当理由要求终止法律援助", "Recipient asks to stop for good reason"],
  ["LAL-48-1-8", "法律法规规定的其他情形", "Others set by law"],
  ["LAL-48-2", "法律援助人员发现有前款规定情形的，应当及时向法律援助机构报告", "The aid lawyer reports any such ground"],
  ["LAL-49", "对不予法律援助、终止法律援助决定有异议的，可以向司法行政部门提出，五日内决定", "Objection to a refusal or termination, decided within 5 days"],
  ["LAL-49-2", "司法行政部门应当自收到异议之日起五日内进行审查，作出维持或者责令改正的决定", "The justice bureau decides an objection within 5 days"],
  ["LAL-50", "法律援助事项办理结束后，法律援助人员应当及时向法律援助机构报告，提交有关法律文书副本或者复印件、办理情况报告等材料", "After the matter ends the aid lawyer reports and files the closing materials"],
  ["LAL-52", "法律援助机构应当依照有关规定及时向法律援助人员支付法律援助补贴；补贴标准由省、自治区、直辖市人民政府司法行政部门会同同级财政部门，根据当地经济发展水平和法律援助的服务类型、承办成本、基本劳务费用等确定，并实行动态调整", "Aid subsidies paid promptly; the province's justice and finance departments set the standard by service type, cost and basic labour, adjusted over time"],
  ["LAL-55", "受援人可以向司法行政部门投诉，并可以请求法律援助机构更换法律援助人员", "The recipient may complain and ask for another aid lawyer"]
]

const lar: ReadonlyArray<Row> = [
  ["LAR-10", "公民对下列需要代理的事项，因经济困难没有委托代理人的，可以申请法律援助", "In financial difficulty and without an agent, one may apply in these matters", "2003-09-01", "2021-12-31"],
  ["LAR-10-1-1", "依法请求国家赔偿的", "State compensation", "2003-09-01", "2021-12-31"],
  ["LAR-10-1-2", "请求给予社会保险待遇或者最低生活保障待遇的", "Social insurance or minimum-living benefits", "2003-09-01", "2021-12-31"],
  ["LAR-10-1-3", "请求发给抚恤金、救济金的", "Pensions and relief", "2003-09-01", "2021-12-31"],
  ["LAR-10-1-4", "请求给付赡养费、抚养费、扶养费的", "Maintenance", "2003-09-01", "2021-12-31"],
  ["LAR-10-1-5", "请求支付劳动报酬的", "Wages", "2003-09-01", "2021-12-31"],
  ["LAR-10-1-6", "主张因见义勇为行为产生的民事权益的", "Civil claims from acts of bravery", "2003-09-01", "2021-12-31"],
  ["LAR-10-2", "省、自治区、直辖市人民政府可以对前款规定以外的法律援助事项作出补充规定", "Provinces may add matters", "2003-09-01", "2021-12-31"],
  ["LAR-11-1-1", "犯罪嫌疑人在被侦查机关第一次讯问后或者采取强制措施之日起，因经济困难没有聘请律师的，可以申请法律援助", "A suspect in financial difficulty without a lawyer may apply from the first interrogation by the investigating organ or the day a coercive measure is taken", "2003-09-01", "2021-12-31"],
  ["LAR-11-1-2", "公诉案件中的被害人及其法定代理人或者近亲属，自案件移送审查起诉之日起，因经济困难没有委托诉讼代理人的，可以申请法律援助", "A victim in a public prosecution (or legal representative or close relative) in financial difficulty without an agent may apply from the day the case is transferred for prosecution review", "2003-09-01", "2021-12-31"],
  ["LAR-11-1-3", "自诉案件的自诉人及其法定代理人，自案件被人民法院受理之日起，因经济困难没有委托诉讼代理人的，可以申请法律援助", "A private prosecutor (or legal representative) in financial difficulty without an agent may apply from the day the court accepts the case", "2003-09-01", "2021-12-31"],
  ["LAR-12-1", "公诉人出庭公诉的案件，被告人因经济困难或者其他原因没有委托辩护人，人民法院为被告人指定辩护时，法律援助机构应当提供法律援助", "Court-designated defence in public prosecutions for financial or other reasons", "2003-09-01", "2021-12-31"],
  ["LAR-12-2", "被告人是盲、聋、哑人或者未成年人，或者可能被判处死刑而没有委托辩护人的，人民法院指定辩护时应当提供法律援助，无须经济状况审查", "Blind, deaf or mute, minor, or possible death sentence: designated defence without a means test", "2003-09-01", "2021-12-31"],
  ["LAR-13", "经济困难的标准由省、自治区、直辖市人民政府确定；申请人住所地标准与受理地标准不一致的，按照受理地标准执行", "The province sets the hardship standard; the accepting institution's standard applies", "2003-09-01", "2021-12-31"],
  ["LAR-18", "法律援助机构应当及时审查并作出决定", "The institution reviews and decides promptly", "2003-09-01", "2021-12-31"],
  ["LAR-19", "对不予法律援助的决定有异议的，可以向确定该法律援助机构的司法行政部门提出", "Objection to a refusal, to the justice bureau", "2003-09-01", "2021-12-31"],
  ["LAR-20", "人民法院指定辩护的案件，应当在开庭10日前将指定辩护通知书和起诉书副本或者判决书副本送交法律援助机构", "The court sends the designation 10 days before trial", "2003-09-01", "2021-12-31"],
  ["LAR-21", "法律援助机构应当在开庭3日前将确定的承办人员名单回复人民法院", "The institution names the lawyer 3 days before trial", "2003-09-01", "2021-12-31"],
  ["LAR-23", "终止法律援助的情形", "Grounds for terminating legal aid", "2003-09-01", "2021-12-31"],
  ["LAR-23-1-1", "受援人的经济收入状况发生变化，不再符合法律援助条件的", "Finances changed: no longer qualifies", "2003-09-01", "2021-12-31"],
  ["LAR-23-1-2", "案件终止审理或者已被撤销的", "Trial terminated or case withdrawn", "2003-09-01", "2021-12-31"],
  ["LAR-23-1-3", "受援人又自行委托律师或者其他代理人的", "Recipient hired their own lawyer", "2003-09-01", "2021-12-31"],
  ["LAR-23-1-4", "受援人要求终止法律援助的", "Recipient asks to stop", "2003-09-01", "2021-12-31"],
  ["LAR-24", "法律援助机构按照规定支付办案补贴", "Case subsidies paid by the institution", "2003-09-01", "2021-12-31"]
]

const cpl1996: ReadonlyArray<Row> = [
  ["CPL1996-34-2", "被告人是盲、聋、哑或者未成年人而没有委托辩护人的，人民法院应当指定承担法律援助义务的律师为其提供辩护", "A blind, deaf, mute or minor defendant without a defender: the court designates one"],
  ["CPL1996-34-3", "被告人可能被判处死刑而没有委托辩护人的，人民法院应当指定承担法律援助义务的律师为其提供辩护", "A defendant facing a possible death sentence without a defender: the court designates one"],
  ["CPL1996-40", "公诉案件的被害人及其法定代理人或者近亲属，附带民事诉讼的当事人及其法定代理人，自案件移送审查起诉之日起，有权委托诉讼代理人；自诉案件的自诉人及其法定代理人有权随时委托诉讼代理人", "Victims and incidental civil parties may retain an agent from the transfer for prosecution review; private prosecutors at any time"],
  ["CPL1996-77", "被害人由于被告人的犯罪行为而遭受物质损失的，在刑事诉讼过程中，有权提起附带民事诉讼", "A victim who suffered material loss from the crime may bring an incidental civil action"]
]

const cpl: ReadonlyArray<Row> = [
  ["CPL-34-1", "犯罪嫌疑人、被告人因经济困难或者其他原因没有委托辩护人的，可以申请法律援助（2012年文本）", "Accused without a lawyer for financial or other reasons may apply (2012 numbering)", "2013-01-01", "2018-10-25"],
  ["CPL-34-2", "盲、聋、哑人，或者尚未完全丧失辨认或者控制自己行为能力的精神病人，应当通知（2012年文本）", "Blind, deaf, mute or partially mentally incapacitated: must notify (2012 numbering)", "2013-01-01", "2018-10-25"],
  ["CPL-34-3", "可能被判处无期徒刑、死刑，应当通知（2012年文本）", "Possible life imprisonment or death: must notify (2012 numbering)", "2013-01-01", "2018-10-25"],
  ["CPL-44-1", "公诉案件的被害人及其法定代理人或者近亲属，附带民事诉讼的当事人及其法定代理人，自案件移送审查起诉之日起，有权委托诉讼代理人；自诉案件的自诉人及其法定代理人，附带民事诉讼的当事人及其法定代理人，有权随时委托诉讼代理人（2012年文本）", "Victims and incidental civil parties of public prosecutions may retain an agent from the transfer for prosecution review; private prosecutors at any time (2012 numbering)", "2013-01-01", "2018-10-25"],
  ["CPL-99", "被害人由于被告人的犯罪行为而遭受物质损失的，在刑事诉讼过程中，有权提起附带民事诉讼；被害人死亡或者丧失行为能力的，其法定代理人、近亲属有权提起（2012年文本）", "A victim (or, the victim dead or incapacitated, a legal representative or close relative) may bring an incidental civil action (2012 numbering)", "2013-01-01", "2018-10-25"],
  ["CPL-267", "未成年犯罪嫌疑人、被告人没有委托辩护人的，应当通知（2012年文本）", "Minor accused without a lawyer: must notify (2012 numbering)", "2013-01-01", "2018-10-25"],
  ["CPL-286-2", "强制医疗案件被申请人或者被告人没有委托诉讼代理人的，人民法院应当通知（2012年文本）", "Compulsory treatment without an agent: the court must notify (2012 numbering)", "2013-01-01", "2018-10-25"],
  ["CPL-35-1", "犯罪嫌疑人、被告人因经济困难或者其他原因没有委托辩护人的，可以申请法律援助", "Accused without a lawyer for financial or other reasons may apply", "2018-10-26"],
  ["CPL-35-2", "盲、聋、哑人，或者尚未完全丧失辨认或者控制自己行为能力的精神病人，应当通知", "Blind, deaf, mute or partially mentally incapacitated: must notify", "2018-10-26"],
  ["CPL-35-3", "可能被判处无期徒刑、死刑，应当通知", "Possible life imprisonment or death: must notify", "2018-10-26"],
  ["CPL-46-1", "公诉案件的被害人及其法定代理人或者近亲属，附带民事诉讼的当事人及其法定代理人，自案件移送审查起诉之日起，有权委托诉讼代理人；自诉案件的自诉人及其法定代理人，附带民事诉讼的当事人及其法定代理人，有权随时委托诉讼代理人", "Victims and incidental civil parties of public prosecutions may retain an agent from the transfer for prosecution review; private prosecutors at any time", "2018-10-26"],
  ["CPL-101", "被害人由于被告人的犯罪行为而遭受物质损失的，在刑事诉讼过程中，有权提起附带民事诉讼；被害人死亡或者丧失行为能力的，其法定代理人、近亲属有权提起", "A victim (or, the victim dead or incapacitated, a legal representative or close relative) may bring an incidental civil action", "2018-10-26"],
  ["CPL-278", "未成年犯罪嫌疑人、被告人没有委托辩护人的，应当通知", "Minor accused without a lawyer: must notify", "2018-10-26"],
  ["CPL-293", "缺席审判案件，被告人及其近亲属没有委托辩护人的，人民法院应当通知", "Trial in absentia without a lawyer: the court must notify", "2018-10-26"],
  ["CPL-304-2", "强制医疗案件被申请人或者被告人没有委托诉讼代理人的，人民法院应当通知", "Compulsory treatment without an agent: the court must notify", "2018-10-26"]
]

const other: ReadonlyArray<Row> = [
  ["HMPL-25-1", "对侵害英雄烈士的姓名、肖像、名誉、荣誉的行为，英雄烈士的近亲属可以依法向人民法院提起诉讼", "Close relatives of a hero or martyr may sue over infringement of the name, portrait, reputation or honour"],
  ["HMPL-25-4", "英雄烈士近亲属依照第一款规定提起诉讼的，法律援助机构应当依法提供法律援助服务", "When the close relatives sue under para. 1, the legal aid institution shall provide legal aid"],
  ["PIPL-19", "除法律、行政法规另有规定外，个人信息的保存期限应当为实现处理目的所必要的最短时间", "Personal information is kept no longer than its purpose needs, unless a law or regulation says otherwise", "2021-11-01"],
  ["PIPL-47-1-2", "个人信息处理者停止提供产品或者服务，或者保存期限已届满的，应当主动删除个人信息", "When the retention period has expired, the processor deletes the personal information of its own motion", "2021-11-01"],
  ["MPL-104-2", "法律援助机构应当指派熟悉未成年人身心特点的律师为未成年人提供法律援助服务", "Legal aid for minors is given by lawyers familiar with minors' physical and mental traits"],
  ["MOJ124-13", "法律援助机构应当自收到申请之日起7个工作日内进行审查并作出决定（🟡）", "Review and decide within 7 working days of the application"],
  ["MOJ124-20", "作出给予法律援助决定后，民事、行政案件7个工作日内、刑事案件3个工作日内指派（🟡）", "Assign within 7 (civil, administrative) or 3 (criminal) working days"],
  ["SPCJ2006-2", "周岁按照公历的年、月、日计算，从周岁生日的第二天起算", "Ages count from the day after the birthday", "2006-01-23"]
]

const verifiedSources: ReadonlySet<SourceId> = new Set(["LAL", "LAR", "CPL", "MPL", "HMPL", "SPCJ2006"])

const build = (rows: ReadonlyArray<Row>): ReadonlyArray<Provision> =>
  rows.map(([id, summaryZh, summaryEn, from, to]) => {
    const source = id.slice(0, id.indexOf("-")) as SourceId
    const base = {
      id,
      source,
      summaryZh,
      summaryEn,
      inForceFrom: from ?? sources[source].inForceFrom,
      verified: verifiedSources.has(source)
    }
    const end = to ?? sources[source].inForceTo
    return end === undefined ? base : { ...base, inForceTo: end }
  })

/**
 * Every provision fayuan cites, in canonical order (by source, then article, paragraph, item).
 *
 * @category catalogue
 */
export const provisions: ReadonlyArray<Provision> = [...build(lal), ...build(lar), ...build(cpl1996), ...build(cpl), ...build(other)]

const byId: ReadonlyMap<string, Provision> = new Map(provisions.map((p) => [p.id, p]))
const rankById: ReadonlyMap<string, number> = new Map(provisions.map((p, i) => [p.id, i]))

/**
 * `true` when `id` is in the catalogue.
 *
 * @example
 * import { Citation } from "fayuan"
 * Citation.isKnown("LAL-25-1-1") // true
 *
 * @category catalogue
 */
export const isKnown = (id: string): id is CitationId => byId.has(id)

/**
 * The provision for a known id, or `undefined`.
 *
 * @category catalogue
 */
export const describe = (id: string): Provision | undefined => byId.get(id)

/**
 * An id that is not well formed.
 *
 * @category errors
 */
export class InvalidCitation extends Data.TaggedError("InvalidCitation")<{
  readonly input: string
  readonly reason: string
}> {
  override get message(): string {
    return `citation ${JSON.stringify(this.input)}: ${this.reason}`
  }
}

/**
 * The parts of a citation id.
 *
 * @category models
 */
export interface CitationParts {
  readonly source: SourceId
  readonly article: number
  readonly paragraph?: number
  readonly item?: number
}

const pattern = /^(LAL|LAR|CPL1996|CPL|MPL|HMPL|PIPL|MOJ124|YNLAR|SPCJ2006)-([1-9]\d{0,3})(?:-([1-9]\d?)(?:-([1-9]\d?))?)?$/

/**
 * Parses an id into its parts; it need not be in the catalogue.
 *
 * @example
 * import { Citation } from "fayuan"
 * Citation.parse("LAL-25-1-4") // Result.succeed({ source: "LAL", article: 25, paragraph: 1, item: 4 })
 *
 * @category parsing
 */
export const parse = (input: unknown): Result.Result<CitationParts, InvalidCitation> => {
  if (typeof input !== "string") return Result.fail(new InvalidCitation({ input: "", reason: "expected a string" }))
  const m = pattern.exec(input)
  if (m === null) {
    return Result.fail(
      new InvalidCitation({ input, reason: "expected <SOURCE>-<article>[-<paragraph>[-<item>]] with a known source" })
    )
  }
  const parts: { source: SourceId; article: number; paragraph?: number; item?: number } = {
    source: m[1] as SourceId,
    article: Number(m[2])
  }
  if (m[3] !== undefined) parts.paragraph = Number(m[3])
  if (m[4] !== undefined) parts.item = Number(m[4])
  return Result.succeed(parts)
}

/**
 * `true` when `actual` is `expected` or a more specific part of it: `LAL-28-1` covers `LAL-28`,
 * `LAL-25-1-4` covers `LAL-25-1` and `LAL-25`, but `LAL-25-2` does not cover `LAL-25-1`.
 *
 * @example
 * import { Citation } from "fayuan"
 * Citation.covers("LAL-28", "LAL-28-1") // true
 *
 * @category comparing
 */
export const covers = (expected: string, actual: string): boolean =>
  actual === expected || (actual.length > expected.length && actual.startsWith(expected) && actual[expected.length] === "-")

/**
 * Orders citations canonically: catalogue order for known ids, unknown ids after them by string.
 *
 * @category comparing
 */
export const order = (a: string, b: string): number => {
  const ra = rankById.get(a)
  const rb = rankById.get(b)
  if (ra !== undefined && rb !== undefined) return ra - rb
  if (ra !== undefined) return -1
  if (rb !== undefined) return 1
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * The provision's in-force check: `true` when `date` (YYYY-MM-DD) falls within its period.
 *
 * @category catalogue
 */
export const inForceOn = (provision: Provision, date: string): boolean =>
  provision.inForceFrom <= date && (provision.inForceTo === undefined || date <= provision.inForceTo)

const digitsZh = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

/**
 * A whole number from 1 to 9,999 in Chinese numerals, as statutes number their articles
 * (`48` → `四十八`, `110` → `一百一十`, `105` → `一百零五`).
 *
 * @example
 * ```ts
 * import { Citation } from "fayuan"
 * Citation.numberZh(48) // "四十八"
 * ```
 * @category formatting
 */
export const numberZh = (n: number): string => {
  if (!Number.isInteger(n) || n < 1 || n > 9999) return String(n)
  const units = ["", "十", "百", "千"]
  const digits = String(n).split("").map(Number)
  let out = ""
  let zero = false
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i]!
    if (d === 0) {
      zero = out !== ""
      return
    }
    if (zero) out += "零"
    zero = false
    out += d === 1 && unit === "十" && out === "" ? unit : digitsZh[d]! + unit
  })
  return out
}

/**
 * Articles of one paragraph whose items the ids still number under paragraph 1 (`LAL-31-1-4`):
 * a citation names no paragraph of them (`第三十一条第（四）项`), as the Supreme People's
 * Court's notice on citing 条、款、项、目 (1956-12-22) asks. LAL-31, LAL-32 and LAR-23 read in
 * published copies of the texts; LAL-42 and LAR-11 from the statutes' structure as we know it,
 * not yet confirmed against a copy.
 */
export const singleParagraphArticles: ReadonlyArray<string> = ["LAL-31", "LAL-32", "LAL-42", "LAR-11", "LAR-23"]

/**
 * A provision as a Chinese text cites it: `LAL-48-1-6` →
 * `《中华人民共和国法律援助法》第四十八条第一款第（六）项`, the item's number in brackets as
 * decisions write it; an article of one paragraph names none (`LAL-31-1-4` →
 * `…第三十一条第（四）项`). The title is left out with `{ title: false }` (a second citation of
 * the same law).
 *
 * @example
 * ```ts
 * import { Citation } from "fayuan"
 * Citation.articleZh("LAL-43-2") // "《中华人民共和国法律援助法》第四十三条第二款"
 * ```
 * @category formatting
 */
export const articleZh = (id: CitationId, options: { readonly title?: boolean } = {}): string => {
  const parts = parse(id)
  if (Result.isFailure(parts)) return id
  const { source, article, paragraph, item } = parts.success
  const title = options.title === false ? "" : `《${sources[source].titleZh.replace(/（[^）]*）$/, "")}》`
  const onlyParagraph = paragraph === 1 && singleParagraphArticles.includes(`${source}-${article}`)
  return `${title}第${numberZh(article)}条${paragraph === undefined || onlyParagraph ? "" : `第${numberZh(paragraph)}款`}${item === undefined ? "" : `第（${numberZh(item)}）项`}`
}
