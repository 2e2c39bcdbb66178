import { useEffect } from 'react';
import { mainApi } from '../common/pp.ts';
import { followBackendStatus } from '../stores/connection.ts';
import { followCredits } from '../stores/credits.ts';
import { TermsGate } from '../account/TermsDialog.tsx';
import { followAuthState } from '../stores/auth.ts';
import { followGallery } from '../stores/gallery.ts';
import { followJobs } from '../stores/jobs.ts';
import { Header } from './Header.tsx';
import { Router } from './Router.tsx';
import { Sidebar } from './Sidebar.tsx';
import { usePreferencesAndNavigation } from './usePreferencesAndNavigation.ts';

export function App() {
  useEffect(() => followBackendStatus(mainApi().backend), []);
  useEffect(() => followCredits(mainApi().credits), []);
  useEffect(() => followAuthState(mainApi().auth), []);
  usePreferencesAndNavigation();
  // Studio, themes and gallery (issue 5): generation progress and gallery changes from main.
  useEffect(() => followJobs(), []);
  useEffect(() => followGallery(), []);
  return (
    <div className="shell">
      <Sidebar />
      <div className="main">
        <Header />
        <main className="content">
          <Router />
        </main>
      </div>
      <TermsGate />
    </div>
  );
}
