import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { errorKind, isApiError } from "../../../api/problem";
import { TextField } from "../../../components/TextField";
import { useMessageText } from "../../../forms/useApiForm";
import { useLogin } from "../api";
import { loginFieldErrors } from "../loginErrors";
import { waitMessage } from "../throttle";

type ValidationKey =
  | "login.validation.emailRequired"
  | "login.validation.emailInvalid"
  | "login.validation.passwordRequired";

const message = (key: ValidationKey) => ({ error: key });

const loginSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, message("login.validation.emailRequired"))
    .pipe(z.email(message("login.validation.emailInvalid"))),
  password: z.string().min(1, message("login.validation.passwordRequired")),
});

type LoginValues = z.infer<typeof loginSchema>;

interface LoginFormProps {
  onSignedIn: () => void;
}

export function LoginForm({ onSignedIn }: LoginFormProps) {
  const { t } = useTranslation();
  const messageText = useMessageText();
  const login = useLogin();
  const [showPassword, setShowPassword] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<LoginValues>({
    resolver: zodResolver(loginSchema),
    defaultValues: { email: "", password: "" },
  });

  const onSubmit = handleSubmit((values) => {
    if (login.isPending) return;
    login.mutate(values, {
      onSuccess: onSignedIn,
      onError: (error) => {
        if (!isApiError(error) || error.status !== 422) return;
        for (const { field, message } of loginFieldErrors(error.problem)) {
          setError(field, { type: "server", message });
        }
      },
    });
  });

  const serverError = login.error;
  let serverMessage: string | null = null;
  if (serverError) {
    if (isApiError(serverError) && serverError.status === 401) {
      serverMessage = t("login.errors.invalidCredentials");
    } else if (isApiError(serverError) && serverError.status === 429) {
      const wait = waitMessage(serverError.retryAfterSeconds);
      serverMessage = wait.count === undefined ? t(wait.key) : t(wait.key, { count: wait.count });
    } else if (
      !(isApiError(serverError) && serverError.status === 422 && loginFieldErrors(serverError.problem).length > 0)
    ) {
      // A 422 about the fields is told next to them; any other answer (a 422 about something
      // the form does not show included) up here.
      serverMessage = t(`errors.${errorKind(serverError)}`);
    }
  }

  // Move focus to the message so keyboard and screen-reader users meet it first.
  useEffect(() => {
    if (serverMessage) alertRef.current?.focus();
  }, [serverMessage, login.submittedAt]);

  // Our own checks say it in the login's words; the server's field errors by their code.
  const fieldMessage = (text: string | undefined) =>
    text?.startsWith("login.validation.") ? t(text as ValidationKey) : messageText(text);

  return (
    <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
      {serverMessage && (
        <div className="alert alert--error" role="alert" tabIndex={-1} ref={alertRef}>
          <p className="alert__title">{t("login.errors.title")}</p>
          <p>{serverMessage}</p>
        </div>
      )}
      <TextField
        label={t("login.email")}
        type="email"
        autoComplete="username"
        inputMode="email"
        autoCapitalize="none"
        spellCheck={false}
        // The page exists to fill in this form; starting in the first field saves a tap.
        // eslint-disable-next-line jsx-a11y/no-autofocus
        autoFocus
        error={fieldMessage(errors.email?.message)}
        {...register("email")}
      />
      <TextField
        label={t("login.password")}
        type={showPassword ? "text" : "password"}
        autoComplete="current-password"
        error={fieldMessage(errors.password?.message)}
        {...register("password")}
      />
      <div className="checkbox">
        <input
          id="show-password"
          type="checkbox"
          checked={showPassword}
          onChange={(event) => setShowPassword(event.target.checked)}
        />
        <label htmlFor="show-password">{t("login.showPassword")}</label>
      </div>
      <button type="submit" className="button button--primary button--block" aria-disabled={login.isPending}>
        {login.isPending ? t("login.submitting") : t("login.submit")}
      </button>
    </form>
  );
}
