import "i18next";

import type nl from "./nl.json";

// Keys are checked at compile time against the Dutch file; i18n.test.ts keeps en.json in step.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof nl };
  }
}
