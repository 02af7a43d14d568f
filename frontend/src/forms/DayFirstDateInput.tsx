import { useState, type Ref } from "react";
import { useTranslation } from "react-i18next";

import { TextField } from "../components/TextField";
import { formatDayFirstDate, parseDayFirstDate } from "./dates";

interface DayFirstDateInputProps {
  label: string;
  /** The date as the API and the URL have it ("2026-11-24"), or "" for none. */
  value: string;
  /** The typed date as "YYYY-MM-DD", or "" while the field is empty or not a real date. */
  onChange: (iso: string) => void;
  /** A message from the form's own checks (too early, in the future …). */
  error?: string | undefined;
  hint?: string | undefined;
  ref?: Ref<HTMLInputElement>;
}

/**
 * A date typed as dd/mm/jjjj for screens that keep their own state (dialogs with their own
 * checks, filters in the URL). Forms built on react-hook-form use DateField instead.
 */
export function DayFirstDateInput({ label, value, onChange, error, hint, ref }: DayFirstDateInputProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => formatDayFirstDate(value));
  const [shown, setShown] = useState(value);
  // The value changed from outside (back button, a reset): show it, unless it is what was typed.
  if (value !== shown) {
    setShown(value);
    if (value !== "" && parseDayFirstDate(text) !== value) setText(formatDayFirstDate(value));
  }
  const invalid = text.trim() !== "" && parseDayFirstDate(text) === null;
  return (
    <TextField
      ref={ref}
      label={label}
      hint={hint ? `${hint} ${t("form.dateHint")}` : t("form.dateHint")}
      value={text}
      inputMode="numeric"
      autoComplete="off"
      maxLength={10}
      className="field__input--date"
      error={invalid ? t("form.validation.date") : error}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parseDayFirstDate(event.target.value) ?? "");
      }}
    />
  );
}
