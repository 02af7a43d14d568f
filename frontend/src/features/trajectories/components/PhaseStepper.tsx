import { useTranslation } from "react-i18next";

import { ErrorMessage } from "../../../components/StatusMessage";
import { useFormat } from "../../../components/useFormat";
import type { PhaseChange, Trajectory } from "../api";
import { phaseSteps, type StepState } from "../phases";

const STEP_ICON: Record<StepState, string> = { done: "✓", current: "●", upcoming: "", skipped: "–" };

interface PhaseStepperProps {
  trajectory: Trajectory;
  history: readonly PhaseChange[] | undefined;
  historyError: unknown;
  onRetry: () => void;
}

/**
 * The five phases in their usual order; each step says in words whether it is passed, current,
 * ahead or skipped (the icon only repeats it). Below: every move with its date and reason.
 */
export function PhaseStepper({ trajectory, history, historyError, onRetry }: PhaseStepperProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const steps = phaseSteps(trajectory.phase, history ?? [], trajectory.started_on ?? trajectory.referred_on);
  const moves = [...(history ?? [])].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));

  return (
    <div className="stepper-block">
      <h2 className="visually-hidden">{t("stepper.label")}</h2>
      <ol className="stepper" aria-label={t("stepper.label")}>
        {steps.map((step) => (
          <li
            key={step.phase}
            className={`stepper__step stepper__step--${step.state}`}
            aria-current={step.state === "current" ? "step" : undefined}
          >
            <span className="stepper__icon" aria-hidden="true">
              {STEP_ICON[step.state]}
            </span>
            <span className="stepper__name">{t(`phase.${step.phase}`)}</span>
            <span className="stepper__state">
              {t(`stepper.${step.state}`)}
              {step.enteredOn && step.state !== "upcoming" && (
                <>
                  {", "}
                  {t("stepper.enteredOn", { date: format.date(step.enteredOn, "dayMonth") })}
                </>
              )}
              {step.visits > 1 && <> ({t("stepper.visits", { count: step.visits })})</>}
            </span>
          </li>
        ))}
      </ol>
      {historyError ? (
        <ErrorMessage title={t("stepper.historyError")} error={historyError} onRetry={onRetry} />
      ) : (
        <details className="history">
          <summary className="history__summary">
            {t("stepper.history")} ({moves.length})
          </summary>
          {moves.length === 0 ? (
            <p className="muted">{t("stepper.historyEmpty")}</p>
          ) : (
            <ol className="history__list">
              {moves.map((move) => (
                <li key={move.id} className="history__item">
                  <span className="history__date">{format.date(move.date)}</span>
                  <span>
                    {move.from_phase
                      ? t("stepper.move", { from: t(`phase.${move.from_phase}`), to: t(`phase.${move.to_phase}`) })
                      : t("stepper.opened", { phase: t(`phase.${move.to_phase}`) })}
                    {move.reason && (
                      <span className="history__reason">
                        {t("stepper.reason")}: {move.reason}
                      </span>
                    )}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </details>
      )}
    </div>
  );
}
