import { useEffect, useState, type FormEvent } from 'react';
import { mainApi } from '../../common/pp.ts';

/** The in-app contact form; works signed out too. */
export function ContactForm({ initialSubject }: { initialSubject?: string }) {
  const [subjects, setSubjects] = useState<string[]>([]);
  const [form, setForm] = useState({ name: '', email: '', subject: initialSubject ?? '', message: '' });
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'sending' } | { kind: 'sent'; id: string } | { kind: 'error'; message: string }>({ kind: 'idle' });

  useEffect(() => {
    void mainApi()
      .support.getSubjects()
      .then((res) => {
        if (!res.ok) return;
        setSubjects(res.value.subjects);
        setForm((f) => (f.subject ? f : { ...f, subject: res.value.subjects[0] ?? '' }));
      });
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setState({ kind: 'sending' });
    const res = await mainApi().support.send(form);
    if (res.ok) {
      setState({ kind: 'sent', id: res.value.id });
      setForm((f) => ({ ...f, message: '' }));
    } else {
      setState({ kind: 'error', message: res.error.code === 'invalid_payload' ? 'Check the fields: a name, a valid email and a message of at least 10 characters.' : res.error.message });
    }
  }

  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  return (
    <form className="stack" onSubmit={(e) => void submit(e)} aria-label="Contact PromptPixels">
      <div className="two-col">
        <label>
          Name
          <input value={form.name} onChange={set('name')} required maxLength={120} autoComplete="name" />
        </label>
        <label>
          Email
          <input type="email" value={form.email} onChange={set('email')} required maxLength={254} autoComplete="email" />
        </label>
      </div>
      <label>
        Subject
        <select value={form.subject} onChange={set('subject')} required>
          {subjects.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <label>
        Message
        <textarea value={form.message} onChange={set('message')} required minLength={10} maxLength={5000} rows={4} />
      </label>
      <div className="row-end">
        {state.kind === 'sent' && <span role="status" className="ok-text">Sent. We answer by email, usually within two working days.</span>}
        {state.kind === 'error' && <span role="alert" className="error-text">{state.message}</span>}
        <button type="submit" className="btn primary" disabled={state.kind === 'sending'}>
          {state.kind === 'sending' ? 'Sending…' : 'Send message'}
        </button>
      </div>
    </form>
  );
}
