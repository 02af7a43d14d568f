import { useState } from "react";
import type { FieldValues, Path, PathValue, UseFormReturn } from "react-hook-form";

import { isApiError } from "../api/problem";
import { changedFields, rebase, staleChanges, type StaleRow } from "./stale";

interface VersionedEditOptions<R extends { version: number }, V extends FieldValues, O, F extends Path<V> & keyof O & string> {
  form: UseFormReturn<V, unknown, O>;
  /** The record as the form was opened on it. */
  record: R;
  /** The fields this form edits; their names are the API's. */
  fields: readonly F[];
  toValues: (record: R) => V;
  /** GET the record as it is stored now (after a 412). */
  reload: () => Promise<R>;
  /** PATCH with `If-Match: "<version>"`; only the fields this person changed are sent. */
  save: (version: number, changes: Partial<Pick<O, F>>) => Promise<R>;
}

/**
 * Editing a versioned record without ever overwriting someone else's save. A 412 keeps what was
 * typed, loads the stored version, lists the differences and lets the person apply their changes
 * again on that version (or drop them).
 */
export function useVersionedEdit<R extends { version: number }, V extends FieldValues, O, F extends Path<V> & keyof O & string>({
  form,
  record,
  fields,
  toValues,
  reload,
  save,
}: VersionedEditOptions<R, V, O, F>) {
  const [base, setBase] = useState(record);
  const [conflict, setConflict] = useState<StaleRow<F>[] | null>(null);
  const [reloadError, setReloadError] = useState<unknown>(null);

  const draft = () => form.getValues() as Record<F, unknown>;

  /** Saves what changed; resolves with the stored record, or null when a 412 was turned into the conflict view. */
  const submit = async (parsed: O): Promise<R | null> => {
    const changed = changedFields(fields, toValues(base) as Record<F, unknown>, draft());
    const changes: Partial<Pick<O, F>> = {};
    for (const field of changed) changes[field] = parsed[field];
    try {
      const saved = await save(base.version, changes);
      setConflict(null);
      return saved;
    } catch (error) {
      if (!isApiError(error) || error.status !== 412) throw error;
      await showConflict();
      return null;
    }
  };

  const showConflict = async () => {
    let fresh: R;
    try {
      fresh = await reload();
    } catch (error) {
      setReloadError(error);
      return;
    }
    setReloadError(null);
    const baseValues = toValues(base);
    const typed = form.getValues();
    const stored = toValues(fresh);
    const fieldsAsKeys = fields;
    setConflict(staleChanges(fieldsAsKeys, baseValues as Record<F, unknown>, typed as Record<F, unknown>, stored as Record<F, unknown>));
    const next = rebase(fieldsAsKeys, baseValues as Record<F, unknown>, typed as Record<F, unknown>, stored as Record<F, unknown>);
    // The stored version becomes the form's starting point; what this person typed stays, marked changed.
    form.reset(stored);
    for (const field of changedFields(fieldsAsKeys, stored as Record<F, unknown>, next)) {
      form.setValue(field, next[field] as PathValue<V, F>, { shouldDirty: true, shouldValidate: true });
    }
    setBase(fresh);
  };

  /** Forget this person's changes: the form shows the stored version. */
  const discardMine = () => {
    form.reset(toValues(base));
    setConflict(null);
  };

  return { base, conflict, reloadError, submit, discardMine };
}
