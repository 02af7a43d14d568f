import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import type { IndicatorGroup } from "../api";
import { drillTarget } from "../drill";
import type { ReportFormat } from "../useReportFormat";
import { DrillCount } from "./DrillCount";

function Tile({ label, value, children, tone }: { label: string; value: ReactNode; children: ReactNode; tone?: string }) {
  return (
    <li className={`kpi${tone ? ` kpi--${tone}` : ""}`}>
      <h3 className="kpi__label">{label}</h3>
      <p className="kpi__value">{value}</p>
      <div className="kpi__details">{children}</div>
    </li>
  );
}

interface KpiTilesProps {
  group: IndicatorGroup;
  format: ReportFormat;
  /** "1 dec 2025 – 24 nov 2026", added to drill-down titles. */
  periodText: string;
}

/** The four figures a manager looks at first, each with the counts behind it. */
export function KpiTiles({ group, format, periodText }: KpiTilesProps) {
  const { t } = useTranslation();
  const { flow, cohort, retention } = group;
  const drill = group.drill;
  const title = (what: string) => t("dashboard.drill.title", { what, period: periodText });
  const nOfM = (n: number, m: number) => t("dashboard.kpi.nOfM", { n: format.count(n), m: format.count(m) });
  const toPaidWork = cohort.time_to_paid_work;
  const six = retention["6"] ?? { numerator: 0, denominator: 0, value: null, unknown: 0, pending: 0 };

  return (
    <section className="kpis" aria-labelledby="kpi-heading">
      <h2 id="kpi-heading" className="visually-hidden">
        {t("dashboard.kpi.heading")}
      </h2>
      <ul className="kpi-grid">
        <Tile
          label={t("dashboard.kpi.active")}
          value={
            <DrillCount
              className="drill-count--large"
              target={drillTarget("participants_in_trajectory", drill, title(t("dashboard.kpi.active")), flow.participants_in_trajectory)}
            >
              {format.count(flow.participants_in_trajectory)}
            </DrillCount>
          }
        >
          <p>
            <DrillCount target={drillTarget("trajectories_started", drill, title(t("dashboard.what.started")), flow.trajectories_started)}>
              {format.count(flow.trajectories_started)}
            </DrillCount>{" "}
            {t("dashboard.kpi.started", { count: flow.trajectories_started })}
          </p>
          <p>
            <DrillCount target={drillTarget("exits", drill, title(t("dashboard.what.exits")), flow.exits.total)}>
              {format.count(flow.exits.total)}
            </DrillCount>{" "}
            {t("dashboard.kpi.exited", { count: flow.exits.total })}
          </p>
        </Tile>
        <Tile label={t("dashboard.kpi.doorstroom")} value={format.share(flow.doorstroom_rate.value)} tone="primary">
          <p>
            <DrillCount target={drillTarget("exits_paid", drill, title(t("dashboard.what.exitsPaid")), flow.doorstroom_rate.numerator)}>
              {nOfM(flow.doorstroom_rate.numerator, flow.doorstroom_rate.denominator)}
            </DrillCount>{" "}
            {t("dashboard.kpi.doorstroomOf")}
          </p>
          <p>
            {t("dashboard.kpi.ipsView", { share: format.share(flow.doorstroom_rate_ips.value) })}{" "}
            <DrillCount
              target={drillTarget("exits_ips_competitive", drill, title(t("dashboard.what.exitsCompetitive")), flow.doorstroom_rate_ips.numerator)}
            >
              {nOfM(flow.doorstroom_rate_ips.numerator, flow.doorstroom_rate_ips.denominator)}
            </DrillCount>
          </p>
        </Tile>
        <Tile
          label={t("dashboard.kpi.medianDays")}
          value={
            toPaidWork.median === null ? (
              <span className="kpi__value-text">{t("dashboard.kpi.notReached")}</span>
            ) : (
              t("dashboard.kpi.days", { count: Math.round(toPaidWork.median), days: format.number(toPaidWork.median, 0) })
            )
          }
        >
          <p>
            <DrillCount target={drillTarget("reached_paid_work", drill, title(t("dashboard.what.reachedPaidWork")), toPaidWork.events)}>
              {nOfM(toPaidWork.events, toPaidWork.n)}
            </DrillCount>{" "}
            {t("dashboard.kpi.foundWork")}
          </p>
          <p className="muted">
            {[
              toPaidWork.q1 === null ? null : t("dashboard.kpi.q1", { days: format.number(toPaidWork.q1, 0) }),
              toPaidWork.q3 === null ? null : t("dashboard.kpi.q3", { days: format.number(toPaidWork.q3, 0) }),
              t("dashboard.kpi.censored", { count: toPaidWork.censored }),
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
        </Tile>
        <Tile label={t("dashboard.kpi.retention6")} value={format.share(six.value)}>
          <p>
            <DrillCount target={drillTarget("retention_6_working", drill, title(t("dashboard.what.retentionWorking", { months: 6 })), six.numerator)}>
              {nOfM(six.numerator, six.denominator)}
            </DrillCount>{" "}
            {t("dashboard.kpi.knownWorking")}
          </p>
          <p>
            <DrillCount target={drillTarget("retention_6_unknown", drill, title(t("dashboard.what.retentionUnknown", { months: 6 })), six.unknown)}>
              {format.count(six.unknown)}
            </DrillCount>{" "}
            {t("dashboard.kpi.unknown")}
            {" · "}
            <DrillCount target={drillTarget("retention_6_pending", drill, title(t("dashboard.what.retentionPending", { months: 6 })), six.pending)}>
              {format.count(six.pending)}
            </DrillCount>{" "}
            {t("dashboard.kpi.pending")}
          </p>
        </Tile>
      </ul>
    </section>
  );
}
