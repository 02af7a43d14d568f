import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";

import { SelectField } from "../components/Fields";
import { PageHeading } from "../components/PageHeading";
import { EmptyState, ErrorMessage, Loading } from "../components/StatusMessage";
import { useFormat } from "../components/useFormat";
import { useUpdateSearchParams, withParam } from "../components/useUpdateSearchParams";
import { DayFirstDateInput } from "../forms/DayFirstDateInput";
import { parseIsoDate, todayIso } from "../i18n/format";
import { useFloorDay, useOrganisationFloors } from "../features/workfloor/api";
import { FloorDayForm } from "../features/workfloor/components/FloorDayForm";
import { useCurrentUser } from "./currentUser";

const FLOOR_PARAM = "vloer";
const DAY_PARAM = "dag";
// Only the last chosen floor is remembered: a preference, not personal data.
const FLOOR_KEY = "werkpad.workFloor";

function rememberedFloor(): string | null {
  try {
    return window.localStorage.getItem(FLOOR_KEY);
  } catch {
    return null;
  }
}

function rememberFloor(id: string): void {
  try {
    window.localStorage.setItem(FLOOR_KEY, id);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

/** A day from the URL: a real date, not in the future; else today. */
function chosenDay(value: string | null, today: string): string {
  return value && parseIsoDate(value) && value <= today ? value : today;
}

export function FloorDayPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useCurrentUser();
  const [params] = useSearchParams();
  const updateParams = useUpdateSearchParams();
  const floors = useOrganisationFloors(me.organisation.id);
  const today = todayIso();
  const day = chosenDay(params.get(DAY_PARAM), today);

  const active = floors.data?.items.filter((floor) => floor.is_active) ?? [];
  const wanted = params.get(FLOOR_PARAM) ?? rememberedFloor();
  const floor = active.find((candidate) => candidate.id === wanted) ?? active[0] ?? null;
  const list = useFloorDay(floor?.id ?? null, day);

  const update = (name: string, value: string | null) => updateParams((current) => withParam(current, name, value));

  return (
    <div className="page floor-page">
      <PageHeading title={t("floor.title")}>{t("floor.title")}</PageHeading>
      <p className="lead">{t("floor.intro")}</p>
      {floors.isPending ? (
        <Loading>{t("floor.loading")}</Loading>
      ) : floors.isError ? (
        <ErrorMessage title={t("floor.floorsError")} error={floors.error} onRetry={() => void floors.refetch()} />
      ) : floor === null ? (
        <EmptyState>{t("floor.noFloors")}</EmptyState>
      ) : (
        <>
          <div className="toolbar toolbar--inline">
            {active.length > 1 ? (
              <SelectField
                label={t("floor.floor")}
                value={floor.id}
                onChange={(event) => {
                  rememberFloor(event.target.value);
                  update(FLOOR_PARAM, event.target.value);
                }}
              >
                {active.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.name}
                  </option>
                ))}
              </SelectField>
            ) : (
              <p className="toolbar__fact">
                <span className="field__label">{t("floor.floor")}</span>
                <span>{floor.name}</span>
              </p>
            )}
            <DayFirstDateInput
              label={t("floor.day")}
              value={day}
              error={day > today ? t("form.validation.dateInFuture") : undefined}
              onChange={(iso) => {
                // Only a whole, real date changes the list; half-typed ones stay in the field.
                if (iso !== "") update(DAY_PARAM, iso === today ? null : iso);
              }}
            />
          </div>
          <h2 className="floor-page__day">
            {floor.name} · {format.date(day, "weekday")}
            {day === today && <span className="tag tag--today">{t("floor.today")}</span>}
          </h2>
          {list.isPending ? (
            <Loading>{t("floor.loading")}</Loading>
          ) : list.isError ? (
            <ErrorMessage title={t("floor.error")} error={list.error} onRetry={() => void list.refetch()} />
          ) : list.data.items.length === 0 ? (
            <EmptyState>{t("floor.empty")}</EmptyState>
          ) : (
            <FloorDayForm key={`${floor.id}:${day}`} day={list.data} floorName={floor.name} />
          )}
        </>
      )}
    </div>
  );
}
