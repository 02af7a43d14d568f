import { createContext, useCallback, useContext, useEffect, useId } from "react";

/** Which forms on screen hold changes that are not saved yet. */
export class DirtyForms {
  private readonly dirty = new Set<string>();

  set(id: string, dirty: boolean): void {
    if (dirty) this.dirty.add(id);
    else this.dirty.delete(id);
  }

  any(): boolean {
    return this.dirty.size > 0;
  }
}

export const DirtyFormsContext = createContext<DirtyForms | null>(null);

/**
 * Registers a form's unsaved state with the guard. Returns `release`: call it right before
 * navigating away after a successful save, so the guard does not ask about saved work.
 */
export function useUnsavedChanges(dirty: boolean): () => void {
  const forms = useContext(DirtyFormsContext);
  const id = useId();
  useEffect(() => {
    forms?.set(id, dirty);
    return () => forms?.set(id, false);
  }, [forms, id, dirty]);
  return useCallback(() => forms?.set(id, false), [forms, id]);
}
