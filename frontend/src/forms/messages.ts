// Validation messages travel through zod and react-hook-form as text. Ours are i18n keys with
// their values ("form.validation.tooLong|max=1000"), translated when shown, so a language switch
// re-translates messages already on screen. A server's field error travels the same way, keyed
// by its code ("serverErrors.too_long|max=200") and carrying the server's English message, shown
// only when the code is one this SPA does not know yet. Any other text is shown as is.

import type { FieldProblem } from "../api/problem";
import type nl from "../i18n/nl.json";

export type ValidationCode = keyof (typeof nl)["form"]["validation"];
export type ValidationKey = `form.validation.${ValidationCode}`;
export type ServerErrorCode = keyof (typeof nl)["serverErrors"];
export type ServerErrorKey = `serverErrors.${ServerErrorCode}`;

const PREFIX = "form.validation.";
const SERVER_PREFIX = "serverErrors.";
/** The value name under which a server message keeps its English text (codes are snake_case). */
const FALLBACK = "_message";
const CODE = /^[a-z][a-z0-9_]*$/;

export type MessageValues = Record<string, string | number>;

function withValues(key: string, values: Record<string, string>): string {
  const query = new URLSearchParams(Object.entries(values)).toString();
  return query ? `${key}|${query}` : key;
}

export function encodeMessage(code: ValidationCode, values: MessageValues = {}): string {
  return withValues(
    `${PREFIX}${code}`,
    Object.fromEntries(Object.entries(values).map(([name, value]) => [name, String(value)])),
  );
}

/** A server's field error as a form message: its code and params, and its message to fall back on. */
export function encodeServerError(error: FieldProblem): string {
  const { code } = error;
  if (code === undefined || !CODE.test(code)) return error.message;
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(error.params ?? {})) {
    if (name !== FALLBACK) values[name] = String(value);
  }
  values[FALLBACK] = error.message;
  return withValues(`${SERVER_PREFIX}${code}`, values);
}

export type DecodedMessage =
  | { source: "form"; key: ValidationKey; values: Record<string, string> }
  | { source: "server"; key: ServerErrorKey; values: Record<string, string>; fallback: string };

export function decodeMessage(text: string): DecodedMessage | null {
  const server = text.startsWith(SERVER_PREFIX);
  if (!server && !text.startsWith(PREFIX)) return null;
  const separator = text.indexOf("|");
  const key = separator === -1 ? text : text.slice(0, separator);
  const values = Object.fromEntries(new URLSearchParams(separator === -1 ? "" : text.slice(separator + 1)));
  if (!server) return { source: "form", key: key as ValidationKey, values };
  const { [FALLBACK]: fallback = "", ...params } = values;
  return { source: "server", key: key as ServerErrorKey, values: params, fallback };
}

/** For zod: `{ error: "…" }` with one of our messages. */
export const invalid = (code: ValidationCode, values?: MessageValues) => ({ error: encodeMessage(code, values) });
