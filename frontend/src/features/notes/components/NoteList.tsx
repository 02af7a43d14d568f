import { useState } from "react";
import { useTranslation } from "react-i18next";

import { EmptyState, ErrorMessage, Loading } from "../../../components/StatusMessage";
import { useFormat } from "../../../components/useFormat";
import { useNotes, type Note, type Visibility } from "../api";
import { isCareNote } from "../visibility";
import { CareMark } from "./CareMark";
import { NoteEditDialog } from "./NoteEditDialog";

interface NoteListProps {
  trajectoryId: string;
  /** Author names from the mini-team; an author who left shows without a name. */
  authorName: (userId: string | null) => string | null;
  /** The reader: only a note's author may change it. */
  meId: string;
  /** Visibilities the reader may give a note. */
  writable: readonly Visibility[];
  canWrite: boolean;
}

/** The notes this user may read, newest first; care notes marked; text shown as text (never as HTML). */
export function NoteList({ trajectoryId, authorName, meId, writable, canWrite }: NoteListProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const notes = useNotes(trajectoryId);
  const [editing, setEditing] = useState<Note | null>(null);
  const [done, setDone] = useState<string | null>(null);

  if (notes.isPending) return <Loading>{t("notes.loading")}</Loading>;
  if (notes.isError) return <ErrorMessage title={t("notes.error")} error={notes.error} onRetry={() => void notes.refetch()} />;

  return (
    <section aria-labelledby="notes-heading" className="stack">
      <h2 id="notes-heading">{t("notes.heading")}</h2>
      <div role="status">{done && <p className="alert alert--success">{done}</p>}</div>
      {notes.data.items.length === 0 ? (
        <EmptyState>{t("notes.empty")}</EmptyState>
      ) : (
        <ul className="entries">
          {notes.data.items.map((note) => {
            const author = authorName(note.author_id);
            const care = isCareNote(note.visibility);
            return (
              <li key={note.id} className={`entry${care ? " entry--care" : ""}`}>
                <p className="entry__meta">
                  <span className="entry__date">{t("notes.writtenOn", { date: format.date(note.written_on, "long") })}</span>
                  {author && <span>{t("common.by", { name: author })}</span>}
                  {care && <CareMark />}
                  <span className={`tag tag--${note.visibility}`}>
                    {t("notes.visibility")}: {t(`visibility.${note.visibility}`)}
                  </span>
                  {canWrite && note.author_id === meId && (
                    <button
                      type="button"
                      className="button button--ghost entry__action"
                      aria-label={t("notes.edit.openLabel", { date: format.date(note.written_on, "long") })}
                      onClick={() => {
                        setDone(null);
                        setEditing(note);
                      }}
                    >
                      {t("notes.edit.open")}
                    </button>
                  )}
                </p>
                {care && <p className="visually-hidden">{t("notes.careNote")}</p>}
                <p className="prose">{note.body}</p>
              </li>
            );
          })}
        </ul>
      )}
      {editing && (
        <NoteEditDialog
          note={editing}
          options={writable}
          onClose={() => setEditing(null)}
          onDone={(message) => {
            setEditing(null);
            setDone(message);
          }}
        />
      )}
    </section>
  );
}
