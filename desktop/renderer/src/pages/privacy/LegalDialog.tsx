import { useEffect, useRef } from 'react';

/** A modal with the privacy policy or the terms; Esc or the button closes it. */
export function LegalDialog({ title, sections, onClose }: { title: string; sections: Array<{ heading: string; body: string }>; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} className="legal-dialog" aria-label={title} onClose={onClose}>
      <h2>{title}</h2>
      <div className="legal-body">
        {sections.map((s) => (
          <section key={s.heading}>
            <h3>{s.heading}</h3>
            <p>{s.body}</p>
          </section>
        ))}
      </div>
      <div className="row-end">
        <button type="button" className="btn" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </dialog>
  );
}
