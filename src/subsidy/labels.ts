/**
 * The labels of a subsidy's lines, in Chinese and English (engine-internal).
 *
 * @since 0.1.0
 */
import * as Money from "../Money.ts"
import type { ProceedingStage as Stage } from "../RuleSet.ts"
import type { Compiled } from "./compiled.ts"
import type { Line, LineCode, LineLabel } from "./Subsidy.ts"

// ---------------------------------------------------------------------------------------------
// Labels

export const label = (zh: string, en: string): LineLabel => Object.freeze({ zh, en })

export const stageLabels: ReadonlyArray<LineLabel> = [
  label("刑事案件·侦查阶段", "criminal case, investigation stage"),
  label("刑事案件·审查起诉阶段", "criminal case, prosecution review stage"),
  label("刑事案件·审判阶段", "criminal case, trial stage"),
  label("刑事案件·死刑复核阶段", "criminal case, death-penalty review stage")
]
export const serviceLabels: ReadonlyArray<LineLabel> = [
  label("刑事案件", "criminal case"),
  label("民事案件", "civil case"),
  label("行政案件", "administrative case"),
  label("劳动争议仲裁案件", "labour arbitration case"),
  label("非诉讼事项（调解）", "non-litigation matter (mediation)")
]
export const endingLabels: ReadonlyArray<LineLabel> = [
  label("终止法律援助", "aid terminated"),
  label("开庭前撤回", "withdrawn before the hearing"),
  label("庭审中撤回", "withdrawn during the hearing")
]
export const labels = {
  outside: label("异地办案", "outside the home city"),
  lifeOrDeath: label("可能判处无期徒刑、死刑", "possible life or death sentence"),
  complexity: label("重大疑难复杂案件", "complex case"),
  extra: label("增加受援人", "extra recipients"),
  unqualified: label("质量不合格", "unqualified file"),
  dutyDay: label("值班律师（全天）", "duty lawyer, full day"),
  dutyHalf: label("值班律师（半天）", "duty lawyer, half day"),
  consultationDay: label("法律咨询（天）", "consultation, days"),
  consultationHalf: label("法律咨询（半天）", "consultation, half days"),
  document: label("代写法律文书", "drafted legal document")
} as const

export const noNotes: ReadonlyArray<string> = Object.freeze([])
export const noStages: ReadonlyArray<Stage> = Object.freeze([])

export const line = (code: LineCode, lineLabel: LineLabel, rowId: string, c: Compiled, amount: number, detail: string): Line => ({
  code,
  label: lineLabel,
  rowId,
  standardId: c.ref.id,
  effectiveFrom: c.from,
  amount: amount as Money.Fen,
  detail
})
