import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";

import { useUpdateSearchParams, withParam } from "./useUpdateSearchParams";

interface SearchBoxProps {
  label: string;
  busy?: boolean;
  delayMs?: number;
}

/**
 * A search field kept in the URL (`?q=`), so a search can be bookmarked, shared and
 * survives a reload. Typing updates the URL after a short pause; Enter does so at once.
 */
export function SearchBox({ label, busy = false, delayMs = 300 }: SearchBoxProps) {
  const { t } = useTranslation();
  const id = useId();
  const [params] = useSearchParams();
  const updateParams = useUpdateSearchParams();
  const fromUrl = params.get("q") ?? "";
  const [value, setValue] = useState(fromUrl);
  const [lastUrlValue, setLastUrlValue] = useState(fromUrl);

  // Back/forward or a link changed ?q=: show that instead of what was typed before.
  if (fromUrl !== lastUrlValue) {
    setLastUrlValue(fromUrl);
    if (fromUrl.trim() !== value.trim()) setValue(fromUrl);
  }

  const commit = (next: string) => {
    const term = next.trim();
    if (term === fromUrl.trim()) return;
    updateParams((current) => withParam(current, "q", term));
  };

  useEffect(() => {
    const timer = window.setTimeout(() => commit(value), delayMs);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only typing restarts the pause
  }, [value, delayMs]);

  return (
    <form
      role="search"
      className="search"
      onSubmit={(event) => {
        event.preventDefault();
        commit(value);
      }}
    >
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="search__row">
        <input
          id={id}
          className="field__input search__input"
          type="search"
          name="q"
          value={value}
          autoComplete="off"
          maxLength={100}
          spellCheck={false}
          onChange={(event) => setValue(event.target.value)}
        />
        <button type="submit" className="button button--primary">
          {t("common.search")}
        </button>
      </div>
      <p className="search__busy" role="status">
        {busy ? t("common.searching") : ""}
      </p>
    </form>
  );
}
