import { Fragment } from "react";
import { useTranslation } from "react-i18next";

import { LoadMore, TableRegion, YesNo } from "../../../components/DataTable";
import { useDialogs } from "../../../components/useDialogs";
import { SearchBox } from "../../../components/SearchBox";
import { useSearchTerm } from "../../../components/useSearchTerm";
import { EmptyState, ErrorMessage, Loading } from "../../../components/StatusMessage";
import { can, canChangeActive, canEditUser } from "../../auth/permissions";
import type { Me } from "../../auth/api";
import { useUserList, type User } from "../api";
import { UserActiveDialog } from "./UserActiveDialog";
import { UserEditDialog } from "./UserEditDialog";

type UserDialog = { kind: "edit"; user: User } | { kind: "active"; user: User };

/** Long addresses wrap before the "@" and, in a narrow column, before a dot of the domain. */
function EmailAddress({ value }: { value: string }) {
  const at = value.indexOf("@");
  if (at < 0) return value;
  const domain = value.slice(at).split(/(?=\.)/);
  return (
    <>
      {value.slice(0, at)}
      {domain.map((part, index) => (
        <Fragment key={index}>
          <wbr />
          {part}
        </Fragment>
      ))}
    </>
  );
}

interface UserRowProps {
  user: User;
  me: Me;
  showActions: boolean;
  onOpen: (dialog: UserDialog) => void;
}

function UserRow({ user, me, showActions, onOpen }: UserRowProps) {
  const { t } = useTranslation();
  const editable = canEditUser(me, user);
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
      {showActions && (
        <td>
          {/* Stacked: two buttons side by side made the table wider than the page. */}
          <div className="row-actions row-actions--stacked">
            {editable && (
              <button type="button" className="button button--secondary" onClick={() => onOpen({ kind: "edit", user })}>
                {t("admin.users.edit.open")}
                <span className="visually-hidden"> {user.name}</span>
              </button>
            )}
            {canChangeActive(me, user) && (
              <button type="button" className="button button--secondary" onClick={() => onOpen({ kind: "active", user })}>
                {user.is_active ? t("admin.users.activation.deactivate") : t("admin.users.activation.reactivate")}
                <span className="visually-hidden"> {user.name}</span>
              </button>
            )}
          </div>
        </td>
      )}
    </tr>
  );
}

export function UserList({ me }: { me: Me }) {
  const { t } = useTranslation();
  const dialogs = useDialogs<UserDialog>();
  const showActions = can(me, "users:manage");
  const q = useSearchTerm();
  const list = useUserList(q);
  const users = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages.at(-1)?.total ?? 0;

  return (
    <section className="panel" aria-labelledby="users-heading">
      <h2 id="users-heading" className="visually-hidden">
        {t("admin.users.caption")}
      </h2>
      <div role="status">{dialogs.message && <p className="alert alert--success">{dialogs.message}</p>}</div>
      <SearchBox label={t("admin.users.searchLabel")} busy={list.isFetching && !list.isFetchingNextPage && !list.isPending} />
      {list.isPending ? (
        <Loading>{t("admin.users.loading")}</Loading>
      ) : list.isError && !list.isFetchNextPageError ? (
        <ErrorMessage title={t("admin.users.error")} error={list.error} onRetry={() => void list.refetch()} />
      ) : users.length === 0 ? (
        <EmptyState>{q ? t("admin.users.noResults", { q }) : t("admin.users.empty")}</EmptyState>
      ) : (
        <>
          <div className="users-table">
            <TableRegion caption={t("admin.users.caption")}>
              <thead>
                <tr>
                  <th scope="col">{t("admin.users.name")}</th>
                  <th scope="col">{t("admin.users.email")}</th>
                  <th scope="col">{t("admin.users.role")}</th>
                  <th scope="col">{t("admin.users.organisation")}</th>
                  <th scope="col">{t("admin.users.secrecy")}</th>
                  <th scope="col">{t("admin.users.active")}</th>
                  {showActions && (
                    <th scope="col">
                      <span className="visually-hidden">{t("admin.users.actions")}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {users.map((user) => (
                  <UserRow key={user.id} user={user} me={me} showActions={showActions} onOpen={dialogs.show} />
                ))}
              </tbody>
            </TableRegion>
          </div>
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
      {dialogs.open?.kind === "edit" && (
        <UserEditDialog user={dialogs.open.user} isSelf={dialogs.open.user.id === me.id} onClose={dialogs.close} onDone={dialogs.finish} />
      )}
      {dialogs.open?.kind === "active" && <UserActiveDialog user={dialogs.open.user} onClose={dialogs.close} onDone={dialogs.finish} />}
    </section>
  );
}
