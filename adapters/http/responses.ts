/**
 * The bodies the service answers with, as Schemas of their JSON — for the OpenAPI document, so a
 * Java or .NET client generator gets types, not `object`. They describe the library's own values
 * (`Case`, `DueItem`, `Decision`) as JSON carries them; the test validates every answer the
 * service gives against them, and the compiler checks each library type fits its schema.
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import { references } from "../../src/HardshipStandard.ts"
import { meansTestStatuses, outcomes } from "../../src/eligibility/Decision.ts"
import { AssignmentRationale, specialGroups } from "../../src/lifecycle/Event.ts"
import { assignmentFilters, channels, clockKinds, grades, organs, outcomes as matterOutcomes, states, withdrawals } from "../../src/lifecycle/vocabulary.ts"
import { matterKinds, proceedingStages } from "../../src/RuleSet.ts"
import { documentKinds } from "../../src/documents/Document.ts"
import { StoredRoster } from "../../src/roster/Store.ts"
import { dateRules } from "../../src/subsidy/Standard.ts"
import { lineCodes } from "../../src/subsidy/Subsidy.ts"
import { units } from "../../src/evaluation/Scheme.ts"
import { categories } from "../../src/budget/Budget.ts"
import { roundings } from "../../src/Rounding.ts"

const Day = Schema.String.annotate({ description: "A calendar day, YYYY-MM-DD" })
const Citation = Schema.String.annotate({ description: "A citation id (`LAL-31-1-5`: the Legal Aid Law, art. 31(1)(5))" })
const Citations = Schema.Array(Citation)

const Requirements = Schema.Struct({
  lawyerMinYears: Schema.optionalKey(Schema.Int),
  minorsSpecialist: Schema.optionalKey(Schema.Boolean),
  basis: Schema.optionalKey(Citations)
})

const Summary = Schema.Struct({
  outcome: Schema.Literals(outcomes),
  meansTest: Schema.Literals(meansTestStatuses),
  citations: Citations,
  ruleSetId: Schema.String,
  requirements: Schema.optionalKey(Requirements)
}).annotate({ identifier: "EligibilitySummary" })

/**
 * A statutory clock of a case.
 *
 * @category schemas
 */
export const ClockResponse = Schema.Struct({
  kind: Schema.Literals(clockKinds),
  startedOn: Day,
  dueOn: Day,
  counting: Schema.Literals(["calendar-days", "working-days", "hours", "days-before-trial"]),
  length: Schema.Number,
  basis: Citation,
  stoppedOn: Schema.optionalKey(Day),
  cancelledOn: Schema.optionalKey(Day),
  met: Schema.optionalKey(Schema.Boolean),
  estimated: Schema.optionalKey(Schema.Literal(true))
}).annotate({ identifier: "Clock" })

/**
 * A case as `GET /cases/{id}` answers: its state, its facts, and its clocks.
 *
 * @category schemas
 */
export const CaseResponse = Schema.Struct({
  id: Schema.String,
  region: Schema.String,
  version: Schema.Int,
  state: Schema.Literals(states),
  origin: Schema.Literals(["application", "notification"]),
  kind: Schema.Literals(matterKinds),
  channel: Schema.optionalKey(Schema.Literals(channels)),
  organ: Schema.optionalKey(Schema.Literals(organs)),
  grounds: Schema.optionalKey(Citations),
  receivedOn: Day,
  groups: Schema.optionalKey(Schema.Array(Schema.Literals(specialGroups))),
  ruleSetId: Schema.String,
  procedureId: Schema.String,
  provisional: Schema.Boolean,
  eligibility: Schema.optionalKey(Summary),
  assessment: Schema.optionalKey(Summary),
  recipients: Schema.optionalKey(Schema.Int),
  requirements: Schema.optionalKey(Requirements),
  missingMaterials: Schema.optionalKey(Schema.Array(Schema.String)),
  lawyer: Schema.optionalKey(Schema.Struct({ lawyerId: Schema.String, firmId: Schema.String, since: Day })),
  excludedLawyers: Schema.Array(Schema.String),
  complaints: Schema.optionalKey(Schema.Int),
  reportedGrounds: Citations,
  termination: Schema.optionalKey(
    Schema.Struct({ ground: Citation, priorState: Schema.Literals(states), objected: Schema.Boolean, objectionDecided: Schema.Boolean })
  ),
  refusalObjected: Schema.Boolean,
  endedOn: Schema.optionalKey(Day),
  outcome: Schema.optionalKey(Schema.Literals(matterOutcomes)),
  stagesCompleted: Schema.optionalKey(Schema.Array(Schema.Literals(proceedingStages))),
  withdrawal: Schema.optionalKey(Schema.Literals(withdrawals)),
  grade: Schema.optionalKey(Schema.Literals(grades)),
  clocks: Schema.Array(ClockResponse),
  lastOccurredAt: Schema.String
}).annotate({ identifier: "Case", description: "A case: its state, facts and statutory clocks. The `ETag` header is its version." })

/**
 * One clock due or overdue, as `GET /due` lists it.
 *
 * @category schemas
 */
export const DueItemResponse = Schema.Struct({
  caseId: Schema.String,
  region: Schema.String,
  kind: Schema.Literals(clockKinds),
  status: Schema.Literals(["due", "overdue", "running"]),
  dueOn: Day,
  daysLeft: Schema.Int,
  basis: Citation,
  estimated: Schema.optionalKey(Schema.Literal(true))
}).annotate({ identifier: "DueItem" })

const AppliedForm = Schema.Struct({ region: Schema.String, validFrom: Schema.String, verified: Schema.Boolean, presumed: Schema.Boolean })

const MeansTest = Schema.Union([
  Schema.Struct({ status: Schema.Literals(["not-required", "verification-exempt"]), basis: Citations }),
  Schema.Struct({
    status: Schema.Literals(["passed", "failed"]),
    area: Schema.Literals(["urban", "rural"]),
    reference: Schema.Literals(references.filter((r) => r !== "low-income-status")),
    form: AppliedForm,
    members: Schema.Int,
    monthlyIncomeFen: Schema.Int,
    thresholdFen: Schema.Int,
    marginFen: Schema.Int,
    basis: Citations
  }),
  Schema.Struct({
    status: Schema.Literals(["recognised", "not-recognised"]),
    area: Schema.Literals(["urban", "rural"]),
    reference: Schema.Literal("low-income-status"),
    form: AppliedForm,
    basis: Citations
  }),
  Schema.Struct({ status: Schema.Literal("not-assessed") })
]).annotate({ identifier: "MeansTest" })

const ParameterValue = Schema.Union([
  Schema.Number,
  Schema.Boolean,
  Schema.Struct({ numerator: Schema.Int, denominator: Schema.Int }).annotate({ description: "A ratio, numerator over denominator" })
])

/**
 * An eligibility decision, as `POST /eligibility/decisions` answers.
 *
 * @category schemas
 */
export const DecisionResponse = Schema.Struct({
  outcome: Schema.Literals(outcomes),
  meansTest: MeansTest,
  citations: Citations,
  ruleSet: Schema.Struct({ id: Schema.String, validFrom: Schema.String, validTo: Schema.optionalKey(Schema.String), layers: Schema.Array(Schema.String) }),
  date: Day,
  region: Schema.String,
  requirements: Schema.Struct({ lawyerMinYears: Schema.optionalKey(Schema.Int), minorsSpecialist: Schema.optionalKey(Schema.Boolean), basis: Citations }),
  missing: Schema.Array(Schema.Struct({ path: Schema.String, reasonZh: Schema.String, reasonEn: Schema.String, basis: Citations })),
  parameters: Schema.Array(
    Schema.Struct({
      key: Schema.String,
      value: ParameterValue,
      origin: Schema.Literals(["table", "override"]),
      region: Schema.optionalKey(Schema.String),
      validFrom: Schema.optionalKey(Day),
      validTo: Schema.optionalKey(Day),
      basis: Citations,
      source: Schema.String,
      verified: Schema.Boolean
    })
  ),
  advisories: Schema.Array(Schema.Struct({ basis: Citation, textZh: Schema.String, textEn: Schema.String })),
  trace: Schema.optionalKey(
    Schema.Array(
      Schema.Struct({
        rule: Schema.String,
        basis: Schema.optionalKey(Citation),
        result: Schema.Literals(["applies", "does-not-apply", "unknown", "passed", "failed"]),
        detail: Schema.optionalKey(Schema.String)
      })
    )
  )
}).annotate({ identifier: "Decision", description: "The outcome, the means test, the facts still missing, and the articles it rests on" })

/**
 * What `POST /cases/{id}/assignment` answers: the case, and the assignment with its rationale.
 *
 * @category schemas
 */
export const AssignedResponse = Schema.Struct({
  case: CaseResponse,
  assignment: Schema.Struct({
    _tag: Schema.Literal("Assigned"),
    caseId: Schema.String,
    lawyerId: Schema.String,
    firmId: Schema.String,
    explanation: Schema.Array(Schema.String),
    rationale: AssignmentRationale,
    excluded: Schema.Array(
      Schema.Struct({
        lawyerId: Schema.String,
        firmId: Schema.String,
        filter: Schema.Literals(assignmentFilters),
        rule: Schema.String,
        reason: Schema.String,
        reasonZh: Schema.String,
        basis: Schema.optionalKey(Citation)
      })
    ),
    ranking: Schema.Array(
      Schema.Struct({ lawyerId: Schema.String, firmId: Schema.String, assignedCount: Schema.Int, weight: Schema.Int, openCases: Schema.Int, tieBreak: Schema.Number })
    )
  }).annotate({ identifier: "Assignment", description: "The lawyer chosen, the explanation, every lawyer excluded and why, and the ranking of the rest" })
}).annotate({ identifier: "Assigned" })

const { schemaVersion: _stored, ...rosterFields } = StoredRoster.fields

/**
 * A duty roster: the seats filled, those left unfilled with why, and the fairness certificate.
 *
 * @category schemas
 */
export const RosterResponse = Schema.Struct(rosterFields).annotate({ identifier: "Roster" })

/**
 * What `POST /rosters/{id}/replan` answers: the new roster and the seats that changed.
 *
 * @category schemas
 */
export const ReplannedResponse = Schema.Struct({
  roster: RosterResponse,
  changes: Schema.Array(Schema.Struct({ date: Day, siteId: Schema.String, slot: Schema.String, seat: Schema.Int, from: Schema.optionalKey(Schema.String), to: Schema.optionalKey(Schema.String) }))
}).annotate({ identifier: "Replanned" })

const Fen = Schema.Int.annotate({ description: "An amount in fen (分), an integer" })

/**
 * A subsidy: every line with the standard row it comes from, the amount in fen, and the
 * allocation among the lawyers.
 *
 * @category schemas
 */
export const SubsidyResponse = Schema.Struct({
  subject: Schema.Union([
    Schema.Struct({ kind: Schema.Literal("case"), caseId: Schema.String }),
    Schema.Struct({ kind: Schema.Literals(["consultation", "documents"]), ref: Schema.String })
  ]),
  region: Schema.String,
  amount: Fen,
  lines: Schema.Array(
    Schema.Struct({
      code: Schema.Literals(lineCodes),
      label: Schema.Struct({ zh: Schema.String, en: Schema.String }),
      rowId: Schema.String,
      standardId: Schema.String,
      effectiveFrom: Day,
      amount: Fen,
      detail: Schema.String
    })
  ),
  standard: Schema.Struct({ id: Schema.String, region: Schema.String, effectiveFrom: Day, effectiveTo: Schema.optionalKey(Day), verified: Schema.Boolean, label: Schema.String }),
  dateRule: Schema.Literals([...dateRules, "worked-on"]),
  date: Day,
  notes: Schema.Array(Schema.String),
  allocations: Schema.optionalKey(Schema.Array(Schema.Struct({ lawyerId: Schema.String, amount: Fen })))
}).annotate({ identifier: "Subsidy" })

const EntryRef = Schema.Struct({ budgetId: Schema.String, key: Schema.String })

/**
 * What recording entries did: those stored, and those already stored with the same content.
 *
 * @category schemas
 */
export const RecordOutcomeResponse = Schema.Struct({ recorded: Schema.Array(EntryRef), duplicates: Schema.Array(EntryRef) }).annotate({ identifier: "RecordOutcome" })

/**
 * A budget's totals on a day, line by line.
 *
 * @category schemas
 */
export const LedgerTotalsResponse = Schema.Struct({
  budgetId: Schema.String,
  asOf: Day,
  lines: Schema.Array(Schema.Struct({ lineId: Schema.String, payments: Fen, commitments: Fen, settled: Fen, entries: Schema.Int }))
}).annotate({ identifier: "LedgerTotals" })

/**
 * A document as issued: numbered, addressed, with its paragraphs and the template it follows.
 *
 * @category schemas
 */
export const DocumentResponse = Schema.Struct({
  kind: Schema.Literals(documentKinds),
  title: Schema.String,
  number: Schema.String,
  addressee: Schema.optionalKey(Schema.String),
  paragraphs: Schema.Array(Schema.String),
  table: Schema.optionalKey(Schema.Array(Schema.Tuple([Schema.String, Schema.String]))),
  closing: Schema.optionalKey(Schema.String),
  contacts: Schema.Array(Schema.String),
  issuer: Schema.String,
  date: Schema.String,
  template: Schema.Struct({ id: Schema.String, source: Schema.String, verified: Schema.Boolean })
}).annotate({ identifier: "Document" })

/**
 * One document issued for a case, as `GET /cases/{id}/documents` lists it.
 *
 * @category schemas
 */
export const IssuedResponse = Schema.Struct({ kind: Schema.Literals(documentKinds), year: Schema.Int, n: Schema.Int, issuedOn: Day }).annotate({ identifier: "Issued" })

const Ratio = Schema.Struct({ numerator: Schema.Int, denominator: Schema.Int }).annotate({
  identifier: "Ratio",
  description: "An exact fraction, numerator over denominator (a share, a score, a rate)"
})
const Label = Schema.Struct({ zh: Schema.String, en: Schema.String })

const EvidenceResponse = Schema.Struct({
  source: Schema.Literals(["records", "manual", "derived"]),
  filter: Schema.String,
  filterZh: Schema.optionalKey(Schema.String),
  records: Schema.Int,
  note: Schema.optionalKey(Schema.String)
})

const MeasuredResponse = Schema.Struct({ value: Ratio, unit: Schema.Literals(units), evidence: EvidenceResponse }).annotate({ identifier: "Measured" })

const GradeResponse = Schema.Struct({ id: Schema.String, name: Label, min: Ratio })

const FiguresFields = {
  budget: Fen,
  planned: Fen,
  paid: Fen,
  committed: Fen,
  executionRate: Ratio,
  scheduleRate: Ratio,
  variance: Schema.Int.annotate({ description: "Paid less planned, in fen (negative: behind the plan)" }),
  entries: Schema.Int
}

/**
 * A budget's execution on a day: overall and by line, and the lines behind their schedule.
 *
 * @category schemas
 */
export const ExecutionResponse = Schema.Struct({
  budgetId: Schema.String,
  region: Schema.String,
  year: Schema.Int,
  asOf: Day,
  overall: Schema.Struct(FiguresFields),
  lines: Schema.Array(Schema.Struct({ ...FiguresFields, lineId: Schema.String, name: Schema.String, category: Schema.Literals(categories) })),
  warnings: Schema.Array(
    Schema.Struct({
      _tag: Schema.Literal("BehindSchedule"),
      lineId: Schema.optionalKey(Schema.String),
      planned: Fen,
      paid: Fen,
      gap: Fen,
      gapRate: Ratio,
      threshold: Ratio,
      daysLeft: Schema.Int,
      remaining: Fen,
      neededPerMonth: Fen
    })
  ),
  options: Schema.Struct({
    interpolation: Schema.Literals(["linear", "step"]),
    plannedRounding: Schema.Literals(roundings),
    behindBy: Ratio,
    marginDays: Schema.Int,
    paceRounding: Schema.Literals(roundings)
  })
}).annotate({ identifier: "ExecutionReport" })

/**
 * What `POST /evaluations` answers: the measures by key, the scored scheme, and the budget's
 * execution when a budget was named.
 *
 * @category schemas
 */
export const EvaluationResponse = Schema.Struct({
  measures: Schema.Record(Schema.String, MeasuredResponse),
  evaluation: Schema.Struct({
    schemeId: Schema.String,
    schemeName: Label,
    schemeSource: Schema.Union([Schema.String, Label]),
    schemeVerified: Schema.Boolean,
    period: Schema.Struct({ from: Day, to: Day }),
    rounding: Schema.Literals(roundings),
    indicators: Schema.Array(
      Schema.Struct({
        id: Schema.String,
        group: Schema.String,
        category: Schema.String,
        path: Schema.Tuple([Label, Label, Label]),
        name: Label,
        kind: Schema.String,
        measure: Schema.String,
        manual: Schema.Boolean,
        target: Schema.Struct({ kind: Schema.String, value: Schema.optionalKey(Ratio), unit: Schema.Literals(units), unitLabel: Schema.optionalKey(Label), display: Label }),
        actual: Schema.optionalKey(MeasuredResponse),
        schemePoints: Ratio,
        points: Ratio,
        score: Ratio,
        met: Schema.Boolean,
        evidence: Schema.optionalKey(EvidenceResponse),
        band: Schema.optionalKey(Schema.Struct({ id: Schema.String, name: Label, share: Ratio })),
        judgement: Schema.optionalKey(Schema.Struct({ band: Schema.String, fraction: Schema.optionalKey(Ratio), note: Schema.String })),
        dropped: Schema.optionalKey(Schema.Literals(["no-measure", "manual-missing", "judgement-missing", "invalid-judgement", "unit-mismatch", "not-applicable"]))
      })
    ),
    groups: Schema.Array(Schema.Struct({ id: Schema.String, name: Label, weight: Ratio, points: Ratio, score: Ratio, dropped: Schema.Boolean })),
    total: Ratio,
    grade: GradeResponse,
    grades: Schema.Array(GradeResponse)
  }).annotate({ identifier: "Evaluation" }),
  execution: Schema.optionalKey(ExecutionResponse)
}).annotate({ identifier: "EvaluationResult" })
