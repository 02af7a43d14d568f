import { useTranslation } from "react-i18next";

import { EmptyState, ErrorMessage, Loading } from "../../../components/StatusMessage";
import { useFormat } from "../../../components/useFormat";
import { useNotes } from "../api";

interface NoteListProps {
  trajectoryId: string;
  /** Author names from the mini-team; an author who left shows without a name. */
  authorName: (userId: string | null) => string | null;
}

/** The notes this user may read, newest first; text is shown as text (never as HTML). */
export function NoteList({ trajectoryId, authorName }: NoteListProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const notes = useNotes(trajectoryId);

  if (notes.isPending) return <Loading>{t("notes.loading")}</Loading>;
  if (notes.isError) return <ErrorMessage title={t("notes.error")} error={notes.error} onRetry={() => void notes.refetch()} />;
  if (notes.data.items.length === 0) return <EmptyState>{t("notes.empty")}</EmptyState>;

  return (
    <section aria-labelledby="notes-heading">
      <h2 id="notes-heading" className="visually-hidden">
        {t("notes.heading")}
      </h2>
      <ul className="entries">
        {notes.data.items.map((note) => {
          const author = authorName(note.author_id);
          return (
            <li key={note.id} className="entry">
              <p className="entry__meta">
                <span className="entry__date">{t("notes.writtenOn", { date: format.date(note.written_on, "long") })}</span>
                {author && <span>{t("common.by", { name: author })}</span>}
                <span className={`tag tag--${note.visibility}`}>
                  {t("notes.visibility")}: {t(`visibility.${note.visibility}`)}
                </span>
              </p>
              <p className="prose">{note.body}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
