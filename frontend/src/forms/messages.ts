// Validation messages travel through zod and react-hook-form as text. Ours are i18n keys with
// their values ("form.validation.tooLong|max=1000"), translated when shown, so a language switch
// re-translates messages already on screen. Any other text (a server's message) is shown as is.

import type nl from "../i18n/nl.json";

export type ValidationCode = keyof (typeof nl)["form"]["validation"];
export type ValidationKey = `form.validation.${ValidationCode}`;

const PREFIX = "form.validation.";

export type MessageValues = Record<string, string | number>;

export function encodeMessage(code: ValidationCode, values: MessageValues = {}): string {
  const params = new URLSearchParams(Object.entries(values).map(([name, value]) => [name, String(value)]));
  const query = params.toString();
  return query ? `${PREFIX}${code}|${query}` : `${PREFIX}${code}`;
}

export interface DecodedMessage {
  key: ValidationKey;
  values: Record<string, string>;
}

export function decodeMessage(text: string): DecodedMessage | null {
  if (!text.startsWith(PREFIX)) return null;
  const [key = "", query = ""] = text.split("|", 2);
  return { key: key as ValidationKey, values: Object.fromEntries(new URLSearchParams(query)) };
}

/** For zod: `{ error: "…" }` with one of our messages. */
export const invalid = (code: ValidationCode, values?: MessageValues) => ({ error: encodeMessage(code, values) });
