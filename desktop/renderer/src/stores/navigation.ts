import { create } from 'zustand';

/** The app's areas, in sidebar order. The id is also the URL hash (#/studio). */
export const AREAS = [
  { id: 'studio', label: 'Image Studio', icon: '✦', group: 'create' },
  { id: 'themes', label: 'Themes', icon: '❖', group: 'create' },
  { id: 'tools', label: 'Image tools', icon: '◧', group: 'create' },
  { id: 'characters', label: 'Characters', icon: '☺', group: 'create' },
  { id: 'add-text', label: 'Add Text', icon: 'T', group: 'create' },
  { id: 'gallery', label: 'Gallery', icon: '▦', group: 'library' },
  { id: 'credits', label: 'Credits', icon: '◎', group: 'account' },
  { id: 'account', label: 'Account', icon: '◉', group: 'account' },
  { id: 'privacy', label: 'Privacy & data', icon: '◈', group: 'account' },
  { id: 'preferences', label: 'Preferences', icon: '⚙', group: 'account' },
] as const;

export type AreaId = (typeof AREAS)[number]['id'];

const isArea = (id: string): id is AreaId => AREAS.some((a) => a.id === id);

export function areaFromHash(hash: string): AreaId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return isArea(id) ? id : 'studio';
}

interface NavigationState {
  area: AreaId;
  go: (area: AreaId) => void;
}

export const useNavigation = create<NavigationState>((set) => ({
  area: areaFromHash(window.location.hash),
  go: (area) => {
    if (window.location.hash !== `#/${area}`) window.location.hash = `/${area}`;
    set({ area });
  },
}));

window.addEventListener('hashchange', () => useNavigation.setState({ area: areaFromHash(window.location.hash) }));
