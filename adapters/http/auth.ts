/**
 * Who is asking: a bearer token the host signed (a JWT), verified with `jose` against the key and
 * issuer the service is configured with, read as the library's `Actor` — `sub` is the actor's id,
 * `role` and `region` its role and region. Nothing a caller can set without the host's key decides
 * who they are; the library's own role and region checks then apply unchanged.
 *
 * @since 0.2.0
 */
import { Data, Result } from "effect"
import { type CryptoKey, type JWTVerifyGetKey, jwtVerify, type KeyObject } from "jose"
import { type Actor, decodeActor } from "../../src/lifecycle/Command.ts"

/**
 * How tokens are verified: the key (an HMAC secret, a public key, or a JWKS resolver from
 * `jose.createRemoteJWKSet`), the issuer that must have signed, and optionally the audience and
 * the algorithms accepted (by default those of the key).
 *
 * @category models
 */
export interface TokenVerification {
  readonly key: CryptoKey | KeyObject | Uint8Array | JWTVerifyGetKey
  readonly issuer: string
  readonly audience?: string
  readonly algorithms?: ReadonlyArray<string>
  /** Seconds of clock skew tolerated on `exp` and `nbf` (default 30). */
  readonly clockTolerance?: number
  /** The longest a token may live from its `iat` (`"12h"`, seconds); `iat` is then required. None by default. */
  readonly maxTokenAge?: string | number
  /** Where verified tokens are remembered (see `makeTokenCache`); none by default. */
  readonly cache?: TokenCache
}

/**
 * A token that does not vouch for an actor: missing, malformed, badly signed, expired, from
 * another issuer, or naming no valid actor. The reason is safe to show; the token is never echoed.
 *
 * @category errors
 */
export class InvalidToken extends Data.TaggedError("InvalidToken")<{
  readonly reason: string
  readonly issues?: ReadonlyArray<{ readonly path: string; readonly reason: string }>
}> {
  override get message(): string {
    return `the bearer token does not vouch for an actor: ${this.reason}`
  }
}

/**
 * The key set the tokens verify against could not be had (a JWKS endpoint down): a 503, not a 401.
 *
 * @category errors
 */
export class TokenVerificationUnavailable extends Data.TaggedError("TokenVerificationUnavailable")<{ readonly reason: string }> {
  override get message(): string {
    return `tokens cannot be verified now: ${this.reason}`
  }
}

/** The reasons `jose` gives, by its error code, in words that say nothing of the token. */
const joseReasons: Readonly<Record<string, string>> = {
  ERR_JWT_EXPIRED: "the token has expired",
  ERR_JWT_CLAIM_VALIDATION_FAILED: "a claim (issuer, audience, not-before or a required claim) does not hold",
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: "the signature does not verify with the configured key",
  ERR_JWS_INVALID: "the token is not a compact JWS",
  ERR_JWT_INVALID: "the token's claims are not a JSON object",
  ERR_JOSE_ALG_NOT_ALLOWED: "the token's algorithm is not accepted",
  ERR_JWKS_NO_MATCHING_KEY: "no key of the key set matches the token",
  ERR_JOSE_NOT_SUPPORTED: "the token's algorithm is not supported"
}

/**
 * The bearer token of an `Authorization` header, or why there is none.
 *
 * @category auth
 */
export const bearerOf = (header: string | undefined): Result.Result<string, InvalidToken> => {
  if (header === undefined || header === "") return Result.fail(new InvalidToken({ reason: "no Authorization header: send `Authorization: Bearer <token>`" }))
  const m = /^Bearer +([A-Za-z0-9\-_=]+\.[A-Za-z0-9\-_=]+\.[A-Za-z0-9\-_=]*)$/i.exec(header.trim())
  return m === null ? Result.fail(new InvalidToken({ reason: "the Authorization header is not `Bearer <JWT>`" })) : Result.succeed(m[1]!)
}

/**
 * Verifies a token and reads the actor it names: `sub` (id), `role`, `region`. Resolves to a
 * `Result`, never rejects.
 *
 * @example
 * import { SignJWT } from "jose"
 * import { verifyActor } from "fayuan/adapters/http"
 * const key = new TextEncoder().encode("a secret of at least thirty-two bytes!!")
 * const token = await new SignJWT({ role: "intake", region: "530103" })
 *   .setProtectedHeader({ alg: "HS256" }).setSubject("clerk-1").setIssuer("https://portal.example")
 *   .setExpirationTime("10m").sign(key)
 * const actor = await verifyActor(token, { key, issuer: "https://portal.example" })
 * // Result.succeed({ id: "clerk-1", role: "intake", region: "530103" })
 *
 * @category auth
 */
export const verifyActor = async (token: string, verification: TokenVerification): Promise<Result.Result<Actor, InvalidToken | TokenVerificationUnavailable>> => {
  let payload: Record<string, unknown>
  const now = Date.now()
  // Keyed by what it was verified against too: a cache shared by two verifications checks each.
  const cacheKey = `${verification.issuer}\u0000${verification.audience ?? ""}\u0000${token}`
  const cached = verification.cache?.get(cacheKey)
  if (cached !== undefined && cached.until > now) return Result.succeed(cached.actor)
  try {
    const verified = await jwtVerify(token, verification.key as Uint8Array, {
      issuer: verification.issuer,
      ...(verification.audience === undefined ? {} : { audience: verification.audience }),
      ...(verification.algorithms === undefined ? {} : { algorithms: [...verification.algorithms] }),
      clockTolerance: verification.clockTolerance ?? 30,
      ...(verification.maxTokenAge === undefined ? {} : { maxTokenAge: verification.maxTokenAge }),
      requiredClaims: verification.maxTokenAge === undefined ? ["sub", "exp"] : ["sub", "exp", "iat"]
    })
    payload = verified.payload as Record<string, unknown>
  } catch (error) {
    const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined
    // The key set could not be fetched: not the token's fault, and worth a retry (503).
    // (jose reports an answer that is not 200 or not JSON as ERR_JOSE_GENERIC.)
    const remote = typeof verification.key === "function"
    if (code === "ERR_JWKS_TIMEOUT" || code === "ERR_JWKS_INVALID" || (remote && (code === undefined || code === "ERR_JOSE_GENERIC"))) {
      return Result.fail(new TokenVerificationUnavailable({ reason: "the identity provider's key set could not be fetched" }))
    }
    return Result.fail(new InvalidToken({ reason: typeof code === "string" ? joseReasons[code] ?? "the token does not verify" : "the token does not verify" }))
  }
  const actor = decodeActor({ id: payload["sub"], role: payload["role"], region: payload["region"] })
  if (Result.isFailure(actor)) {
    const claim = (path: string) => (path === "id" ? "sub" : path)
    return Result.fail(new InvalidToken({ reason: "the token's claims name no valid actor", issues: actor.failure.issues.map((i) => ({ path: claim(i.path), reason: i.reason })) }))
  }
  if (verification.cache !== undefined) remember(verification.cache, cacheKey, actor.success, payload["exp"], now)
  return Result.succeed(actor.success)
}

/**
 * Verified tokens, so a session's token is verified once, not on every request: each entry lasts
 * a minute at most and never past the token's `exp`. A token is only ever found by its exact
 * text, whose signature was checked when it was stored.
 *
 * @category auth
 */
export type TokenCache = Map<string, { readonly actor: Actor; readonly until: number }>

/** An empty token cache (at most 10,000 tokens; the oldest goes first). */
export const makeTokenCache = (): TokenCache => new Map()

const cacheSize = 10_000

const remember = (cache: TokenCache, token: string, actor: Actor, exp: unknown, now: number) => {
  if (typeof exp !== "number") return
  if (cache.size >= cacheSize) cache.delete(cache.keys().next().value!)
  cache.set(token, { actor, until: Math.min(exp * 1000, now + 60_000) })
}
