import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../common/styles.css';
import { QuickApp } from './QuickApp.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QuickApp />
  </StrictMode>,
);
