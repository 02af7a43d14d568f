// The 412 flow: someone saved the record after this form was opened. Nothing typed is thrown
// away; the person sees, field by field, what they changed and what is stored now, and can apply
// their changes again on top of the new version.

export type Values<F extends string> = Readonly<Record<F, unknown>>;

/** `mine`: only you changed it; `theirs`: only the other person did; `both`: you both did, differently. */
export type ChangeKind = "mine" | "theirs" | "both";

export interface StaleRow<F extends string> {
  field: F;
  kind: ChangeKind;
  /** What the form holds now. */
  mine: unknown;
  /** What is stored now. */
  server: unknown;
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    // Rows such as a partnership's members are objects: compare them by content, not as "[object Object]".
    const text = (item: unknown) => (typeof item === "object" && item !== null ? JSON.stringify(item) : String(item));
    const key = (list: readonly unknown[]) => list.map(text).sort().join("\u0000");
    return a.length === b.length && key(a as unknown[]) === key(b as unknown[]);
  }
  return Object.is(a, b);
}

/** The fields this person changed since the form was opened. */
export function changedFields<F extends string>(fields: readonly F[], base: Values<F>, draft: Values<F>): F[] {
  return fields.filter((field) => !same(draft[field], base[field]));
}

/**
 * What differs between the version the form was opened on (`base`), the form (`draft`) and the
 * stored record (`server`). Fields both changed to the same value are not a difference.
 */
export function staleChanges<F extends string>(fields: readonly F[], base: Values<F>, draft: Values<F>, server: Values<F>): StaleRow<F>[] {
  const rows: StaleRow<F>[] = [];
  for (const field of fields) {
    const mineChanged = !same(draft[field], base[field]);
    const theirsChanged = !same(server[field], base[field]);
    if (!mineChanged && !theirsChanged) continue;
    if (mineChanged && theirsChanged && same(draft[field], server[field])) continue;
    const kind: ChangeKind = mineChanged && theirsChanged ? "both" : mineChanged ? "mine" : "theirs";
    rows.push({ field, kind, mine: draft[field], server: server[field] });
  }
  return rows;
}

/**
 * The form after a 412: what this person changed stays as typed; every other field takes the
 * stored value, so what they see is what "apply again" will save.
 */
export function rebase<F extends string, V extends Values<F>>(fields: readonly F[], base: V, draft: V, server: V): V {
  const next: Record<string, unknown> = { ...draft };
  for (const field of fields) {
    if (same(draft[field], base[field])) next[field] = server[field];
  }
  return next as V;
}

/** `If-Match` takes the version as an entity tag: "3" with the quotes. */
export function ifMatch(version: number): { "if-match": string } {
  return { "if-match": `"${version}"` };
}
