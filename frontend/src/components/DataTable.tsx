import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

interface TableRegionProps {
  caption: string;
  children: ReactNode;
}

/**
 * A table that may scroll sideways on a narrow screen: the scroll container is a named,
 * focusable region so keyboard users can scroll it too.
 */
export function TableRegion({ caption, children }: TableRegionProps) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- scrollable region must be focusable
    <div className="table-region" role="region" aria-label={caption} tabIndex={0}>
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

interface LoadMoreProps {
  shown: number;
  total: number;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}

/** "12 van 40 getoond" and a button for the next page (server-side, by cursor). */
export function LoadMore({ shown, total, hasMore, loading, onLoadMore }: LoadMoreProps) {
  const { t } = useTranslation();
  return (
    <div className="load-more">
      <p className="load-more__count" role="status">
        {t("common.shownOfTotal", { shown, total })}
      </p>
      {hasMore && (
        <button
          type="button"
          className="button button--secondary"
          // aria-disabled rather than disabled: the button keeps keyboard focus while loading.
          aria-disabled={loading}
          onClick={() => {
            if (!loading) onLoadMore();
          }}
        >
          {loading ? t("common.loadingMore") : t("common.loadMore")}
        </button>
      )}
    </div>
  );
}

export function YesNo({ value }: { value: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${value ? "badge--yes" : "badge--no"}`}>
      {value ? t("common.yes") : t("common.no")}
    </span>
  );
}
