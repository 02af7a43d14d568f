import type { ReactNode } from "react";

import { useDocumentTitle } from "./useDocumentTitle";

export const MAIN_HEADING_ID = "main-heading";

interface PageHeadingProps {
  children: ReactNode;
  /** Text for the browser tab, when the heading itself is not plain text. */
  title: string;
}

/** The page's one h1. Focusable from script so route changes can move focus to it. */
export function PageHeading({ children, title }: PageHeadingProps) {
  useDocumentTitle(title);
  return (
    <h1 id={MAIN_HEADING_ID} tabIndex={-1}>
      {children}
    </h1>
  );
}
