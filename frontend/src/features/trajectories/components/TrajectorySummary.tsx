import { useState } from "react";
import { useTranslation } from "react-i18next";

import { PhaseBadge, StatusBadge, WarningBadge } from "../../../components/Badges";
import { useFormat } from "../../../components/useFormat";
import { useFrameworkName, usePhaseChanges, type Trajectory } from "../api";
import { PauseDialog } from "./PauseDialog";
import { PhaseChangeDialog } from "./PhaseChangeDialog";
import { PhaseStepper } from "./PhaseStepper";
import { ResumeDialog } from "./ResumeDialog";
import { StartDialog } from "./StartDialog";

type OpenDialog = "start" | "phase" | "pause" | "resume" | null;

interface TrajectorySummaryProps {
  trajectory: Trajectory;
  participantName: string;
  /** The user's role may start, change phases and pause (trajectories:manage). */
  canManage: boolean;
}

/** Framework, status, phase with its history, warnings, and the actions on the trajectory. */
export function TrajectorySummary({ trajectory, participantName, canManage }: TrajectorySummaryProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const frameworkName = useFrameworkName();
  const history = usePhaseChanges(trajectory.id);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [done, setDone] = useState<string | null>(null);

  const finish = (message: string) => {
    setDialog(null);
    setDone(message);
  };
  const open = (which: Exclude<OpenDialog, null>) => {
    setDone(null);
    setDialog(which);
  };

  const closed = trajectory.status === "closed";
  return (
    <section className="card dossier__trajectory" aria-labelledby="trajectory-heading">
      <div className="dossier__trajectory-head">
        <h2 id="trajectory-heading">
          {t("dossier.trajectory")}: {frameworkName(trajectory.framework_code)}
        </h2>
        {canManage && !closed && (
          <div className="dossier__actions" role="group" aria-label={t("dossier.actions")}>
            {/* On the waiting list: the intake is done when the trajectory starts. */}
            {trajectory.status === "referred" && (
              <button type="button" className="button button--primary" onClick={() => open("start")}>
                {t("startDialog.open")}
              </button>
            )}
            {/* Outflow is the last phase: a return opens a new trajectory, not a move. */}
            {trajectory.status === "active" && trajectory.phase !== "outflow" && (
              <>
                <button type="button" className="button button--primary" onClick={() => open("phase")}>
                  {t("phaseDialog.open")}
                </button>
                <button type="button" className="button button--secondary" onClick={() => open("pause")}>
                  {t("pauseDialog.open")}
                </button>
              </>
            )}
            {trajectory.status === "paused" && (
              <button type="button" className="button button--primary" onClick={() => open("resume")}>
                {t("resumeDialog.open")}
              </button>
            )}
          </div>
        )}
      </div>
      <div role="status">{done && <p className="alert alert--success">{done}</p>}</div>
      <dl className="facts">
        <div>
          <dt>{t("dossier.phase")}</dt>
          <dd>
            <PhaseBadge phase={trajectory.phase} />
            <span className="facts__sub">{t("dossier.daysInPhase", { count: trajectory.days_in_phase })}</span>
          </dd>
        </div>
        <div>
          <dt>{t("dossier.status")}</dt>
          <dd>
            <StatusBadge status={trajectory.status} />
          </dd>
        </div>
        <div>
          <dt>{t("dossier.startedOn")}</dt>
          <dd>{trajectory.started_on ? format.date(trajectory.started_on, "long") : t("dossier.notStarted")}</dd>
        </div>
        <div>
          <dt>{t("dossier.referredOn")}</dt>
          <dd>{format.date(trajectory.referred_on, "long")}</dd>
        </div>
        {trajectory.closed_on && (
          <div>
            <dt>{t("dossier.closedOn")}</dt>
            <dd>{format.date(trajectory.closed_on, "long")}</dd>
          </div>
        )}
        {trajectory.status === "paused" && (
          <div>
            <dt>{t("dossier.pauseReason")}</dt>
            {/* A pause reason is care information: without participants:read_full the API sends null. */}
            <dd>{trajectory.pause_reason ?? <span className="muted">{t("dossier.reasonHidden")}</span>}</dd>
          </div>
        )}
        {trajectory.status === "paused" && trajectory.expected_return_on && (
          <div>
            <dt>{t("dossier.expectedReturn")}</dt>
            <dd>{format.date(trajectory.expected_return_on, "long")}</dd>
          </div>
        )}
      </dl>
      {trajectory.flags.length > 0 && (
        <div className="flags">
          <h3 className="flags__title">{t("dossier.flags")}</h3>
          <ul className="flags__list">
            {trajectory.flags.map((flag) => (
              <li key={flag}>
                <WarningBadge>{flag === "past_max_duration" || flag === "phase_past_norm" ? t(`flag.${flag}`) : flag}</WarningBadge>
              </li>
            ))}
          </ul>
        </div>
      )}
      <PhaseStepper
        trajectory={trajectory}
        history={history.data}
        historyError={history.isError ? history.error : null}
        onRetry={() => void history.refetch()}
      />
      {dialog === "start" && (
        <StartDialog trajectory={trajectory} participantName={participantName} onClose={() => setDialog(null)} onDone={finish} />
      )}
      {dialog === "phase" && (
        <PhaseChangeDialog trajectory={trajectory} participantName={participantName} onClose={() => setDialog(null)} onDone={finish} />
      )}
      {dialog === "pause" && (
        <PauseDialog trajectory={trajectory} participantName={participantName} onClose={() => setDialog(null)} onDone={finish} />
      )}
      {dialog === "resume" && (
        <ResumeDialog trajectory={trajectory} participantName={participantName} onClose={() => setDialog(null)} onDone={finish} />
      )}
    </section>
  );
}
