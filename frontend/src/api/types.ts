import type { components, paths } from "./schema";

type Method = "get" | "post" | "put" | "patch" | "delete";

/** The JSON body of an endpoint's 200 answer, straight from the generated schema. */
export type OkJson<P extends keyof paths, M extends Method & keyof paths[P]> = paths[P][M] extends {
  responses: { 200: { content: { "application/json": infer Body } } };
}
  ? Body
  : never;

/** The query parameters an endpoint accepts. */
export type QueryOf<P extends keyof paths, M extends Method & keyof paths[P]> = paths[P][M] extends {
  parameters: { query?: infer Query };
}
  ? NonNullable<Query>
  : never;

/** A named schema from the OpenAPI components, e.g. `Schema<"Phase">`. */
export type Schema<N extends keyof components["schemas"]> = components["schemas"][N];
