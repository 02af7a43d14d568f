// The login form's share of a 422: the same path as every other form (forms/messages.ts), so a
// server's field error keeps its code and useMessageText puts it into words in either language.

import { mapFieldErrors, type Problem } from "../../api/problem";
import { encodeServerError } from "../../forms/messages";

export type LoginField = "email" | "password";

// The API calls the e-mail field "username" (OAuth2 password form).
const SERVER_FIELDS: Readonly<Record<string, LoginField>> = { username: "email", password: "password" };

export interface LoginFieldError {
  field: LoginField;
  /** A form message (forms/messages.ts): useMessageText turns it into words. */
  message: string;
}

/** The problem's errors about the login form's own fields, under the form's names. */
export function loginFieldErrors(problem: Problem | null): LoginFieldError[] {
  const mapped = mapFieldErrors(problem, Object.keys(SERVER_FIELDS), encodeServerError);
  return Object.entries(mapped.fields).flatMap(([name, message]) => {
    const field = SERVER_FIELDS[name];
    return field ? [{ field, message }] : [];
  });
}
