import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { LoadMore } from "../../../components/DataTable";
import { EmptyState, ErrorMessage, Loading } from "../../../components/StatusMessage";
import { useFormat } from "../../../components/useFormat";
import { useTimeline, type TimelineKind } from "../api";
import { timelineParts, type Part } from "../present";

export interface TimelineLink {
  to: string;
  label: string;
}

interface TimelineListProps {
  trajectoryId: string;
  /** Where the dossier shows records of this kind (a tab), or null. */
  linkFor: (kind: TimelineKind) => TimelineLink | null;
}

function PartText({ part }: { part: Part }) {
  const { t } = useTranslation();
  switch (part.kind) {
    case "text":
      return part.text;
    case "code":
      // Vocabulary and code were checked against the API's enums in timelineParts.
      return t(`${part.vocabulary}.${part.code}` as "phase.intake");
    case "move": {
      const label = (code: string) => t(`${part.vocabulary}.${code}` as "phase.intake");
      if (part.from !== null) return t("stepper.move", { from: label(part.from), to: label(part.to) });
      return part.vocabulary === "phase" ? t("stepper.opened", { phase: label(part.to) }) : label(part.to);
    }
  }
}

/** Everything that happened in a trajectory, newest first, with a link to where it lives. */
export function TimelineList({ trajectoryId, linkFor }: TimelineListProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const timeline = useTimeline(trajectoryId);

  if (timeline.isPending) return <Loading>{t("timeline.loading")}</Loading>;
  if (timeline.isError && !timeline.isFetchNextPageError) {
    return <ErrorMessage title={t("timeline.error")} error={timeline.error} onRetry={() => void timeline.refetch()} />;
  }
  const items = timeline.data.pages.flatMap((page) => page.items);
  const total = timeline.data.pages.at(-1)?.total ?? 0;
  if (items.length === 0) return <EmptyState>{t("timeline.empty")}</EmptyState>;

  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading" className="visually-hidden">
        {t("timeline.heading")}
      </h2>
      <ol className="timeline">
        {items.map((item) => {
          const parts = timelineParts(item);
          const link = linkFor(item.kind);
          return (
            <li key={`${item.kind}:${item.id}`} className={`timeline__item timeline__item--${item.kind}`}>
              <p className="timeline__meta">
                <time dateTime={item.occurred_on} className="timeline__date">
                  {format.date(item.occurred_on)}
                </time>
                <span className="tag">{t(`timeline.kind.${item.kind}`)}</span>
                {item.author && <span className="muted">{t("common.by", { name: item.author.name })}</span>}
              </p>
              {parts.title && (
                <p className="timeline__title">
                  <PartText part={parts.title} />
                </p>
              )}
              {parts.summary && (
                <p className="timeline__summary">
                  <PartText part={parts.summary} />
                </p>
              )}
              {link && (
                <Link to={link.to} className="timeline__link">
                  {t("timeline.open", { tab: link.label })}
                  <span className="visually-hidden">
                    {" "}
                    ({t(`timeline.kind.${item.kind}`)}, {format.date(item.occurred_on)})
                  </span>
                </Link>
              )}
            </li>
          );
        })}
      </ol>
      {timeline.isFetchNextPageError && <ErrorMessage title={t("timeline.error")} error={timeline.error} />}
      <LoadMore
        shown={items.length}
        total={total}
        hasMore={timeline.hasNextPage}
        loading={timeline.isFetchingNextPage}
        onLoadMore={() => void timeline.fetchNextPage()}
      />
    </section>
  );
}
