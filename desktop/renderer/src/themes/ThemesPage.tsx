import '../studio/studio.css';
import { useEffect } from 'react';
import { themeTools, useStudio } from '../stores/studio.ts';
import { AccessNotice } from '../studio/AccessNotice.tsx';
import { ErrorNotice } from '../studio/ErrorNotice.tsx';
import { useAccess } from '../studio/useAccess.ts';
import { useJobs } from '../stores/jobs.ts';
import { ThemeCard } from './ThemeCard.tsx';

/** Curated generators (cars, nail art, logos, …), a card each with its own form. */
export function ThemesPage() {
  const catalog = useStudio((s) => s.catalog);
  const catalogError = useStudio((s) => s.catalogError);
  const startError = useJobs((s) => s.startError);
  const access = useAccess();
  useEffect(() => {
    void useStudio.getState().loadCatalog();
  }, [access.offline]);
  const themes = themeTools(catalog);
  return (
    <section className="page themes">
      <AccessNotice offline={access.offline} signedIn={access.signedIn} onRetry={access.retry} />
      {startError && <ErrorNotice error={startError} />}
      {!catalog && catalogError && <ErrorNotice error={catalogError} onRetry={() => void useStudio.getState().loadCatalog(true)} />}
      {catalog && themes.length === 0 && <p className="muted">No themed generators are available right now.</p>}
      <div className="theme-grid">
        {themes.map((tool) => (
          <ThemeCard key={tool.id} tool={tool} canGenerate={access.canGenerate} />
        ))}
      </div>
    </section>
  );
}
