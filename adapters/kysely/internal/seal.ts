/**
 * Field-level encryption of the parties' personal data at rest: AES-256-GCM under a key the host
 * supplies, bound to the row it belongs to (region and case id as associated data, so a sealed
 * value copied to another row does not open). Adapter-internal; configured through
 * `OpenOptions.parties`.
 *
 * The stored form is `{"v":1,"k":"<key id>","iv":"<base64>","ct":"<base64 ciphertext and tag>"}`.
 * A row written before encryption was configured is plain JSON and still reads; re-encrypting
 * rewrites it (`Opened.reencryptParties`).
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto"

/**
 * A key for the parties' data: an id (stored beside each sealed value, so rotation knows which
 * key opens it) and 32 bytes.
 */
export interface PartyKey {
  readonly id: string
  readonly key: Uint8Array
}

/**
 * How the party store protects personal data at rest: `keys` seals every party under
 * `keys.current` and opens values sealed under any of `keys.previous` (rotation); `encryption:
 * "off"` stores plain JSON, and only then.
 */
export type PartyProtection =
  | { readonly keys: { readonly current: PartyKey; readonly previous?: ReadonlyArray<PartyKey> } }
  | { readonly encryption: "off" }

/** Why a protection setting is unusable, or `undefined`. */
export const protectionProblem = (p: PartyProtection | undefined): string | undefined => {
  if (p === undefined) return "party data encryption is not configured: open with parties: { keys: { current: { id, key } } } (32-byte key), or parties: { encryption: \"off\" } to store it in clear"
  if ("encryption" in p) return p.encryption === "off" ? undefined : "parties.encryption: only \"off\" may be given"
  const all = [p.keys.current, ...(p.keys.previous ?? [])]
  for (const k of all) {
    if (typeof k.id !== "string" || !/^[A-Za-z0-9._-]{1,32}$/.test(k.id)) return "parties.keys: a key id is 1 to 32 letters, digits, '.', '_' or '-'"
    if (!(k.key instanceof Uint8Array) || k.key.length !== 32) return `parties.keys: key ${k.id} must be 32 bytes (AES-256)`
  }
  if (new Set(all.map((k) => k.id)).size !== all.length) return "parties.keys: two keys share an id"
  return undefined
}

interface Envelope {
  readonly v: 1
  readonly k: string
  readonly iv: string
  readonly ct: string
}

const isEnvelope = (x: unknown): x is Envelope =>
  typeof x === "object" && x !== null && (x as Envelope).v === 1 && typeof (x as Envelope).k === "string" && typeof (x as Envelope).iv === "string" && typeof (x as Envelope).ct === "string"

const aad = (region: string, caseId: string) => Buffer.from(`fayuan/party\u0000${region}\u0000${caseId}`, "utf8")

/** The stored form of a party's JSON: sealed under the current key, or as is when encryption is off. */
export const seal = (p: PartyProtection, region: string, caseId: string, json: string): string => {
  if ("encryption" in p) return json
  const { id, key } = p.keys.current
  const iv = randomBytes(12)
  const cipher = createCipheriv("aes-256-gcm", key, iv)
  cipher.setAAD(aad(region, caseId))
  const ct = Buffer.concat([cipher.update(json, "utf8"), cipher.final(), cipher.getAuthTag()])
  return JSON.stringify({ v: 1, k: id, iv: iv.toString("base64"), ct: ct.toString("base64") } satisfies Envelope)
}

/** What a stored value holds: the party's JSON, or why it cannot be read (never its content). */
export type Opening = { readonly json: string; readonly keyId: string | undefined } | { readonly problem: string }

/** Opens a stored value: a sealed one with its key (current or previous), a plain one as is. */
export const open = (p: PartyProtection, region: string, caseId: string, stored: string): Opening => {
  let parsed: unknown
  try {
    parsed = JSON.parse(stored)
  } catch {
    return { json: stored, keyId: undefined } // not JSON: the decoder reports it as corrupt
  }
  if (!isEnvelope(parsed)) return { json: stored, keyId: undefined }
  if ("encryption" in p) return { problem: "the party is encrypted and this adapter was opened without its keys" }
  const key = [p.keys.current, ...(p.keys.previous ?? [])].find((k) => k.id === parsed.k)
  if (key === undefined) return { problem: `the party is sealed under key ${parsed.k}, which this adapter was not given` }
  try {
    const raw = Buffer.from(parsed.ct, "base64")
    const decipher = createDecipheriv("aes-256-gcm", key.key, Buffer.from(parsed.iv, "base64"))
    decipher.setAAD(aad(region, caseId))
    decipher.setAuthTag(raw.subarray(raw.length - 16))
    const json = Buffer.concat([decipher.update(raw.subarray(0, raw.length - 16)), decipher.final()]).toString("utf8")
    return { json, keyId: parsed.k }
  } catch {
    return { problem: "the sealed party does not open (tampered, or sealed for another row)" }
  }
}

/** Whether a stored value needs rewriting under the current key. */
export const isStale = (p: PartyProtection, opened: Opening): boolean =>
  "json" in opened && !("encryption" in p) && opened.keyId !== p.keys.current.id
