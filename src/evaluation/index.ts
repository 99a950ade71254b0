/**
 * `fayuan/evaluation`: performance evaluation (绩效评价) — measures with their evidence, schemes
 * as data, exact scoring.
 *
 * @since 0.1.0
 */
export * as Measure from "./Measure.ts"
export type { Evidence, EvidenceSource, MeasureKey, Measured, Measures } from "./Measure.ts"
export * as Scheme from "./Scheme.ts"
export type { Band, Category, Grade, Group, Indicator, Judgement, Judgements, Label, Rule, RuleKind, SchemeData, Unit } from "./Scheme.ts"
export { decodeJudgements, decodeScheme, decodeSchemeUnsafe, encodeScheme, InvalidScheme } from "./Scheme.ts"
export * as schemes from "./schemes.ts"
export type { DropReason, EvaluateOptions, Evaluation, GroupScore, ScoredIndicator, Target } from "./score.ts"
export { defaultScoreRounding, evaluate, formatPercent, formatPoints, formatValue, gradeOf, percentRounding, roundingPlace, valueRounding } from "./score.ts"
export type {
  Activity,
  ActivityKind,
  Consultation,
  ConsultationChannel,
  ConsultationTopic,
  DocumentKind,
  DraftedDocument,
  NetworkLevel,
  NetworkPoint,
  Period,
  RecordOf,
  RecordType,
  StaffPosition,
  Survey,
  SurveyTopic,
  Training,
  TrainingAudience
} from "./Records.ts"
export {
  activityKinds,
  consultationChannels,
  consultationLevels,
  consultationTopics,
  decodeRecord,
  decodeRecords,
  documentKinds,
  EvaluationRecord,
  InvalidRecords,
  networkLevels,
  recordTypes,
  specialGroupsOf,
  surveyTopics,
  trainingAudiences
} from "./Records.ts"
export type { PutOptions, PutOutcome, RecordStoreShape } from "./RecordStore.ts"
export { RecordConflict, RecordStore } from "./RecordStore.ts"
export type { CaseFacts, ClockFacts } from "./CaseFacts.ts"
export type { ClockCounts, EvaluationInput, Sum, Tallies } from "./tally.ts"
export type { EvaluationSourceShape } from "./Source.ts"
export type { MatterClass, TimelinessKey } from "./MatterClass.ts"
export type { MonthCases } from "./charts.ts"
export { caseFacts, clockFacts } from "./CaseFacts.ts"
export { casesByMonthOf, clockSummaryOf } from "./charts.ts"
export { computeMeasures, measuresOf } from "./measures.ts"
export { EvaluationSource, yearPeriod } from "./Source.ts"
export { kindsOfClass, matterClasses, timelinessClocks } from "./MatterClass.ts"
export { tally } from "./tally.ts"
