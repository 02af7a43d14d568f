import { useTranslation } from "react-i18next";

import { TableRegion } from "../../../components/DataTable";
import { EmptyState, ErrorMessage, Loading } from "../../../components/StatusMessage";
import { useFormat } from "../../../components/useFormat";
import { useCompetenceItems, useProgressLogs, type CompetenceItem, type ProgressLog } from "../api";

type ScoreKey = "1" | "2" | "3" | "4";

function scoreKey(score: number | null): ScoreKey | null {
  return score === 1 || score === 2 || score === 3 || score === 4 ? (String(score) as ScoreKey) : null;
}

function ScoreCell({ score }: { score: number | null }) {
  const { t } = useTranslation();
  const key = scoreKey(score);
  if (key === null) return <span className="muted">{t("score.none")}</span>;
  return (
    <span className="score">
      <span className={`score__dots score__dots--${key}`} aria-hidden="true">
        {"●".repeat(Number(key))}
        {"○".repeat(4 - Number(key))}
      </span>
      <span>
        {t(`score.${key}`)} <span className="muted">({t("progress.scoreOf", { score: key })})</span>
      </span>
    </span>
  );
}

function LogText({ text }: { text: string | null }) {
  const { t } = useTranslation();
  if (!text?.trim()) return <p className="muted">{t("progress.noText")}</p>;
  return <p className="prose">{text}</p>;
}

function Scores({ log, items, caption }: { log: ProgressLog; items: readonly CompetenceItem[]; caption: string }) {
  const { t, i18n } = useTranslation();
  if (log.scores.length === 0) return null;
  const order = new Map(items.map((item) => [item.code, item]));
  const scores = [...log.scores].sort((a, b) => (order.get(a.item_code)?.sort_order ?? 99) - (order.get(b.item_code)?.sort_order ?? 99));
  const name = (code: string) => {
    const item = order.get(code);
    if (!item) return code;
    return i18n.resolvedLanguage === "en" ? item.name_en : item.name_nl;
  };
  return (
    <TableRegion caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t("progress.item")}</th>
          <th scope="col">{t("progress.score")}</th>
        </tr>
      </thead>
      <tbody>
        {scores.map((score) => (
          <tr key={score.item_code}>
            <th scope="row">{name(score.item_code)}</th>
            <td>
              <ScoreCell score={score.score} />
            </td>
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}

/** The newest report in full; earlier ones folded, one click away. */
export function ProgressLogList({ trajectoryId }: { trajectoryId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const logs = useProgressLogs(trajectoryId);
  const items = useCompetenceItems();

  if (logs.isPending) return <Loading>{t("progress.loading")}</Loading>;
  if (logs.isError) return <ErrorMessage title={t("progress.error")} error={logs.error} onRetry={() => void logs.refetch()} />;
  const [latest, ...older] = logs.data.items;
  if (!latest) return <EmptyState>{t("progress.empty")}</EmptyState>;
  const competence = items.data ?? [];

  return (
    <div className="stack">
      <article className="card" aria-labelledby="latest-log-heading">
        <p className="eyebrow">{t("progress.latest")}</p>
        <h3 id="latest-log-heading">{t("progress.loggedOn", { date: format.date(latest.logged_on, "long") })}</h3>
        <LogText text={latest.text} />
        <Scores log={latest} items={competence} caption={`${t("progress.scores")} – ${format.date(latest.logged_on)}`} />
      </article>
      {older.length > 0 && (
        <section aria-labelledby="older-logs-heading">
          <h3 id="older-logs-heading">{t("progress.older")}</h3>
          <ul className="folds">
            {older.map((log) => (
              <li key={log.id}>
                <details className="fold">
                  <summary className="fold__summary">{t("progress.loggedOn", { date: format.date(log.logged_on, "long") })}</summary>
                  <div className="fold__body">
                    <LogText text={log.text} />
                    <Scores log={log} items={competence} caption={`${t("progress.scores")} – ${format.date(log.logged_on)}`} />
                  </div>
                </details>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
