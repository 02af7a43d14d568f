import { useTranslation } from "react-i18next";

import { LoadMore, TableRegion, YesNo } from "../../../components/DataTable";
import { SearchBox } from "../../../components/SearchBox";
import { useSearchTerm } from "../../../components/useSearchTerm";
import { EmptyState, ErrorMessage, Loading } from "../../../components/StatusMessage";
import { useUserList, type User } from "../api";

/** Long addresses wrap after the "@" rather than in the middle of a word. */
function EmailAddress({ value }: { value: string }) {
  const at = value.indexOf("@");
  if (at < 0) return value;
  return (
    <>
      {value.slice(0, at)}
      <wbr />
      {value.slice(at)}
    </>
  );
}

function UserRow({ user }: { user: User }) {
  const { t } = useTranslation();
  return (
    <tr className={user.is_active ? undefined : "table__row--inactive"}>
      <th scope="row">
        {user.name}
        {user.is_platform_admin && (
          <span className="table__note">{t("admin.users.platformAdmin")}</span>
        )}
      </th>
      <td className="table__email">
        <EmailAddress value={user.email} />
      </td>
      <td>{t(`role.${user.role}`)}</td>
      <td>{user.organisation_name}</td>
      <td>
        <YesNo value={user.bound_by_professional_secrecy} />
      </td>
      <td>
        <YesNo value={user.is_active} />
      </td>
    </tr>
  );
}

export function UserList() {
  const { t } = useTranslation();
  const q = useSearchTerm();
  const list = useUserList(q);
  const users = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages.at(-1)?.total ?? 0;

  return (
    <section className="panel" aria-labelledby="users-heading">
      <h2 id="users-heading" className="visually-hidden">
        {t("admin.users.caption")}
      </h2>
      <SearchBox label={t("admin.users.searchLabel")} busy={list.isFetching && !list.isFetchingNextPage && !list.isPending} />
      {list.isPending ? (
        <Loading>{t("admin.users.loading")}</Loading>
      ) : list.isError && !list.isFetchNextPageError ? (
        <ErrorMessage title={t("admin.users.error")} error={list.error} onRetry={() => void list.refetch()} />
      ) : users.length === 0 ? (
        <EmptyState>{q ? t("admin.users.noResults", { q }) : t("admin.users.empty")}</EmptyState>
      ) : (
        <>
          <TableRegion caption={t("admin.users.caption")}>
            <thead>
              <tr>
                <th scope="col">{t("admin.users.name")}</th>
                <th scope="col">{t("admin.users.email")}</th>
                <th scope="col">{t("admin.users.role")}</th>
                <th scope="col">{t("admin.users.organisation")}</th>
                <th scope="col">{t("admin.users.secrecy")}</th>
                <th scope="col">{t("admin.users.active")}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <UserRow key={user.id} user={user} />
              ))}
            </tbody>
          </TableRegion>
          {list.isFetchNextPageError && <ErrorMessage title={t("admin.users.error")} error={list.error} />}
          <LoadMore
            shown={users.length}
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
