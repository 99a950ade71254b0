/**
 * The JSON an event is stored as: the fields its schema declares, at every level, and nothing
 * else — a key a caller added (a name, say) never reaches the log — written at the speed of
 * `JSON.stringify`. The pick is compiled once from the `CaseEvent` schema, so a field added to
 * the schema is stored without a change here; a schema that transforms a value on encoding would
 * make this fall back to the schema's own encoder.
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import type { SchemaAST } from "effect"
import { CaseEvent } from "./Event.ts"

type Pick = (value: unknown) => unknown

/** A value with the keys its schema does not declare removed, or `undefined` when nothing needs removing. */
const compile = (ast: SchemaAST.AST, seen: Map<SchemaAST.AST, { pick: Pick | undefined }>): Pick | undefined => {
  if (ast.encoding !== undefined) throw new Error("a schema with an encoding: use the schema's encoder")
  const known = seen.get(ast)
  if (known !== undefined) return (v) => (known.pick === undefined ? v : known.pick(v))
  const slot: { pick: Pick | undefined } = { pick: undefined }
  seen.set(ast, slot)
  slot.pick = build(ast, seen)
  return slot.pick
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v)

const build = (ast: SchemaAST.AST, seen: Map<SchemaAST.AST, { pick: Pick | undefined }>): Pick | undefined => {
  switch (ast._tag) {
    case "Objects": {
      // A record (index signatures) keeps its keys: fayuan's events have none.
      if (ast.indexSignatures.length > 0) return undefined
      const fields = ast.propertySignatures.map((p) => [String(p.name), compile(p.type, seen)] as const)
      return (v) => {
        if (!isObject(v)) return v
        const out: Record<string, unknown> = {}
        for (const [name, pick] of fields) {
          const x = v[name]
          if (x !== undefined) out[name] = pick === undefined ? x : pick(x)
        }
        return out
      }
    }
    case "Arrays": {
      const elements = ast.elements.map((e) => compile(e, seen))
      const rest = ast.rest.map((e) => compile(e, seen))
      if (elements.every((e) => e === undefined) && rest.every((e) => e === undefined)) return undefined
      return (v) => (Array.isArray(v) ? v.map((x, i) => (i < elements.length ? elements[i] : rest[0])?.(x) ?? x) : v)
    }
    case "Union": {
      // Members told apart by their literal fields (`type`, `action`); a value none matches keeps
      // only the keys some member declares.
      const members = ast.types.map((m) => ({ ast: m, pick: compile(m, seen), literals: literalsOf(m) }))
      if (members.every((m) => m.pick === undefined)) return undefined
      const objects = members.filter((m) => m.ast._tag === "Objects")
      const anyKeys = new Set(objects.flatMap((m) => (m.ast._tag === "Objects" ? m.ast.propertySignatures.map((p) => String(p.name)) : [])))
      // A field every member fixes to a value of its own (`type`) finds the member at once.
      const tag = objects.length === members.length ? objects[0]?.literals.map(([k]) => k).find((k) => {
        const values = objects.map((m) => m.literals.find(([name]) => name === k))
        return values.every((x) => x !== undefined) && new Set(values.map((x) => x![1])).size === objects.length
      }) : undefined
      const byTag = tag === undefined ? undefined : new Map(objects.map((m) => [m.literals.find(([k]) => k === tag)![1], m]))
      return (v) => {
        if (!isObject(v)) return members.find((m) => m.ast._tag !== "Objects")?.pick?.(v) ?? v
        const match = byTag !== undefined ? byTag.get(v[tag!]) : objects.find((m) => m.literals.length > 0 && m.literals.every(([k, lit]) => v[k] === lit))
        if (match !== undefined) return match.pick === undefined ? v : match.pick(v)
        const out: Record<string, unknown> = {}
        for (const k of Object.keys(v)) if (anyKeys.has(k) && v[k] !== undefined) out[k] = v[k]
        return out
      }
    }
    case "Suspend":
      return compile(ast.thunk(), seen)
    default:
      return undefined
  }
}

/** The literal-typed fields of an object schema: what tells a union's members apart. */
const literalsOf = (ast: SchemaAST.AST): ReadonlyArray<readonly [string, unknown]> =>
  ast._tag === "Objects" ? ast.propertySignatures.flatMap((p) => (p.type._tag === "Literal" ? [[String(p.name), p.type.literal] as const] : [])) : []

const encode = Schema.encodeSync(CaseEvent)

const pick: Pick = (() => {
  try {
    const compiled = compile(CaseEvent.ast, new Map())
    return compiled ?? ((v: unknown) => v)
  } catch {
    return (v: unknown) => encode(v as CaseEvent)
  }
})()

/**
 * An event as the JSON text a store keeps.
 *
 * @example
 * ```ts
 * import { eventJson, type CaseEvent } from "fayuan/lifecycle"
 * declare const event: CaseEvent
 * const text = eventJson(event) // the declared fields only
 * ```
 *
 * @category storage
 */
export const eventJson = (event: CaseEvent): string => JSON.stringify(pick(event))
