import { useEffect, useMemo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useBlocker } from "react-router";

import { Dialog } from "../components/Dialog";
import { DirtyForms, DirtyFormsContext } from "./dirtyForms";

/**
 * One guard for the whole app (react-router allows one blocker at a time): leaving the page —
 * a link, the back button, closing the tab — while a form holds unsaved changes asks first.
 * Going to the login page is never held up: the session has ended, staying cannot save anything.
 */
export function UnsavedChangesGuard({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const forms = useMemo(() => new DirtyForms(), []);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      forms.any() &&
      !nextLocation.pathname.startsWith("/login") &&
      (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
  );

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!forms.any()) return;
      event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [forms]);

  return (
    <DirtyFormsContext value={forms}>
      {children}
      {blocker.state === "blocked" && (
        <Dialog open title={t("form.unsaved.title")} onClose={() => blocker.reset()}>
          <p>{t("form.unsaved.text")}</p>
          <div className="dialog__actions">
            <button type="button" className="button button--secondary" onClick={() => blocker.proceed()}>
              {t("form.unsaved.leave")}
            </button>
            {/* Staying is the safe answer: it gets the focus. */}
                <button type="button" className="button button--primary" data-autofocus onClick={() => blocker.reset()}>
              {t("form.unsaved.stay")}
            </button>
          </div>
        </Dialog>
      )}
    </DirtyFormsContext>
  );
}
