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
export type { CaseFacts, ClockCounts, ClockFacts, EvaluationInput, EvaluationSourceShape, MatterClass, MonthCases, Sum, Tallies, TimelinessKey } from "./Source.ts"
export {
  caseFacts,
  casesByMonthOf,
  clockFacts,
  clockSummaryOf,
  computeMeasures,
  EvaluationSource,
  kindsOfClass,
  matterClasses,
  measuresOf,
  tally,
  timelinessClocks,
  yearPeriod
} from "./Source.ts"
