import { useId, type ReactNode } from "react";
import { useController, type Control, type FieldValues, type Path } from "react-hook-form";

export interface ChoiceOption<V extends string = string> {
  value: V;
  label: string;
  /** A plain-language line under the label (e.g. who will read a note). */
  hint?: string | undefined;
  /** Something to show with the label, e.g. a badge. */
  marker?: ReactNode;
}

interface ChoiceGroupProps<T extends FieldValues, O> {
  control: Control<T, unknown, O>;
  name: Path<T>;
  legend: string;
  options: readonly ChoiceOption[];
  error?: string | undefined;
  hint?: string | undefined;
  /** Side by side (short labels such as scores) instead of one under the other. */
  inline?: boolean;
}

interface RadioGroupProps<T extends FieldValues, O> extends ChoiceGroupProps<T, O> {
  /** Compact buttons in a row, each a 48 px touch target (like the floor day's marks). */
  toggles?: boolean;
}

function GroupFrame({
  legend,
  hint,
  error,
  inline,
  toggles,
  children,
}: {
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  inline?: boolean | undefined;
  toggles?: boolean | undefined;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset
      className={`choice-group${inline ? " choice-group--inline" : ""}${error ? " choice-group--invalid" : ""}`}
      aria-describedby={describedBy}
    >
      <legend className="field__label">{legend}</legend>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
      <div className={toggles ? "toggle-group" : "choice-group__options"}>{children(describedBy)}</div>
    </fieldset>
  );
}

/** One choice out of a few, each with its own hint; nothing pre-selected unless the form says so. */
export function RadioGroupField<T extends FieldValues, O>({ control, name, legend, options, error, hint, inline, toggles = false }: RadioGroupProps<T, O>) {
  const id = useId();
  const { field } = useController({ control, name });
  return (
    <GroupFrame legend={legend} hint={hint} error={error} inline={inline} toggles={toggles}>
      {() =>
        options.map((option, index) => {
          const optionId = `${id}-${option.value}`;
          return (
            <div key={option.value} className={toggles ? "toggle" : "choice"}>
              <input
                ref={index === 0 ? field.ref : undefined}
                id={optionId}
                type="radio"
                name={field.name}
                value={option.value}
                checked={field.value === option.value}
                onChange={() => field.onChange(option.value)}
                onBlur={field.onBlur}
              />
              <label htmlFor={optionId}>
                <span className="choice__label">
                  {option.label}
                  {option.marker}
                </span>
                {/* Toggles are compact: the hint is read with the label, the legend above explains the scale. */}
                {option.hint && <span className={toggles ? "visually-hidden" : "choice__hint"}>{` ${option.hint}`}</span>}
              </label>
            </div>
          );
        })
      }
    </GroupFrame>
  );
}

/** Several choices (e.g. target groups); the value is the list of checked values. */
export function CheckboxGroupField<T extends FieldValues, O>({ control, name, legend, options, error, hint, inline }: ChoiceGroupProps<T, O>) {
  const id = useId();
  const { field } = useController({ control, name });
  const checked: readonly string[] = Array.isArray(field.value) ? (field.value as string[]) : [];
  return (
    <GroupFrame legend={legend} hint={hint} error={error} inline={inline}>
      {() =>
        options.map((option, index) => {
          const optionId = `${id}-${option.value}`;
          return (
            <div key={option.value} className="choice choice--check">
              <input
                ref={index === 0 ? field.ref : undefined}
                id={optionId}
                type="checkbox"
                name={field.name}
                value={option.value}
                checked={checked.includes(option.value)}
                onChange={(event) =>
                  field.onChange(
                    event.target.checked ? [...checked, option.value] : checked.filter((value) => value !== option.value),
                  )
                }
                onBlur={field.onBlur}
              />
              <label htmlFor={optionId}>
                <span className="choice__label">{option.label}</span>
                {option.hint && <span className="choice__hint">{option.hint}</span>}
              </label>
            </div>
          );
        })
      }
    </GroupFrame>
  );
}
