import type { Control, FieldValues, Path } from "react-hook-form";
import { useTranslation } from "react-i18next";

import { RadioGroupField } from "../../../forms/ChoiceFields";
import type { Visibility } from "../api";
import { CareMark } from "./CareMark";

interface VisibilityChoiceProps<T extends FieldValues, O> {
  control: Control<T, unknown, O>;
  name: Path<T>;
  options: readonly Visibility[];
  error?: string | undefined;
}

/** Who will read the note, chosen on purpose, each option saying in plain words who that is. */
export function VisibilityChoice<T extends FieldValues, O>({ control, name, options, error }: VisibilityChoiceProps<T, O>) {
  const { t } = useTranslation();
  return (
    <RadioGroupField
      control={control}
      name={name}
      legend={t("notes.form.visibility")}
      hint={options.length === 1 ? t("notes.form.onlyTeamHint") : t("notes.form.visibilityHint")}
      error={error}
      options={options.map((visibility) => ({
        value: visibility,
        label: t(`visibility.${visibility}`),
        hint: t(`notes.readers.${visibility}`),
        marker: visibility === "team" ? undefined : <CareMark />,
      }))}
    />
  );
}
