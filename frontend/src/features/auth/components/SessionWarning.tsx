import { useEffect, useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";

import { endIdleSession, idle, logout, session } from "../../../api/client";
import { remaining } from "../../../api/idle";
import { Dialog } from "../../../components/Dialog";

const INPUT_EVENTS = ["pointerdown", "keydown", "wheel", "touchstart"] as const;
/** Tabs of one browser share the session: input in one keeps the others signed in too. */
const CHANNEL = "werkpad-activity";
/** Tell the other tabs at most this often. */
const SHARE_EVERY_MS = 15_000;

/** Input anywhere in this tab (or another tab of Werkpad) counts as someone using the app. */
function useActivityTracking() {
  useEffect(() => {
    const channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(CHANNEL);
    let lastShared = 0;
    const onInput = () => {
      idle.touch();
      const now = Date.now();
      if (channel && now - lastShared > SHARE_EVERY_MS) {
        lastShared = now;
        channel.postMessage("active");
      }
    };
    if (channel) channel.onmessage = () => idle.touch();
    for (const name of INPUT_EVENTS) window.addEventListener(name, onInput, { passive: true, capture: true });
    return () => {
      for (const name of INPUT_EVENTS) window.removeEventListener(name, onInput, { capture: true });
      channel?.close();
    };
  }, []);
}

/** A clock for the countdown, ticking every second while it is on screen. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function WarningDialog({ deadline }: { deadline: number }) {
  const { t } = useTranslation();
  const now = useNow();
  const left = remaining(deadline, now);
  const time = `${left.minutes}:${String(left.seconds).padStart(2, "0")}`;
  const stay = () => {
    idle.extend();
    void session.refresh();
  };
  return (
    <Dialog open title={t("session.warningTitle")} onClose={stay}>
      <p className="session-warning__time" aria-hidden="true">
        {time}
      </p>
      {/* Read once, not every second: the visible countdown is for the eyes. */}
      <p>{t("session.warningText", { count: Math.max(1, left.minutes + (left.seconds > 0 ? 1 : 0)) })}</p>
      <div className="dialog__actions">
        <button type="button" className="button button--secondary" onClick={() => void logout()}>
          {t("session.logoutNow")}
        </button>
        {/* The one thing to do now, so it has the focus. */}
        <button type="button" className="button button--primary" data-autofocus onClick={stay}>
          {t("session.stay")}
        </button>
      </div>
    </Dialog>
  );
}

/**
 * Two minutes before an idle session ends: a warning with one button to stay signed in.
 * At the end the session is closed; the login page then returns the person to this page.
 */
export function SessionWarning() {
  useActivityTracking();
  const { phase, deadline } = useSyncExternalStore(idle.subscribe, idle.getSnapshot);

  useEffect(() => {
    if (phase === "expired") void endIdleSession();
  }, [phase]);

  return phase === "warning" ? <WarningDialog deadline={deadline} /> : null;
}
