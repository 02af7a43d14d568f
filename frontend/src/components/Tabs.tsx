import { NavLink } from "react-router";

export interface TabLink {
  to: string;
  label: string;
  /** e.g. a count: read after the label. */
  extra?: string | undefined;
}

/** Sections of a page as links (each has its own URL), like the admin tabs. */
export function TabLinks({ label, tabs }: { label: string; tabs: readonly TabLink[] }) {
  return (
    <nav className="tabs" aria-label={label}>
      {tabs.map((tab) => (
        <NavLink key={tab.to} to={tab.to} className="tabs__link" preventScrollReset>
          {tab.label}
          {tab.extra && <span className="tabs__extra">{tab.extra}</span>}
        </NavLink>
      ))}
    </nav>
  );
}
