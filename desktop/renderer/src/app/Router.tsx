import { CreditsPage } from '../pages/credits/CreditsPage.tsx';
import { AccountPage } from '../account/AccountPage.tsx';
import { lazy, Suspense } from 'react';
import { PlannedPage } from '../pages/PlannedPage.tsx';
import { PrivacyPage } from '../pages/privacy/PrivacyPage.tsx';
import { PreferencesPage } from '../pages/preferences/PreferencesPage.tsx';
import { GalleryPage } from '../gallery/GalleryPage.tsx';
import { StudioPage } from '../studio/StudioPage.tsx';
import { ThemesPage } from '../themes/ThemesPage.tsx';
import { ImageToolsPage } from '../image-tools/ImageToolsPage.tsx';
import { useNavigation, type AreaId } from '../stores/navigation.ts';

const DESCRIPTIONS: Record<AreaId, { title: string; description: string }> = {
  studio: { title: 'AI Image Studio', description: 'Turn a prompt into images: choose a model, aspect ratio, style and safety level, see the price, and generate.' },
  themes: { title: 'Themed generators', description: 'Curated generators for cars, nail art, logos, tattoos, interiors, product shots and portraits.' },
  tools: { title: 'Image tools', description: 'Upscale, enhance, remove backgrounds and edit your images with words.' },
  characters: { title: 'Characters & avatars', description: 'Train a character from your photos, then generate images and avatar packs with it.' },
  'add-text': { title: 'Add Text to Image', description: 'A free editor for text on images that runs entirely on this computer, signed in or not.' },
  gallery: { title: 'Gallery', description: 'Every image you make, saved on this computer with its prompt and settings.' },
  credits: { title: 'Credits', description: 'Your balance, credit packs, and where every credit went.' },
  account: { title: 'Account', description: 'Sign in with Google, and manage the devices signed in to your account.' },
  privacy: { title: 'Privacy & data', description: 'Download your data, choose what may be logged, or delete your account.' },
  preferences: { title: 'Preferences', description: 'Defaults for generation, the gallery folder, shortcuts and theme.' },
};

// Areas with their own page, loaded on first visit so start-up stays small.
const AREA_PAGES: Partial<Record<AreaId, React.LazyExoticComponent<() => React.JSX.Element>>> = {
  'add-text': lazy(() => import('../editor/EditorPage.tsx')),
  // Characters and avatars (issue 7)
  characters: lazy(() => import('../characters/CharactersPage.tsx')),
};

export function Router() {
  const area = useNavigation((s) => s.area);
  if (area === 'privacy') return <PrivacyPage />;
  if (area === 'credits') return <CreditsPage />;
  if (area === 'account') return <AccountPage />;
  const Page = AREA_PAGES[area];
  if (Page) {
    return (
      <Suspense fallback={<div className="page muted">Loading…</div>}>
        <Page key={area} />
      </Suspense>
    );
  }
  const page = DESCRIPTIONS[area];
  // Built areas replace their placeholder here, one line each.
  if (area === 'preferences') return <PreferencesPage />;
  // Studio, themes and gallery (issue 5)
  if (area === 'studio') return <StudioPage />;
  if (area === 'themes') return <ThemesPage />;
  if (area === 'gallery') return <GalleryPage />;
  // Image tools (issue 6)
  if (area === 'tools') return <ImageToolsPage />;
  return <PlannedPage key={area} title={page.title} description={page.description} />;
}
