import { useTranslation } from "react-i18next";
import { z } from "zod";

import { SelectField, TextAreaField } from "../../../components/Fields";
import { useFormat } from "../../../components/useFormat";
import { todayIso } from "../../../i18n/format";
import { RadioGroupField } from "../../../forms/ChoiceFields";
import { DateField } from "../../../forms/DateField";
import { formatDayFirstDate } from "../../../forms/dates";
import { FormDialog } from "../../../forms/FormDialog";
import { apiBody, optionalId, optionalText, requiredDate } from "../../../forms/schema";
import { useApiForm } from "../../../forms/useApiForm";
import { useAddProgressLog, useCompetenceItems, usePlacements, useWorkFloor, type Placement } from "../api";
import { SCORE_CHOICES, scoresForApi } from "../scores";

const schema = (today: string, earliest: string) =>
  apiBody<"ProgressLogCreate">()(
    z.object({
      logged_on: requiredDate({ notAfter: today, notBefore: earliest }),
      placement_id: optionalId(),
      text: optionalText(10000),
      // Items nobody touched are missing from the form's values: not scored, not an error.
      scores: z.record(z.string(), z.enum(["", ...SCORE_CHOICES]).optional()).transform(scoresForApi),
    }),
  );

/** "Fietsatelier, sinds 3 feb 2026": the floor's name is fetched once and cached. */
function PlacementOption({ placement }: { placement: Placement }) {
  const { t } = useTranslation();
  const format = useFormat();
  const floor = useWorkFloor(placement.work_floor_id);
  return (
    <option value={placement.id}>
      {t("progress.add.placementOption", { floor: floor.data?.name ?? "…", from: format.date(placement.start_date) })}
    </option>
  );
}

interface ProgressLogDialogProps {
  trajectoryId: string;
  /** The trajectory's first day: a report cannot be older. */
  earliest: string;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** A progress report: the day, what went well, and the work attitudes on the 4-point scale. */
export function ProgressLogDialog({ trajectoryId, earliest, onClose, onDone }: ProgressLogDialogProps) {
  const { t, i18n } = useTranslation();
  const today = todayIso();
  const add = useAddProgressLog(trajectoryId);
  const items = useCompetenceItems();
  const placements = usePlacements(trajectoryId);
  const current = (placements.data?.items ?? []).filter((placement) => placement.end_date === null || placement.end_date >= today);
  const { form, fieldError, showServerErrors, otherProblems } = useApiForm({
    schema: schema(today, earliest),
    defaultValues: { logged_on: formatDayFirstDate(today), placement_id: current.length === 1 ? (current[0]?.id ?? "") : "", text: "", scores: {} },
  });
  const english = i18n.resolvedLanguage === "en";
  const ordered = [...(items.data ?? [])].sort((a, b) => a.sort_order - b.sort_order);

  const submit = form.handleSubmit((body) => {
    if (add.isPending) return;
    add.mutate(body, { onSuccess: () => onDone(t("progress.add.saved")), onError: showServerErrors });
  });

  return (
    <FormDialog
      title={t("progress.add.title")}
      onClose={onClose}
      onSubmit={(event) => void submit(event)}
      pending={add.isPending}
      submitLabel={t("progress.add.submit")}
      pendingLabel={t("progress.add.submitting")}
      error={add.error}
      errorTitle={t("progress.add.error")}
      otherProblems={otherProblems}
      dirty={form.formState.isDirty}
      wide
    >
      <div className="form-grid">
        <DateField control={form.control} name="logged_on" label={t("progress.add.date")} error={fieldError("logged_on")} />
        {(placements.data?.items.length ?? 0) > 0 && (
          <SelectField label={t("progress.add.placement")} error={fieldError("placement_id")} {...form.register("placement_id")}>
            <option value="">{t("progress.add.noPlacement")}</option>
            {placements.data?.items.map((placement) => (
              <PlacementOption key={placement.id} placement={placement} />
            ))}
          </SelectField>
        )}
      </div>
      <TextAreaField label={t("progress.add.text")} rows={4} error={fieldError("text")} {...form.register("text")} />
      <section className="score-form" aria-labelledby="score-form-heading">
        <h3 id="score-form-heading">{t("progress.scores")}</h3>
        <p className="field__hint">{t("progress.add.scaleHint")}</p>
        {ordered.map((item) => (
          <RadioGroupField
            key={item.code}
            control={form.control}
            name={`scores.${item.code}`}
            legend={english ? item.name_en : item.name_nl}
            toggles
            error={fieldError(`scores.${item.code}`)}
            options={SCORE_CHOICES.map((choice) =>
              choice === "x" ? { value: choice, label: t("score.none") } : { value: choice, label: choice, hint: t(`score.${choice}`) },
            )}
          />
        ))}
      </section>
    </FormDialog>
  );
}
