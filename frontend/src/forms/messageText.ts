// How a form message becomes words: our own validation keys, a server's field error by its code
// (`serverErrors.<code>` with its params), or any other text as is. Pure, so it is unit-tested
// with a real i18next instance; forms reach it through useMessageText (useApiForm.ts).

import type { TFunction } from "i18next";

import { decodeMessage } from "./messages";

export interface MessageFormat {
  date: (iso: string, style: "long") => string;
  number: (value: number, maxFraction: number) => string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

export interface MessageTranslator {
  t: TFunction;
  exists: (key: string) => boolean;
}

export function messageText(text: string | undefined, i18n: MessageTranslator, format: MessageFormat): string | undefined {
  if (text === undefined || text === "") return undefined;
  const decoded = decodeMessage(text);
  if (!decoded) return text;
  if (decoded.source === "server") {
    // A code this SPA does not know yet: the server's own (English) words.
    if (!i18n.exists(decoded.key)) return decoded.fallback || text;
    // Params are plain values: a day is written as a day, a number as a number.
    const shown = (value: string | undefined): string => {
      if (value === undefined) return "";
      if (ISO_DAY.test(value)) return format.date(value, "long");
      return NUMBER.test(value) ? format.number(Number(value), 2) : value;
    };
    // The params the `serverErrors` texts interpolate; a code's other params are for API users.
    const { max, min, limit, date, values, allowed, capacity, months, years } = decoded.values;
    return i18n.t(decoded.key, {
      max: shown(max),
      min: shown(min),
      limit: shown(limit),
      date: shown(date),
      values: shown(values),
      allowed: shown(allowed),
      capacity: shown(capacity),
      months: shown(months),
      years: shown(years),
    });
  }
  const { date, min, max } = decoded.values;
  return i18n.t(decoded.key, {
    date: date === undefined ? "" : format.date(date, "long"),
    min: min === undefined ? "" : format.number(Number(min), 2),
    max: max === undefined ? "" : format.number(Number(max), 2),
  });
}
