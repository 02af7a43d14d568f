import { zodResolver } from "@hookform/resolvers/zod";
import { useCallback, useState } from "react";
import { useForm, type DefaultValues, type FieldPath, type FieldValues, type Path } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { z } from "zod";

import { isApiError, mapFieldErrors, type FieldProblem } from "../api/problem";
import { useFormat } from "../components/useFormat";
import { messageText } from "./messageText";
import { encodeServerError } from "./messages";

/** Turns a form message (one of ours, a server's code, or other text) into words in the current language. */
export function useMessageText() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  return useCallback(
    (text: string | undefined): string | undefined => messageText(text, { t, exists: (key) => i18n.exists(key) }, format),
    [t, i18n, format],
  );
}

type Input = FieldValues;

interface ApiFormOptions<S extends z.ZodType<unknown, Input>> {
  schema: S;
  defaultValues: DefaultValues<z.input<S>>;
}

/**
 * react-hook-form with a zod schema, validating as you type (and when you leave a field), plus
 * the server's problem+json spread over the same fields: the form's field names are the API's.
 */
export function useApiForm<S extends z.ZodType<unknown, Input>>({ schema, defaultValues }: ApiFormOptions<S>) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    // TypeScript cannot relate a generic schema to its own input and output types; the resolver
    // is exactly Resolver<input<S>, unknown, output<S>> (see @hookform/resolvers' zod overloads).
    resolver: zodResolver<z.input<S>, unknown, z.output<S>>(schema as never),
    defaultValues,
    mode: "all",
  });
  const text = useMessageText();
  const [otherErrors, setOtherErrors] = useState<FieldProblem[]>([]);
  // Translated when shown, like the messages next to the fields.
  const otherProblems = otherErrors.map((error) => {
    const message = text(encodeServerError(error)) ?? error.message;
    return error.field ? `${error.field}: ${message}` : message;
  });
  const { errors } = form.formState;
  const { setError, setFocus, getValues } = form;

  /** The message next to a field, if any. */
  const fieldError = (name: FieldPath<z.input<S>>): string | undefined => {
    let node: unknown = errors;
    for (const part of name.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
    const message = (node as { message?: unknown } | undefined)?.message;
    return text(typeof message === "string" ? message : undefined);
  };

  /** Put a failed request's field errors next to the fields; the rest is returned for the form's alert. */
  const showServerErrors = useCallback(
    (error: unknown): void => {
      if (!isApiError(error)) {
        setOtherErrors([]);
        return;
      }
      const known = Object.keys(getValues());
      const mapped = mapFieldErrors(error.problem, known, encodeServerError);
      const names = Object.keys(mapped.fields) as Path<z.input<S>>[];
      for (const name of names) setError(name, { type: "server", message: mapped.fields[name] });
      setOtherErrors(mapped.otherErrors);
      const first = names[0];
      if (first !== undefined) setFocus(first);
    },
    [getValues, setError, setFocus],
  );

  return { form, fieldError, showServerErrors, otherProblems, clearOtherProblems: () => setOtherErrors([]) };
}
