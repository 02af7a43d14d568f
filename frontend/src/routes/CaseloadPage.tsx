import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";

import { LoadMore } from "../components/DataTable";
import { PageHeading } from "../components/PageHeading";
import { SearchBox } from "../components/SearchBox";
import { EmptyState, ErrorMessage, Loading } from "../components/StatusMessage";
import { can } from "../features/auth/permissions";
import { useCaseload } from "../features/participants/api";
import { CaseloadFilters } from "../features/participants/components/CaseloadFilters";
import { CaseloadTable } from "../features/participants/components/CaseloadTable";
import { caseloadQuery, hasActiveFilters, parseCaseloadFilters } from "../features/participants/filters";
import { useFrameworkName } from "../features/trajectories/api";
import { useCurrentUser } from "./currentUser";

export function CaseloadPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [params] = useSearchParams();
  const filters = parseCaseloadFilters(params);
  const list = useCaseload(caseloadQuery(filters, me.id));
  const frameworkName = useFrameworkName();
  const participants = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages.at(-1)?.total ?? 0;

  return (
    <div className="page">
      <div className="page-head">
        <PageHeading title={t("caseload.title")}>{t("caseload.title")}</PageHeading>
        {can(me, "participants:write") && (
          <Link to="/deelnemers/nieuw" className="button button--primary">
            {t("caseload.newParticipant")}
          </Link>
        )}
      </div>
      <p className="lead">{t("caseload.intro")}</p>
      <section className="panel" aria-label={t("caseload.filtersLabel")}>
        <div className="toolbar">
          <SearchBox label={t("caseload.searchLabel")} busy={list.isFetching && !list.isFetchingNextPage && !list.isPending} />
          <CaseloadFilters />
        </div>
      </section>
      {list.isPending ? (
        <Loading>{t("caseload.loading")}</Loading>
      ) : list.isError && !list.isFetchNextPageError ? (
        <ErrorMessage title={t("caseload.error")} error={list.error} onRetry={() => void list.refetch()} />
      ) : participants.length === 0 ? (
        <EmptyState>{hasActiveFilters(filters) ? t("caseload.noResults") : t("caseload.empty")}</EmptyState>
      ) : (
        <>
          <CaseloadTable participants={participants} frameworkName={frameworkName} />
          {list.isFetchNextPageError && <ErrorMessage title={t("caseload.error")} error={list.error} />}
          <LoadMore
            shown={participants.length}
            total={total}
            hasMore={list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()}
          />
        </>
      )}
    </div>
  );
}
