import { useTranslation } from "react-i18next";

import { LoadMore, TableRegion } from "../../../components/DataTable";
import { SearchBox } from "../../../components/SearchBox";
import { useSearchTerm } from "../../../components/useSearchTerm";
import { EmptyState, ErrorMessage, Loading } from "../../../components/StatusMessage";
import { useOrganisationList, type Organisation } from "../api";
import { formatKboNumber } from "../format";

function OrganisationRow({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const kbo = formatKboNumber(organisation.kbo_number);
  return (
    <tr>
      <th scope="row">{organisation.name}</th>
      <td>{t(`organisationKind.${organisation.kind}`)}</td>
      <td className="table__nowrap">{kbo || <span className="muted">{t("common.notFilledIn")}</span>}</td>
      <td>
        {organisation.province ? (
          t(`province.${organisation.province}`)
        ) : (
          <span className="muted">{t("common.notFilledIn")}</span>
        )}
      </td>
    </tr>
  );
}

export function OrganisationList() {
  const { t } = useTranslation();
  const q = useSearchTerm();
  const list = useOrganisationList(q);
  const organisations = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages.at(-1)?.total ?? 0;

  return (
    <section className="panel" aria-labelledby="organisations-heading">
      <h2 id="organisations-heading" className="visually-hidden">
        {t("admin.organisations.caption")}
      </h2>
      <SearchBox label={t("admin.organisations.searchLabel")} busy={list.isFetching && !list.isFetchingNextPage && !list.isPending} />
      {list.isPending ? (
        <Loading>{t("admin.organisations.loading")}</Loading>
      ) : list.isError && !list.isFetchNextPageError ? (
        <ErrorMessage
          title={t("admin.organisations.error")}
          error={list.error}
          onRetry={() => void list.refetch()}
        />
      ) : organisations.length === 0 ? (
        <EmptyState>{q ? t("admin.organisations.noResults", { q }) : t("admin.organisations.empty")}</EmptyState>
      ) : (
        <>
          <TableRegion caption={t("admin.organisations.caption")}>
            <thead>
              <tr>
                <th scope="col">{t("admin.organisations.name")}</th>
                <th scope="col">{t("admin.organisations.kind")}</th>
                <th scope="col">{t("admin.organisations.kbo")}</th>
                <th scope="col">{t("admin.organisations.province")}</th>
              </tr>
            </thead>
            <tbody>
              {organisations.map((organisation) => (
                <OrganisationRow key={organisation.id} organisation={organisation} />
              ))}
            </tbody>
          </TableRegion>
          {list.isFetchNextPageError && (
            <ErrorMessage title={t("admin.organisations.error")} error={list.error} />
          )}
          <LoadMore
            shown={organisations.length}
            total={total}
            hasMore={list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()}
          />
        </>
      )}
    </section>
  );
}
