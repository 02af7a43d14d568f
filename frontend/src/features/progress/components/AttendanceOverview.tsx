import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ATTENDANCE_STATUSES, HALF_DAYS, type AttendanceStatus } from "../../../api/enums";
import { BarChart } from "../../../components/BarChart";
import { TableRegion } from "../../../components/DataTable";
import { SelectField } from "../../../components/Fields";
import { EmptyState, ErrorMessage, Loading } from "../../../components/StatusMessage";
import { useFormat } from "../../../components/useFormat";
import { todayIso } from "../../../i18n/format";
import { useAttendance, usePlacements, useWorkFloor, type Placement } from "../api";
import { halfDayGrid, hoursAxis, lastMondays, weeklyTotals } from "../attendance";

const GRID_WEEKS = 4;
const CHART_WEEKS = 8;

function Mark({ status, halfDay }: { status: AttendanceStatus | null; halfDay: "am" | "pm" }) {
  const { t } = useTranslation();
  const full = `${t(`halfDay.${halfDay}`)}: ${status ? t(`attendanceStatus.${status}`) : t("common.notFilledIn")}`;
  return (
    <span className={`mark mark--${status ?? "none"}`} title={full}>
      <span aria-hidden="true">{t(`attendanceShort.${status ?? "none"}`)}</span>
      <span className="visually-hidden">{full}</span>
    </span>
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <dl className="legend" aria-label={t("attendance.legend")}>
      {ATTENDANCE_STATUSES.map((status) => (
        <div key={status} className="legend__item">
          <dt>
            <span className={`mark mark--${status}`} aria-hidden="true">
              {t(`attendanceShort.${status}`)}
            </span>
          </dt>
          <dd>{t(`attendanceStatus.${status}`)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Active or most recent placement first (the API sorts newest first). */
function defaultPlacement(placements: readonly Placement[], today: string): Placement | undefined {
  return placements.find((p) => p.start_date <= today && (p.end_date === null || p.end_date >= today)) ?? placements[0];
}

function PlacementAttendance({ placement }: { placement: Placement }) {
  const { t } = useTranslation();
  const format = useFormat();
  const floor = useWorkFloor(placement.work_floor_id);
  const [asTable, setAsTable] = useState(false);
  const today = todayIso();
  const mondays = lastMondays(today, CHART_WEEKS);
  const from = mondays[0] ?? today;
  const attendance = useAttendance(placement.id, from, today);

  const rows = attendance.data?.items ?? [];
  const totals = weeklyTotals(rows, mondays);
  const grid = halfDayGrid(rows, mondays.slice(-GRID_WEEKS)).reverse();
  const axis = hoursAxis([...totals.map((week) => week.hours), placement.planned_hours_per_week]);
  const hours = (value: number) => format.number(value, 2);

  return (
    <>
      <p className="lead">
        {t("attendance.placement", { floor: floor.data?.name ?? "…" })}
        {" · "}
        {t("attendance.planned", {
          hours: hours(placement.planned_hours_per_week),
          halfDays: placement.planned_half_days_per_week,
        })}
      </p>
      {attendance.isPending ? (
        <Loading>{t("attendance.loading")}</Loading>
      ) : attendance.isError ? (
        <ErrorMessage title={t("attendance.error")} error={attendance.error} onRetry={() => void attendance.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState>{t("attendance.empty")}</EmptyState>
      ) : (
        <div className="attendance">
          <section aria-labelledby="halfdays-heading" className="attendance__grid">
            <h3 id="halfdays-heading">{t("attendance.weeksHeading", { count: GRID_WEEKS })}</h3>
            <Legend />
            <TableRegion caption={t("attendance.weeksHeading", { count: GRID_WEEKS })}>
              <thead>
                <tr>
                  <th scope="col">{t("attendance.week")}</th>
                  {(grid[0]?.days ?? []).map((day) => (
                    <th scope="col" key={day.date} className="table__center">
                      {format.date(day.date, "weekdayOnly")}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {grid.map((week) => (
                  <tr key={week.monday}>
                    <th scope="row" className="table__nowrap">
                      {t("attendance.weekOf", { date: format.date(week.monday, "dayMonth") })}
                    </th>
                    {week.days.map((day) => (
                      <td key={day.date} className="table__center">
                        <span className="visually-hidden">{format.date(day.date, "weekday")}: </span>
                        <span className="marks">
                          {HALF_DAYS.map((halfDay) => (
                            <Mark key={halfDay} status={day[halfDay]} halfDay={halfDay} />
                          ))}
                        </span>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </TableRegion>
          </section>
          <section aria-labelledby="hours-heading" className="attendance__chart">
            <div className="section-head">
              <h3 id="hours-heading">{t("attendance.chartHeading")}</h3>
              <button type="button" className="button button--secondary" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
                {asTable ? t("attendance.showChart") : t("attendance.showTable")}
              </button>
            </div>
            {asTable ? (
              <TableRegion caption={t("attendance.chartHeading")}>
                <thead>
                  <tr>
                    <th scope="col">{t("attendance.week")}</th>
                    <th scope="col" className="table__number">
                      {t("attendance.hours")}
                    </th>
                    <th scope="col" className="table__number">
                      {t("attendance.presentHalfDays")}
                    </th>
                    <th scope="col" className="table__number">
                      {t("attendance.absences")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[...totals].reverse().map((week) => (
                    <tr key={week.monday}>
                      <th scope="row" className="table__nowrap">
                        {t("attendance.weekOf", { date: format.date(week.monday, "dayMonth") })}
                      </th>
                      <td className="table__number">{hours(week.hours)}</td>
                      <td className="table__number">{week.present}</td>
                      <td className="table__number">{week.absent}</td>
                    </tr>
                  ))}
                </tbody>
              </TableRegion>
            ) : (
              <BarChart
                title={t("attendance.chartHeading")}
                description={t("attendance.chartDescription", {
                  count: CHART_WEEKS,
                  hours: hours(placement.planned_hours_per_week),
                })}
                bars={totals.map((week) => ({
                  key: week.monday,
                  label: format.date(week.monday, "dayMonth"),
                  value: week.hours,
                  description: t("attendance.chartBar", { date: format.date(week.monday, "dayMonth"), hours: hours(week.hours) }),
                }))}
                ticks={axis.ticks}
                max={axis.max}
                target={placement.planned_hours_per_week}
                formatValue={hours}
              />
            )}
          </section>
        </div>
      )}
    </>
  );
}

/** The dossier's attendance tab: half-days of the last weeks and hours per week. */
export function AttendanceOverview({ trajectoryId }: { trajectoryId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const placements = usePlacements(trajectoryId);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const today = todayIso();

  if (placements.isPending) return <Loading>{t("attendance.loading")}</Loading>;
  if (placements.isError) {
    return <ErrorMessage title={t("attendance.placementsError")} error={placements.error} onRetry={() => void placements.refetch()} />;
  }
  const items = placements.data.items;
  if (items.length === 0) return <EmptyState>{t("attendance.noPlacement")}</EmptyState>;
  const placement = items.find((item) => item.id === chosenId) ?? defaultPlacement(items, today);
  if (!placement) return null;

  return (
    <section aria-labelledby="attendance-heading">
      <h2 id="attendance-heading" className="visually-hidden">
        {t("attendance.heading")}
      </h2>
      {items.length > 1 && (
        <div className="narrow-field">
          <SelectField label={t("attendance.choosePlacement")} value={placement.id} onChange={(event) => setChosenId(event.target.value)}>
            {items.map((item) => (
              <option key={item.id} value={item.id}>
                {item.end_date
                  ? t("common.period", { from: format.date(item.start_date), to: format.date(item.end_date) })
                  : t("common.periodOpen", { from: format.date(item.start_date) })}
              </option>
            ))}
          </SelectField>
        </div>
      )}
      <PlacementAttendance key={placement.id} placement={placement} />
    </section>
  );
}
