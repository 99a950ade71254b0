/**
 * The documents a legal aid centre issues (法律援助文书): the kinds, the model every renderer
 * reads (title, number, addressee, paragraphs, closing, seal and date), and why a document cannot
 * be issued.
 *
 * @since 0.2.0
 */
import { Data } from "effect"

/**
 * The kinds of document, each issued on one event of a case:
 *
 * | kind | 文书 | issued on | to |
 * |---|---|---|---|
 * | `grant-decision` | 给予法律援助决定书 | the grant (`LAL-43-1`) | the applicant |
 * | `refusal-decision` | 不予法律援助决定书 | the refusal (`LAL-43-1`, `LAL-49`) | the applicant |
 * | `materials-notice` | 补充材料、说明通知书 | the request for materials (`LAL-43-2`) | the applicant |
 * | `assignment-notice` | 指派通知书 | the assignment (`LAL-43-1`) | the lawyer's firm |
 * | `official-letter` | 法律援助公函 | the assignment (`LAL-36`) | the court, procuratorate or public security organ |
 * | `termination-decision` | 终止法律援助决定书 | the termination (`LAL-48`, `LAL-49`) | the recipient |
 * | `replacement-notice` | 更换法律援助人员通知书 | the replacement (`LAL-55`) | the new lawyer's firm |
 * | `closing-form` | 法律援助案件结案报告表 | the closing materials (`LAL-50`) | the case file |
 *
 * @category vocabulary
 */
export const documentKinds = [
  "grant-decision",
  "refusal-decision",
  "materials-notice",
  "assignment-notice",
  "official-letter",
  "termination-decision",
  "replacement-notice",
  "closing-form"
] as const

/** @category vocabulary */
export type DocumentKind = (typeof documentKinds)[number]

/**
 * A document ready to render: every blank filled. `paragraphs` are the body (first line indented);
 * `table` holds a form's rows (label, value); `closing` is 特此通知 / 特此函告; the seal line names
 * the issuing institution above the date.
 *
 * @category models
 */
export interface DocumentModel {
  readonly kind: DocumentKind
  readonly title: string
  /** The document number, as printed (`（2024）盘援决字第12号`). */
  readonly number: string
  /** Whom the document is addressed to, with the colon (`张三：`); absent on a form. */
  readonly addressee?: string
  readonly paragraphs: ReadonlyArray<string>
  /** A form's fields, label and value, in order (the closing form). */
  readonly table?: ReadonlyArray<readonly [label: string, value: string]>
  readonly closing?: string
  /** Lines after the closing, before the seal (a contact line). */
  readonly contacts: ReadonlyArray<string>
  /** The issuing institution, printed above the date with its seal. */
  readonly issuer: string
  /** The date in words (`2024年5月8日`). */
  readonly date: string
  /** Where the template comes from, and whether it is the Ministry's text or ours. */
  readonly template: { readonly id: string; readonly source: string; readonly verified: boolean }
}

/**
 * A fact the document states is not known: which one (`lawyer.name`, `centre.shortName`,
 * `event:AidGranted`), so the host can supply it. Nothing is issued, no number taken.
 *
 * @category errors
 */
export class MissingFact extends Data.TaggedError("MissingFact")<{ readonly kind: DocumentKind; readonly fact: string; readonly hint: string }> {
  override get message(): string {
    return `${this.fact}: the ${this.kind} needs it: ${this.hint}`
  }
}

/**
 * No template of the kind is in force for the region and date.
 *
 * @category errors
 */
export class NoTemplate extends Data.TaggedError("NoTemplate")<{ readonly kind: DocumentKind; readonly region: string; readonly date: string }> {
  override get message(): string {
    return `no ${this.kind} template in force for ${this.region} on ${this.date}`
  }
}
