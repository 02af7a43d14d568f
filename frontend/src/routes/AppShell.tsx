import { Fragment, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, Outlet, useLocation } from "react-router";

import { LanguageSwitch } from "../components/LanguageSwitch";
import { MAIN_HEADING_ID } from "../components/PageHeading";
import { ErrorMessage, Loading } from "../components/StatusMessage";
import { useLogout, useMe, type Me } from "../features/auth/api";
import { SessionWarning } from "../features/auth/components/SessionWarning";
import { can, navigationFor, type NavEntry } from "../features/auth/permissions";
import { UnsavedChangesGuard } from "../forms/unsaved";

const NAV: Record<NavEntry, { to: string; key: "nav.start" | "nav.caseload" | "nav.floor" | "nav.partnership" | "nav.admin"; end?: boolean }> = {
  start: { to: "/", key: "nav.start", end: true },
  caseload: { to: "/deelnemers", key: "nav.caseload" },
  floor: { to: "/werkvloer", key: "nav.floor" },
  partnership: { to: "/samenwerking", key: "nav.partnership" },
  admin: { to: "/beheer", key: "nav.admin" },
};

/** After moving to another section, put focus on its heading, so screen readers start there. */
function useFocusHeadingOnNavigation() {
  const { pathname } = useLocation();
  const section = pathname.split("/")[1] ?? "";
  const previous = useRef(section);
  useEffect(() => {
    if (previous.current === section) return;
    previous.current = section;
    document.getElementById(MAIN_HEADING_ID)?.focus();
  }, [section]);
}

/** The managers' dashboard, for everyone whose role may read reports (reports:read). */
function ReportsLink() {
  const { t } = useTranslation();
  return (
    <NavLink to="/rapportering" className="nav__link">
      {t("dashboard.nav")}
    </NavLink>
  );
}

function initials(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? "";
  const last = words.length > 1 ? (words.at(-1)?.[0] ?? "") : "";
  return `${first}${last}`.toUpperCase();
}

/**
 * Who is signed in, folded into one round button (initials) so the menu keeps one line at
 * 1366 and 1024 px: it opens a small panel with name, role and organisation. Escape or a
 * click elsewhere closes it; focus returns to the button.
 */
function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const closeOutside = (event: MouseEvent | FocusEvent) => {
      if (event.target instanceof Node && !box.current?.contains(event.target)) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("mousedown", closeOutside);
    document.addEventListener("focusin", closeOutside);
    document.addEventListener("keydown", closeOnEscape);
    return () => {
      document.removeEventListener("mousedown", closeOutside);
      document.removeEventListener("focusin", closeOutside);
      document.removeEventListener("keydown", closeOnEscape);
    };
  }, [open]);

  return (
    <div className="user-menu" ref={box}>
      <button
        ref={button}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t("user.menuButton", { name: me.name })}
        onClick={() => setOpen((current) => !current)}
      >
        <span aria-hidden="true">{initials(me.name)}</span>
      </button>
      <div id={panelId} className="user-menu__panel" hidden={!open}>
        <p className="user-menu__name">{me.name}</p>
        <p className="user-menu__detail">
          {t(`role.${me.role}`)} · {me.organisation.name}
        </p>
      </div>
    </div>
  );
}

export function AppShell() {
  const { t } = useTranslation();
  const me = useMe();
  const entries = navigationFor(me.data);
  const reports = can(me.data, "reports:read");
  const logout = useLogout();
  useFocusHeadingOnNavigation();

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("skipLink")}
      </a>
      <header className="header">
        <div className="header__inner">
          <NavLink to="/" className="brand">
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__word">{t("app.name")}</span>
          </NavLink>
          {me.data && (
            <nav className="nav" aria-label={t("nav.label")}>
              {entries.map((entry) => (
                <Fragment key={entry}>
                  {/* Figures come just before "Beheer" (or last), for whoever may read reports. */}
                  {entry === "admin" && reports && <ReportsLink />}
                  <NavLink to={NAV[entry].to} end={NAV[entry].end ?? false} className="nav__link">
                    {t(NAV[entry].key)}
                  </NavLink>
                </Fragment>
              ))}
              {reports && !entries.includes("admin") && <ReportsLink />}
            </nav>
          )}
          <div className="header__tools">
            {me.data && <UserMenu me={me.data} />}
            <LanguageSwitch />
            <button
              type="button"
              className="button button--secondary"
              aria-disabled={logout.isPending}
              onClick={() => {
                if (!logout.isPending) logout.mutate();
              }}
            >
              {logout.isPending ? t("user.loggingOut") : t("user.logout")}
            </button>
          </div>
        </div>
      </header>
      <SessionWarning />
      <main id="main" className="main" tabIndex={-1}>
        {me.isPending ? (
          <Loading>{t("app.loading")}</Loading>
        ) : me.isError ? (
          <ErrorMessage title={t("app.name")} error={me.error} onRetry={() => void me.refetch()} />
        ) : (
          <UnsavedChangesGuard>
            <Outlet context={me.data} />
          </UnsavedChangesGuard>
        )}
      </main>
    </div>
  );
}
