/**
 * `fayuan/adapters/http`: the library as an HTTP service, for hosts that are not Node — a Java or
 * .NET back office, a Vue or React page. Built with `effect/http-api` (the OpenAPI 3.1 document at
 * `GET /openapi.json` comes from the same Schemas the library decodes with) and served by
 * `@effect/platform-node`; every request but `/health` and `/openapi.json` carries a bearer JWT the
 * host signed, verified with `jose`. Needs the optional peer dependencies `@effect/platform-node`
 * and `jose`. `npx fayuan serve --db <file | postgres url> --port N` runs it.
 *
 * @since 0.2.0
 */
export { Authorization, CurrentActor, FayuanApi, Unauthenticated } from "./api.ts"
export { bearerOf, InvalidToken, makeTokenCache, TokenVerificationUnavailable, verifyActor } from "./auth.ts"
export type { TokenCache, TokenVerification } from "./auth.ts"
export { handlersLayer } from "./handlers.ts"
export { jsonResponse, problemResponse } from "./answers.ts"
export { issuerRoles, routeRoles } from "./access.ts"
export { defaultMaxBodyBytes, versionOf } from "./requests.ts"
export type { ServiceOptions } from "./handlers.ts"
export { problemBase, problemOf, ProblemSchema, safePath, statusOf, statusOfTag } from "./problem.ts"
export type { Problem, ProblemIssue } from "./problem.ts"
export { httpLayer, routeOf, routesLayer, serve } from "./serve.ts"
export type { AccessLogLine, HttpOptions, Server } from "./serve.ts"
