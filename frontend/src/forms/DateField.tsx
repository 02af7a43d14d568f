import { useId } from "react";
import { useController, type Control, type FieldValues, type Path } from "react-hook-form";
import { useTranslation } from "react-i18next";

import { useFormat } from "../components/useFormat";
import { parseDayFirstDate } from "./dates";

interface DateFieldProps<T extends FieldValues, O> {
  control: Control<T, unknown, O>;
  name: Path<T>;
  label: string;
  error?: string | undefined;
  /** Said before the format hint, e.g. "Leeg laten als er nog geen einddatum is." */
  hint?: string | undefined;
}

/**
 * A date typed as dd/mm/jjjj (nl-BE order in every browser). Underneath, the date is repeated in
 * words ("dinsdag 24 november 2026") so a typo in day or month shows before saving.
 */
export function DateField<T extends FieldValues, O>({ control, name, label, error, hint }: DateFieldProps<T, O>) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const {
    field: { ref, name: inputName, value, onChange, onBlur },
  } = useController({ control, name });
  const text = typeof value === "string" ? value : "";
  const iso = parseDayFirstDate(text);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const echoId = `${id}-echo`;
  const describedBy = [hintId, error ? errorId : null, iso ? echoId : null].filter(Boolean).join(" ");
  return (
    <div className={`field field--date${error ? " field--invalid" : ""}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <p className="field__hint" id={hintId}>
        {hint ? `${hint} ` : ""}
        {t("form.dateHint")}
      </p>
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
      <input
        id={id}
        ref={ref}
        name={inputName}
        value={text}
        onChange={onChange}
        onBlur={onBlur}
        className="field__input field__input--date"
        inputMode="numeric"
        autoComplete="off"
        maxLength={10}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {iso && !error && (
        <p className="field__echo" id={echoId}>
          {format.date(iso, "weekday")}
        </p>
      )}
    </div>
  );
}
