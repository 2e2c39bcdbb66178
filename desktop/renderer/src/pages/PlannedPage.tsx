/**
 * The honest placeholder for an area whose tool is not in this build yet: it says what the
 * area will do and that it is not available, rather than pretending.
 */
export function PlannedPage({ title, description }: { title: string; description: string }) {
  return (
    <section className="page planned">
      <div className="card">
        <h2>{title}</h2>
        <p>{description}</p>
        <p className="muted">Not available in this build yet.</p>
      </div>
    </section>
  );
}
