/**
 * The words of the self-evaluation report in Chinese (the default) and English: headings after the
 * seed report's outline, column names, and the sentences the report fills from the data.
 *
 * @since 0.1.0
 */
import type { Rounding } from "../Rounding.ts"
import type { DropReason } from "../evaluation/score.ts"
import type { Label, RuleKind } from "../evaluation/Scheme.ts"

type ScaleKind = Exclude<RuleKind, "qualitative">

/**
 * A report language.
 *
 * @category models
 */
export type Lang = "zh" | "en"

/**
 * A text given once for both languages, or per language.
 *
 * @category models
 */
export type Localized = string | Label

/**
 * The text of a {@link Localized} in a language.
 *
 * @example
 * import { localize } from "fayuan/report"
 * localize({ zh: "盘龙区", en: "Panlong District" }, "en") // "Panlong District"
 *
 * @category formatting
 */
export const localize = (text: Localized, lang: Lang): string => (typeof text === "string" ? text : text[lang])

const roundingNames: Record<Rounding, Label> = {
  up: { zh: "进位", en: "up" },
  down: { zh: "舍去", en: "down" },
  ceiling: { zh: "向上取整", en: "ceiling" },
  floor: { zh: "向下取整", en: "floor" },
  "half-up": { zh: "四舍五入", en: "half-up" },
  "half-down": { zh: "五舍六入", en: "half-down" },
  "half-even": { zh: "四舍六入五成双", en: "half-even" }
}

const dropNames: Record<DropReason, Label> = {
  "no-measure": { zh: "无统计数据（或不适用）", en: "no figure (or does not apply)" },
  "manual-missing": { zh: "手工数据或评定未录入", en: "manual figure or judgement not entered" },
  "judgement-missing": { zh: "定性评定未录入", en: "no judgement entered" },
  "invalid-judgement": { zh: "定性评定无效", en: "invalid judgement" },
  "unit-mismatch": { zh: "数据单位与指标不符", en: "the figure's unit does not match the indicator" },
  "not-applicable": { zh: "本年度不适用", en: "does not apply this year" }
}

const kindNames: Record<RuleKind, Label> = {
  "at-least": { zh: "不低于目标值", en: "at least the target" },
  "at-most": { zh: "不高于目标值", en: "at most the target" },
  equals: { zh: "达到目标值", en: "equal to the target" },
  qualitative: { zh: "定性", en: "qualitative" }
}

const categoryNames: Readonly<Record<string, Label>> = {
  "case-subsidy": { zh: "办案补贴", en: "case subsidies" },
  "duty-subsidy": { zh: "值班补贴", en: "duty subsidies" },
  grants: { zh: "补助经费", en: "grants" },
  "auxiliary-staff": { zh: "辅助人员经费", en: "auxiliary staff" },
  publicity: { zh: "宣传经费", en: "publicity" },
  equipment: { zh: "设备购置", en: "equipment" },
  training: { zh: "培训经费", en: "training" },
  other: { zh: "其他", en: "other" }
}

const zh = {
  title: (region: string, project: string, year: number) => `${region}${project}${year}年度支出绩效自评报告`,
  period: (from: string, to: string) => `评价期间：${from} 至 ${to}`,
  scheme: (name: string, id: string) => `评价方案：${name}（${id}）`,
  generatedOn: (date: string) => `报告日期：${date}`,
  result: (total: string, grade: string) => `综合得分：${total} 分，评价等级：${grade}`,
  s1: "一、项目基本情况",
  s1a: "（一）项目概况",
  s1a1: "1. 立项背景及目的",
  s1a2: "2. 项目实施情况",
  s1a3: "3. 资金使用情况",
  s1a4: "4. 组织及管理情况",
  s1b: "（二）工作绩效目标",
  s1b1: "1. 总目标",
  s1b2: "2. 年度目标",
  s2: "二、绩效评价工作情况",
  s2a: "（一）绩效评价目的",
  s2b: "（二）绩效评价工作方案制定过程",
  s2c: "（三）绩效评价原则和方法",
  s2d: "（四）绩效评价实施过程",
  s2e: "（五）本次绩效评价的局限性",
  s3: "三、评价结论和绩效分析",
  s3a: "（一）评价结论",
  s3a1: "1. 评价结果",
  s3a2: "2. 主要绩效",
  s3b: "（二）具体绩效分析",
  s4: "四、成本效益分析",
  s5: "五、主要经验及做法、存在的问题和建议",
  s5a: "（一）主要经验及做法",
  s5b: "（二）存在的问题",
  s5c: "（三）建议和改进措施",
  background: (region: string) =>
    `${region}法律援助中心负责受理、审查、指派、归档法律援助案件，监督、检查法律援助事项的进展情况和质量；管理12348法律服务热线；建设法律援助三级工作网络并指导各工作站点开展工作；组织律师到公共法律服务中心、法院工作站、检察院工作站值班；开展法律援助宣传和培训。本项目经费用于保障上述工作。`,
  organisation: (region: string) =>
    `法律援助项目由${region}法律援助中心统一负责组织及实施，资金拨付按司法局统一规定及中心制定的案件发放流程办理。`,
  casesSummary: (year: number, total: number, civil: number, criminal: number, other: number) =>
    `${year}年，受理法律援助案件${total}件，其中民事案件${civil}件、刑事案件${criminal}件、其他案件${other}件。`,
  outputsIntro: "主要产出：",
  capacityIntro: "网络和保障：",
  network: (centres: number | undefined, workstations: number | undefined, liaison: number | undefined): string | undefined => {
    if (centres !== undefined && workstations !== undefined && liaison !== undefined) {
      return `“${centres}+${workstations}+${liaison}”三级法律援助工作网络（法律援助中心${centres}个、工作站${workstations}个、联络点${liaison}个）`
    }
    const parts = [
      centres === undefined ? undefined : `法律援助中心${centres}个`,
      workstations === undefined ? undefined : `工作站${workstations}个`,
      liaison === undefined ? undefined : `联络点${liaison}个`
    ].filter((x): x is string => x !== undefined)
    return parts.length === 0 ? undefined : `法律援助工作网络（${parts.join("、")}）`
  },
  offices: (n: number) => `街道司法所${n}个`,
  terminals: (n: number) => `安装公共法律服务终端${n}台`,
  auxiliary: (n: number) => `法律援助辅助人员${n}名`,
  grants: (amount: string) => `向街道司法所拨付公共法律服务建设补助${amount}`,
  trainings: (sessions: number | undefined, participants: number | undefined): string | undefined =>
    sessions === undefined && participants === undefined
      ? undefined
      : `开展三级网络人员培训${[sessions === undefined ? undefined : `${sessions}期`, participants === undefined ? undefined : `${participants}人次`].filter((x) => x !== undefined).join("、")}`,
  overallGoals: (notified: string | undefined, special: string | undefined, free: string | undefined, awareness: string | undefined): ReadonlyArray<string> => {
    const actual = (x: string | undefined, what = "本年度实际") => (x === undefined ? "" : `（${what}${x}）`)
    return [
      `人民法院、人民检察院、公安机关指定或通知的法律援助案件应援尽援率达100%${actual(notified)}。`,
      `农民工、未成年人、残疾人等特殊群体应援尽援率达100%${actual(special)}。`,
      `三级法律援助工作网络提供免费法律咨询100%${actual(free, "本年度覆盖率")}。`,
      `法律援助申请渠道不断扩大，知晓率有较大提高${actual(awareness, "本年度调查知晓率")}。`
    ]
  },
  listSep: "；",
  sentenceEnd: "。",
  colon: "：",
  budgetSummary: (total: string, spent: string, rate: string) => `项目预算${total}，已支付${spent}，预算执行率${rate}。`,
  noBudget: "未提供预算执行数据。",
  goalsIntro: (scheme: string) => `年度目标包括产出目标和效果目标，按评价方案《${scheme}》设定，各项目标值如下（评分见第三部分）：`,
  survey1: (from: string, to: string, cases: number, spent: string | undefined, n: number, records: number, derived: number, manual: number, dropped: number) =>
    `1. 前期调研：梳理评价期间（${from}至${to}）的业务记录${spent === undefined ? "" : "和预算台账"}，期间受理法律援助案件${cases}件${spent === undefined ? "" : `，台账已支付${spent}`}。${n}项三级指标中，${records}项的实际值由业务记录统计，${derived}项由记录计算，${manual}项为手工录入的调查结果或评定${dropped === 0 ? "" : `，${dropped}项无数据或不适用而未计分`}。`,
  documents: (scheme: string, id: string, source: string, verified: boolean) =>
    `2. 研究文件：评价方案《${scheme}》（${id}）的目标值、分值和评分规则来源：${source}；${verified ? "已对照公布文本核实" : "尚未对照公布文本核实"}。`,
  design: (groups: number, names: string, second: number, n: number, kinds: string, qualitative: number, manual: number) =>
    `3. 绩效评价指标体系及工作方案的设计：指标体系设一级指标${groups}个（${names}）、二级指标${second}个、三级指标${n}个，其中定量指标${n - qualitative}个（${kinds}）、定性指标${qualitative}个，手工录入指标${manual}个；实际值由系统按统计口径从记录中计算，评分规则如下文所列。`,
  kindCount: (kind: string, n: number) => `${kind}${n}个`,
  purpose:
    "全面了解项目管理过程是否规范、产出目标是否完成以及效果目标是否实现，总结经验，查找不足，为以后年度的项目开展提供参考。在此基础上，分析项目预算编制的合理性、成本支出的真实性和控制的有效性，评价财政资金的使用效率和效果。",
  principles: "评价原则：科学规范、公开公正、真实客观。",
  method: (scheme: string, weights: string, total: string) => `评价方法：采用指标评价法，对照评价方案《${scheme}》逐项打分。一级指标分值：${weights}，合计${total}分。`,
  rules: (clauses: string) => `计分规则：${clauses}。`,
  ruleKind: (kind: ScaleKind, n: number) =>
    kind === "at-least"
      ? `“不低于”类指标（${n}项）得分 = 分值 × min(实际值 ÷ 目标值, 1)`
      : kind === "at-most"
      ? `“不高于”类指标（${n}项）得分 = 分值 × min(目标值 ÷ 实际值, 1)，实际值为0时得满分`
      : `“达到”类指标（${n}项，如100%的比率）得分 = 分值 × min(实际值 ÷ 目标值, 1)`,
  ruleJudged: (names: string) => `定性指标${names}按评定的档次计分`,
  ruleBands: (names: string, bands: string) => `定性指标${names}按档次计分：${bands}`,
  band: (name: string, from: string, to: string, award: string) => `${name}（分值的${from}–${to}，计${award}）`,
  ruleByValue: (name: string, steps: string) => `其中“${name}”按实际值定档：${steps}`,
  bandAtLeast: (value: string, name: string) => `≥ ${value}为${name}`,
  bandRest: (name: string) => `其余为${name}`,
  ruleBudget: (name: string, points: string, target: string | undefined) =>
    target === undefined ? `${name}得分 = ${points} × min(实际支出 ÷ 预算, 1)` : `${name}得分 = ${points} × min(${name} ÷ ${target}, 1)`,
  methodText: (interpolation: "linear" | "step", behind: string, days: number) =>
    `计划进度按预算各时点累计比例（${interpolation === "step" ? "阶梯" : "时点间线性插值"}）计算；落后计划${behind}以上且距年底超过${days}天时预警。`,
  note: (text: string) => `注：${text}`,
  rescale:
    "无数据或不适用的指标不计分，其分值按原分值比例分配给同一一级指标内的其他指标；一级指标下全部指标均不计分的，其权重按比例分配给其他一级指标。分配以0.01分为单位，按最大余数法进行，总分值始终为100分。",
  rounding: (mode: string) => `每项指标得分按“${mode}”保留两位小数，一级指标得分及总分为各项指标得分之和。`,
  gradesText: (grades: string) => `评价等级：${grades}。`,
  collection:
    "1. 数据采集：实际值由系统根据业务记录（案件、咨询、值班、宣传、培训、台账等）按统计口径自动计算，每项实际值附统计口径和记录数，可供复核；满意度、知晓率等调查数据为手工录入，注明来源。",
  survey: (items: string) => `2. 社会调查和人工评定：${items}`,
  noSurvey: "2. 社会调查和人工评定：未录入调查数据或评定。",
  analysis: (date: string) => `3. 数据分析和撰写报告：本报告由系统根据上述数据生成，报告日期${date}。`,
  limitationsNone: "无。",
  droppedLimitation: (name: string, reason: string) => `“${name}”未计分（${reason}），其分值已按规则分配给其他指标。`,
  unverified: (source: string) => `评价方案的目标值和权重未经核实，仅作为输入使用（来源：${source}）。`,
  judgementLimitation: "定性指标的档次由评价人员根据工作记录判定。",
  resultText: (total: string, grade: string) => `经对照评价方案逐项打分，本项目综合得分${total}分，评价等级为“${grade}”。`,
  achievementsIntro: "以下指标达到年度指标值：",
  noAchievements: "本年度没有达到年度指标值的指标。",
  achievement: (name: string, actual: string, target: string) => `${name}：实际${actual}（目标${target}）`,
  tableIntro: "对照评价方案逐项分析、评价并打分，结果如下表；各项实际值的统计口径和记录数见其后的数据来源表：",
  evidenceCaption: "指标数据来源",
  evidenceHead: ["三级指标", "统计口径、记录数及说明"],
  deviationCaption: "偏差原因分析及改进措施",
  tableNo: (n: number, caption: string) => `表${n} ${caption}`,
  figureNo: (n: number, caption: string) => `图${n} ${caption}`,
  chartData: (caption: string, figure: number) => `${caption}（图${figure}数据）`,
  casesData: "各月受理法律援助案件数",
  scoreData: "一级指标分值与得分",
  budgetData: "累计支出进度与计划",
  groupCaption: "一级指标得分",
  indicatorCaption: "绩效评价指标得分表",
  linesCaption: "预算明细及执行情况",
  casesChart: "各月受理法律援助案件数（按类别）",
  scoreChart: "一级指标分值与得分",
  budgetChart: "累计支出进度与计划",
  region: (name: string, code: string) => `地区：${name}（${code}）`,
  yuan: "元",
  tenThousandYuan: "万元",
  cases: "件",
  pointsUnit: "分",
  axisUnit: (unit: string) => `单位：${unit}`,
  office: (unit: string, department: string) => `实施单位：${unit}　主管部门：${department}`,
  responsible: "负责人：＿＿＿＿＿＿　联系人：＿＿＿＿＿＿　联系电话：＿＿＿＿＿＿",
  signature: (unit: string): ReadonlyArray<string> => [`评价单位（盖章）：${unit}`, "单位负责人（签字）：＿＿＿＿＿＿", "联系人：＿＿＿＿＿＿　联系电话：＿＿＿＿＿＿"],
  dateWords: (date: string) => `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`,
  blankField: "（待填写）",
  annex: "附件：项目支出绩效自评表",
  groupHead: ["一级指标", "权重", "调整后分值", "得分", "得分率"],
  indicatorHead: ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
  linesHead: ["项目", "类别", "预算", "计划支出", "已支付", "差异"],
  casesHead: ["月份", "民事", "刑事", "其他", "合计"],
  budgetHead: ["月份", "累计计划支出", "累计已支付", "完成计划"],
  scoreHead: ["一级指标", "分值", "得分"],
  civil: "民事",
  criminal: "刑事",
  other: "其他",
  points: "分值",
  score: "得分",
  planned: "累计计划支出",
  paid: "累计已支付",
  month: (m: number) => `${m}月`,
  total: "合计",
  gradeCell: (grade: string) => `等级：${grade}`,
  evidenceRecords: (filter: string, records: number) => `${filter}（${records}条记录）`,
  evidenceManual: (text: string) => `手工录入：${text}`,
  evidenceDerived: (filter: string, records: number) => `计算：${filter}（${records}条记录）`,
  judgement: (band: string, note: string) => `评定为“${band}”，依据：${note}`,
  bandReached: (band: string) => `档次：${band}`,
  notScored: (reason: string) => `未计分：${reason}`,
  dash: "—",
  costIntro: "成本指标：",
  noCost: "评价方案未设成本指标或无成本数据。",
  cost: (name: string, actual: string, target: string, score: string, points: string) => `${name}${actual}（目标${target}），得分${score}/${points}。`,
  scheduleText: (month: number, planned: string, paid: string, rate: string) =>
    `截至${month}月，累计计划支出${planned}，累计已支付${paid}，完成计划的${rate}。`,
  costBenefit: "办案补贴按补贴标准和案件质量等级核发，与案件数量、质量挂钩。",
  experienceNetwork: (network: string | undefined, free: string, consultations: number | undefined) =>
    `依托${network ?? "三级法律援助工作网络"}，各级站点均提供免费法律咨询（覆盖率${free}）${consultations === undefined ? "" : `，全年法律咨询${consultations}人次`}。`,
  experienceDuty: (shifts: number, notified: string | undefined, special: string | undefined) =>
    `组织律师值班${shifts}人次${notified === undefined ? "" : `，指定/通知案件应援尽援率${notified}`}${special === undefined ? "" : `，特殊群体应援尽援率${special}`}。`,
  experienceQuality: (pass: string, complaints: number | undefined) =>
    `以案件质量评查促办案质量，案件质量合格率${pass}${complaints === undefined ? "" : complaints === 0 ? "，无质量投诉" : `，质量投诉${complaints}件`}。`,
  experienceDefault: (met: number, scored: number) => [
    met === scored ? `计分的${scored}项指标全部达到年度指标值。` : `计分的${scored}项指标中，${met}项达到年度指标值。`,
    "业务数据由系统逐笔记录，每项实际值均可追溯到统计口径和记录数，评价结果可复核。"
  ],
  missed: (name: string, target: string, actual: string, score: string, points: string) =>
    `“${name}”未完成目标：目标${target}，实际${actual}，得分${score}/${points}。`,
  behind: (month: number, paid: string, planned: string, lag: string, rate: string) =>
    `支出未按经费安排进度执行：截至${month}月累计支付${paid}，计划${planned}，落后${lag}（完成计划的${rate}）。`,
  underspent: (total: string, spent: string, rate: string, left: string) => `全年预算${total}，实际支出${spent}，执行率${rate}，结余${left}。`,
  warning: (line: string, text: string) => `预算预警（${line}）：${text}。`,
  warningFigures: (planned: string, paid: string) => `计划${planned}，已支付${paid}`,
  overdue: (overdue: number, started: number, met: number) => `${overdue}个办理时限超期（共启动${started}个，按时完成${met}个）。`,
  manualMissing: (name: string) => `“${name}”的手工数据或评定未录入，该指标未计分。`,
  noProblems: "根据现有数据，未发现明显问题。",
  adviseMissed: (names: string) => `分析未完成指标（${names}）的原因，在下一年度计划中调整目标或加强相应工作。`,
  adviseBudget: "加强与上级机关请示、沟通，按月跟踪支出进度，及时向财政部门反映资金使用中的新情况，发现偏差及时修正经费安排。",
  adviseClocks: "对临近到期的办理时限提前预警，逐日跟踪超期事项，督促及时审查、指派和结案。",
  adviseManual: "按时开展满意度、知晓率等社会调查，完成定性评定并录入结果，以便完整评价。",
  adviseNone: "保持现有做法，继续按进度使用资金、跟踪各项指标。",
  nameList: (names: ReadonlyArray<string>) => names.map((n) => `“${n}”`).join("、"),
  weight: (name: string, points: string) => `${name}${points}分`,
  weightSep: "、",
  gradeTop: (name: string, min: string) => `${name}：≥ ${min}分`,
  gradeMid: (name: string, min: string, upper: string) => `${name}：${min}分至${upper}分（不含${upper}分）`,
  gradeLow: (name: string, upper: string) => `${name}：< ${upper}分`,
  gradeSep: "；",
  paren: (text: string, aside: string) => `${text}（${aside}）`,
  semicolon: "；",
  comma: "，"
}

/** @category strings */
export type Strings = typeof zh

const en: Strings = {
  title: (region: string, project: string, year: number) => `${project}, ${region}: ${year} project expenditure performance self-evaluation report`,
  period: (from: string, to: string) => `Period evaluated: ${from} to ${to}`,
  scheme: (name: string, id: string) => `Evaluation scheme: ${name} (${id})`,
  generatedOn: (date: string) => `Report date: ${date}`,
  result: (total: string, grade: string) => `Total score: ${total}; grade: ${grade}`,
  s1: "1. The project",
  s1a: "1.1 Overview",
  s1a1: "1.1.1 Background and purpose",
  s1a2: "1.1.2 Implementation",
  s1a3: "1.1.3 Use of funds",
  s1a4: "1.1.4 Organisation and management",
  s1b: "1.2 Performance goals",
  s1b1: "1.2.1 Overall goals",
  s1b2: "1.2.2 Goals for the year",
  s2: "2. The evaluation",
  s2a: "2.1 Purpose",
  s2b: "2.2 How the evaluation scheme was set",
  s2c: "2.3 Principles and method",
  s2d: "2.4 Process",
  s2e: "2.5 Limitations",
  s3: "3. Conclusion and performance analysis",
  s3a: "3.1 Conclusion",
  s3a1: "3.1.1 Result",
  s3a2: "3.1.2 Main achievements",
  s3b: "3.2 Indicator-by-indicator analysis",
  s4: "4. Cost-benefit analysis",
  s5: "5. Experience, problems and suggestions",
  s5a: "5.1 Experience and practice",
  s5b: "5.2 Problems",
  s5c: "5.3 Suggestions",
  background: (region: string) =>
    `The legal aid centre of ${region} accepts, reviews, assigns and archives legal aid cases and supervises their progress and quality; runs the 12348 legal service hotline; builds and guides the three-level legal aid network; rosters lawyers for duty at the public legal service centre, the court and the procuratorate workstations; and runs outreach and training. The project funds this work.`,
  organisation: (region: string) =>
    `The legal aid centre of ${region} organises and carries out the project; funds are paid out under the justice bureau's rules and the centre's procedure for case assignment.`,
  casesSummary: (year: number, total: number, civil: number, criminal: number, other: number) =>
    `In ${year}, ${total} legal aid cases were accepted: ${civil} civil, ${criminal} criminal and ${other} other.`,
  outputsIntro: "Main outputs: ",
  capacityIntro: "Network and resources: ",
  network: (centres: number | undefined, workstations: number | undefined, liaison: number | undefined): string | undefined => {
    const parts = [
      centres === undefined ? undefined : `${centres} legal aid ${centres === 1 ? "centre" : "centres"}`,
      workstations === undefined ? undefined : `${workstations} workstations`,
      liaison === undefined ? undefined : `${liaison} liaison points`
    ].filter((x): x is string => x !== undefined)
    if (parts.length === 0) return undefined
    if (centres !== undefined && workstations !== undefined && liaison !== undefined) return `the "${centres}+${workstations}+${liaison}" three-level legal aid network (${parts.join(", ")})`
    return `the legal aid network (${parts.join(", ")})`
  },
  offices: (n: number) => `${n} sub-district justice offices`,
  terminals: (n: number) => `${n} public legal service terminals installed`,
  auxiliary: (n: number) => `${n} auxiliary legal aid staff`,
  grants: (amount: string) => `${amount} in grants paid to the sub-district justice offices`,
  trainings: (sessions: number | undefined, participants: number | undefined): string | undefined =>
    sessions === undefined && participants === undefined
      ? undefined
      : `training for network staff: ${[sessions === undefined ? undefined : `${sessions} sessions`, participants === undefined ? undefined : `${participants} participants`].filter((x) => x !== undefined).join(", ")}`,
  overallGoals: (notified: string | undefined, special: string | undefined, free: string | undefined, awareness: string | undefined): ReadonlyArray<string> => {
    const actual = (x: string | undefined, what = "actual this year") => (x === undefined ? "" : ` (${what}: ${x})`)
    return [
      `Every case the courts, procuratorates or police appoint or notify gets legal aid: 100%${actual(notified)}.`,
      `Every eligible applicant of a special group (migrant workers, minors, people with disabilities) gets legal aid: 100%${actual(special)}.`,
      `Every level of the three-level legal aid network gives free legal consultation: 100%${actual(free, "coverage this year")}.`,
      `More ways to apply for legal aid, and clearly higher awareness of it${actual(awareness, "surveyed awareness this year")}.`
    ]
  },
  listSep: "; ",
  sentenceEnd: ".",
  colon: ": ",
  budgetSummary: (total: string, spent: string, rate: string) => `Budget ${total}; paid ${spent}; budget execution rate ${rate}.`,
  noBudget: "No budget execution data was supplied.",
  goalsIntro: (scheme: string) => `The output and effect goals for the year are those of the evaluation scheme "${scheme}" (scored in part 3):`,
  survey1: (from: string, to: string, cases: number, spent: string | undefined, n: number, records: number, derived: number, manual: number, dropped: number) =>
    `1. Preparatory review: the records of the period (${from} to ${to})${spent === undefined ? "" : " and the budget ledger"} were reviewed: ${cases} legal aid cases accepted${spent === undefined ? "" : `, ${spent} paid in the ledger`}. Of the ${n} indicators, ${records} are counted from the records, ${derived} computed from them and ${manual} entered by hand (surveys or judgements)${dropped === 0 ? "" : `; ${dropped} had no figure or did not apply and were not scored`}.`,
  documents: (scheme: string, id: string, source: string, verified: boolean) =>
    `2. Documents: the targets, points and scoring rules of the evaluation scheme "${scheme}" (${id}) come from: ${source}; ${verified ? "they were checked against the published text" : "they have not been checked against a published text"}.`,
  design: (groups: number, names: string, second: number, n: number, kinds: string, qualitative: number, manual: number) =>
    `3. Indicator system and work plan: ${groups} first-level indicators (${names}), ${second} second-level and ${n} third-level indicators: ${n - qualitative} quantitative (${kinds}) and ${qualitative} qualitative, ${manual} entered by hand. The system computes each actual value from the records by its filter; the scoring rules follow.`,
  kindCount: (kind: string, n: number) => `${n} ${kind}`,
  purpose:
    "To see whether the project was managed by the rules, whether its output goals were reached and its intended effects achieved; to learn from the year and find what fell short, as a basis for the years ahead; and to judge whether the budget was reasonable, the costs real and controlled, and the public funds used efficiently and to effect.",
  principles: "Principles: scientific and standard, open and fair, truthful and objective.",
  method: (scheme: string, weights: string, total: string) => `Method: each indicator is scored against the evaluation scheme "${scheme}". First-level weights: ${weights}; ${total} points in all.`,
  rules: (clauses: string) => `Scoring: ${clauses}.`,
  ruleKind: (kind: ScaleKind, n: number) =>
    kind === "at-least"
      ? `an "at least" indicator (${n}) scores points × min(actual ÷ target, 1)`
      : kind === "at-most"
      ? `an "at most" indicator (${n}) points × min(target ÷ actual, 1), full points when the actual is 0`
      : `an "equal to" indicator (${n}, such as a 100% rate) points × min(actual ÷ target, 1)`,
  ruleJudged: (names: string) => `the qualitative indicators ${names} by the band judged`,
  ruleBands: (names: string, bands: string) => `the qualitative indicators ${names} by band: ${bands}`,
  band: (name: string, from: string, to: string, award: string) => `${name} (${from}–${to} of the points, ${award} awarded)`,
  ruleByValue: (name: string, steps: string) => `"${name}" takes its band from the actual value: ${steps}`,
  bandAtLeast: (value: string, name: string) => `≥ ${value} ${name}`,
  bandRest: (name: string) => `below that ${name}`,
  ruleBudget: (name: string, points: string, target: string | undefined) =>
    target === undefined ? `"${name}" scores ${points} × min(spent ÷ budget, 1)` : `"${name}" scores ${points} × min(rate ÷ ${target}, 1)`,
  methodText: (interpolation: "linear" | "step", behind: string, days: number) =>
    `The plan to date is the budget schedule's cumulative share at each date (${interpolation === "step" ? "stepwise: the share of the last date reached" : "interpolated linearly between dates"}); a line is warned about when it is ${behind} or more behind the plan with more than ${days} days of the year left.`,
  note: (text: string) => `Note: ${text}`,
  rescale:
    "An indicator with no figure, or that does not apply, is not scored and its points are shared among the other indicators of its first-level indicator in proportion to their points; if none of a first-level indicator's indicators is scored, its weight is shared among the other first-level indicators. Shares are whole hundredths of a point, by the largest-remainder method, so the points always total 100.",
  rounding: (mode: string) => `Each indicator's score is rounded to two decimals (${mode}); first-level scores and the total are sums of the indicator scores.`,
  gradesText: (grades: string) => `Grades: ${grades}.`,
  collection:
    "1. Data: each actual value is computed from the records (cases, consultations, duty shifts, outreach, training, the ledger) and carries its filter and number of records, so it can be recounted; survey figures such as satisfaction and awareness are entered by hand with their source.",
  survey: (items: string) => `2. Surveys and judgements: ${items}`,
  noSurvey: "2. Surveys and judgements: none was entered.",
  analysis: (date: string) => `3. Analysis and report: this report was generated from the data above on ${date}.`,
  limitationsNone: "None.",
  droppedLimitation: (name: string, reason: string) => `"${name}" was not scored (${reason}); its points were shared among the other indicators.`,
  unverified: (source: string) => `The scheme's targets and weights are unverified inputs (source: ${source}).`,
  judgementLimitation: "The bands of the qualitative indicators were chosen by the assessors from the work records.",
  resultText: (total: string, grade: string) => `Scored indicator by indicator against the scheme, the project totals ${total} points: grade "${grade}".`,
  achievementsIntro: "These indicators reached their annual values:",
  noAchievements: "No indicator was fully met this year.",
  achievement: (name: string, actual: string, target: string) => `${name}: ${actual} (target ${target})`,
  tableIntro: "Each indicator analysed and scored against the scheme; the table after it gives the filter and the number of records behind each actual value:",
  evidenceCaption: "Where each figure comes from",
  evidenceHead: ["Indicator", "Filter, records and notes"],
  deviationCaption: "Causes of deviation and measures",
  tableNo: (n: number, caption: string) => `Table ${n}. ${caption}`,
  figureNo: (n: number, caption: string) => `Figure ${n}. ${caption}`,
  chartData: (caption: string, figure: number) => `${caption} (data of Figure ${figure})`,
  casesData: "Legal aid cases accepted by month",
  scoreData: "Points and score by first-level indicator",
  budgetData: "Cumulative spending against the schedule",
  groupCaption: "First-level scores",
  indicatorCaption: "Indicator scores",
  linesCaption: "Budget lines and execution",
  casesChart: "Legal aid cases accepted by month and kind",
  scoreChart: "Points and score by first-level indicator",
  budgetChart: "Cumulative spending against the schedule",
  region: (name: string, code: string) => `Region: ${name} (${code})`,
  yuan: "yuan",
  tenThousandYuan: "10,000 yuan",
  cases: "cases",
  pointsUnit: "points",
  axisUnit: (unit: string) => `Unit: ${unit}`,
  office: (unit: string, department: string) => `Unit: ${unit}; department: ${department}`,
  responsible: "Responsible: ________  Contact: ________  Phone: ________",
  signature: (unit: string): ReadonlyArray<string> => [`Evaluating unit (seal): ${unit}`, "Head of unit (signature): ________", "Contact: ________  Phone: ________"],
  dateWords: (date: string) => date,
  blankField: "(to complete)",
  annex: "Annex: the project expenditure self-evaluation table (in Chinese, the form the finance bureau receives)",
  groupHead: ["First level", "Weight", "Points after rescaling", "Score", "Score rate"],
  indicatorHead: ["First level", "Second level", "Indicator", "Annual value", "Actual", "Points", "Score", "Causes of deviation and measures"],
  linesHead: ["Line", "Category", "Budget", "Planned", "Paid", "Variance"],
  casesHead: ["Month", "Civil", "Criminal", "Other", "Total"],
  budgetHead: ["Month", "Planned (cumulative)", "Paid (cumulative)", "Of plan"],
  scoreHead: ["First level", "Points", "Score"],
  civil: "civil",
  criminal: "criminal",
  other: "other",
  points: "points",
  score: "score",
  planned: "planned (cumulative)",
  paid: "paid (cumulative)",
  month: (m: number) => ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1] ?? String(m),
  total: "Total",
  gradeCell: (grade: string) => `grade: ${grade}`,
  evidenceRecords: (filter: string, records: number) => `${filter} (${records} records)`,
  evidenceManual: (text: string) => `entered by hand: ${text}`,
  evidenceDerived: (filter: string, records: number) => `computed: ${filter} (${records} records)`,
  judgement: (band: string, note: string) => `judged "${band}": ${note}`,
  bandReached: (band: string) => `band: ${band}`,
  notScored: (reason: string) => `not scored: ${reason}`,
  dash: "—",
  costIntro: "Cost indicators: ",
  noCost: "The scheme has no cost indicator, or there is no cost figure.",
  cost: (name: string, actual: string, target: string, score: string, points: string) => `${name} ${actual} (target ${target}), scored ${score} of ${points}.`,
  scheduleText: (month: number, planned: string, paid: string, rate: string) =>
    `By the end of month ${month}, ${planned} was planned and ${paid} paid: ${rate} of the plan.`,
  costBenefit: "Case subsidies are paid by the subsidy standards and the cases' quality grades, tied to the number and quality of cases.",
  experienceNetwork: (network: string | undefined, free: string, consultations: number | undefined) =>
    `Through ${network ?? "the three-level legal aid network"}, every level gives free legal consultation (coverage ${free})${consultations === undefined ? "" : `; ${consultations} consultations in the year`}.`,
  experienceDuty: (shifts: number, notified: string | undefined, special: string | undefined) =>
    `Lawyers were rostered for ${shifts} duty shifts${notified === undefined ? "" : `; appointed or notified cases aided: ${notified}`}${special === undefined ? "" : `; special groups aided: ${special}`}.`,
  experienceQuality: (pass: string, complaints: number | undefined) =>
    `Case quality reviews keep the work sound: ${pass} of graded cases passed${complaints === undefined ? "" : complaints === 0 ? ", with no quality complaint" : `, with ${complaints} quality complaints`}.`,
  experienceDefault: (met: number, scored: number) => [
    met === scored ? `All ${scored} indicators scored reached their annual values.` : `Of the ${scored} indicators scored, ${met} reached their annual values.`,
    "The work is recorded item by item, so every actual value traces back to its filter and records and the result can be recounted."
  ],
  missed: (name: string, target: string, actual: string, score: string, points: string) =>
    `"${name}" missed its target: target ${target}, actual ${actual}, scored ${score} of ${points}.`,
  behind: (month: number, paid: string, planned: string, lag: string, rate: string) =>
    `Spending did not follow the funding schedule: by the end of month ${month}, ${paid} was paid against ${planned} planned, ${lag} behind (${rate} of the plan).`,
  underspent: (total: string, spent: string, rate: string, left: string) => `Budget ${total}, spent ${spent}: execution rate ${rate}, ${left} unspent.`,
  warning: (line: string, text: string) => `Budget warning (${line}): ${text}.`,
  warningFigures: (planned: string, paid: string) => `planned ${planned}, paid ${paid}`,
  overdue: (overdue: number, started: number, met: number) => `${overdue} time limits were overdue (${started} started, ${met} met in time).`,
  manualMissing: (name: string) => `The manual figure or judgement for "${name}" was not entered, so it was not scored.`,
  noProblems: "The data shows no notable problem.",
  adviseMissed: (names: string) => `Find why these indicators fell short (${names}) and adjust next year's targets or strengthen the work.`,
  adviseBudget: "Consult the authorities above early, follow spending against the schedule every month, report new circumstances in the use of funds to the finance bureau promptly, and revise the funding plan as soon as a variance appears.",
  adviseClocks: "Warn ahead of time limits that are about to fall due and follow overdue matters daily, so reviews, assignments and closings are on time.",
  adviseManual: "Run the satisfaction and awareness surveys on time, complete the qualitative judgements and enter the results, so the evaluation is complete.",
  adviseNone: "Keep the present practice: spend on schedule and follow every indicator.",
  nameList: (names: ReadonlyArray<string>) => names.map((n) => `"${n}"`).join(", "),
  weight: (name: string, points: string) => `${name} ${points}`,
  weightSep: ", ",
  gradeTop: (name: string, min: string) => `${name} ≥ ${min}`,
  gradeMid: (name: string, min: string, upper: string) => `${name} ${min} to under ${upper}`,
  gradeLow: (name: string, upper: string) => `${name} < ${upper}`,
  gradeSep: "; ",
  paren: (text: string, aside: string) => `${text} (${aside})`,
  semicolon: "; ",
  comma: ", "
}

/**
 * The report's fixed words, by language.
 *
 * @category strings
 */
export const strings: Readonly<Record<Lang, Strings>> = { zh, en }

/**
 * The name of a rounding mode in a language.
 *
 * @category strings
 */
export const roundingName = (mode: Rounding, lang: Lang): string => roundingNames[mode][lang]

/**
 * Why an indicator was not scored, in a language.
 *
 * @category strings
 */
export const dropReasonName = (reason: DropReason, lang: Lang): string => dropNames[reason][lang]

/**
 * The name of an indicator kind, in a language.
 *
 * @category strings
 */
export const kindName = (kind: RuleKind, lang: Lang): string => kindNames[kind][lang]

/**
 * The name of a budget line category (the known ones translated, others as given).
 *
 * @category strings
 */
export const budgetCategoryName = (category: string, lang: Lang): string => categoryNames[category]?.[lang] ?? category
