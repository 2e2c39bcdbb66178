import { useEffect, useState, type ReactNode } from 'react';
import { ASPECT_RATIOS, SAFETY_LEVELS, THEMES } from '../../../../shared/choices.ts';
import type { Preferences, PreferencesUpdate } from '../../../../shared/preferences.ts';
import { mainApi } from '../../common/pp.ts';
import { savePreferences, usePreferences } from '../../stores/preferences.ts';
import { ShortcutField } from './ShortcutField.tsx';
import { TextSetting } from './TextSetting.tsx';
import './preferences.css';

const save = (patch: PreferencesUpdate) => savePreferences(mainApi().preferences, patch);

const THEME_LABELS: Record<Preferences['theme'], string> = { system: 'Match system', light: 'Light', dark: 'Dark' };
const SAFETY_LABELS: Record<Preferences['safetyLevel'], string> = { strict: 'Strict', balanced: 'Balanced', relaxed: 'Relaxed' };

function Row({ label, hint, error, children, htmlFor }: { label: string; hint?: string; error?: string | undefined; children: ReactNode; htmlFor?: string }) {
  return (
    <div className="pref-row">
      <div className="pref-label">
        {htmlFor ? <label htmlFor={htmlFor}>{label}</label> : <span>{label}</span>}
        {hint && <span className="pref-hint">{hint}</span>}
      </div>
      <div className="pref-control">
        {children}
        {error && (
          <p className="pref-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}

function Segmented<T extends string>({ name, value, options, labels, onChange }: { name: string; value: T; options: readonly T[]; labels?: Record<T, string>; onChange: (v: T) => void }) {
  return (
    <div className="segmented" role="radiogroup" aria-label={name}>
      {options.map((o) => (
        <button key={o} type="button" role="radio" aria-checked={o === value} className={o === value ? 'on' : ''} onClick={() => onChange(o)}>
          {labels?.[o] ?? o}
        </button>
      ))}
    </div>
  );
}

function Toggle({ id, checked, onChange }: { id: string; checked: boolean; onChange: (v: boolean) => void }) {
  return <input id={id} type="checkbox" role="switch" className="toggle" checked={checked} onChange={(e) => onChange(e.target.checked)} />;
}

export function PreferencesPage() {
  const prefs = usePreferences((s) => s.preferences);
  const notice = usePreferences((s) => s.notice);
  const errors = usePreferences((s) => s.errors);
  const [isMac, setIsMac] = useState(false);
  useEffect(() => {
    void mainApi().app.getInfo().then((r) => r.ok && setIsMac(r.value.platform === 'darwin'));
  }, []);
  if (!prefs) return <section className="page preferences" aria-busy="true"><p className="muted">Loading preferences…</p></section>;

  return (
    <section className="page preferences">
      {notice && (
        <div className="pref-notice" role="status">
          {notice}
        </div>
      )}
      <div className="card pref-card">
        <h2>Generation defaults</h2>
        <p className="muted pref-sub">Used by the Image Studio and quick generate until you change them there.</p>
        <Row label="Default model" hint="A model id from the catalog; empty uses the catalog's default." htmlFor="pref-model" error={errors.defaultModel}>
          <TextSetting id="pref-model" value={prefs.defaultModel ?? ''} placeholder="Catalog default" onCommit={(v) => save({ defaultModel: v.trim() || null })} />
        </Row>
        <Row label="Aspect ratio" error={errors.aspectRatio}>
          <Segmented name="Aspect ratio" value={prefs.aspectRatio} options={ASPECT_RATIOS} onChange={(aspectRatio) => void save({ aspectRatio })} />
        </Row>
        <Row label="Safety level" hint="How strictly generated images are filtered." error={errors.safetyLevel}>
          <Segmented name="Safety level" value={prefs.safetyLevel} options={SAFETY_LEVELS} labels={SAFETY_LABELS} onChange={(safetyLevel) => void save({ safetyLevel })} />
        </Row>
        <Row label="Style" hint="A style preset id; empty for none." htmlFor="pref-style" error={errors.style}>
          <TextSetting id="pref-style" value={prefs.style ?? ''} placeholder="None" onCommit={(v) => save({ style: v.trim() || null })} />
        </Row>
      </div>

      <div className="card pref-card">
        <h2>Quick generate</h2>
        <Row label="Shortcut" hint="Opens quick generate from any app." error={errors.shortcut}>
          <ShortcutField value={prefs.shortcut} isMac={isMac} onChange={(shortcut) => save({ shortcut })} />
        </Row>
        <Row label="Copy the first image to the clipboard" htmlFor="pref-copy" error={errors.copyAfterQuickGenerate}>
          <Toggle id="pref-copy" checked={prefs.copyAfterQuickGenerate} onChange={(v) => void save({ copyAfterQuickGenerate: v })} />
        </Row>
        <Row label="Notifications" hint="Tell me when a generation finishes." htmlFor="pref-notify" error={errors.notifications}>
          <Toggle id="pref-notify" checked={prefs.notifications} onChange={(v) => void save({ notifications: v })} />
        </Row>
      </div>

      <div className="card pref-card">
        <h2>Gallery</h2>
        <Row label="Gallery folder" hint="Where every image you make is saved." error={errors.galleryFolder}>
          <div className="pref-folder">
            <code className="pref-path">{prefs.galleryFolder ?? 'Pictures/PromptPixels (default)'}</code>
            <button type="button" className="button" onClick={() => void savePreferencesFolder()}>
              Choose…
            </button>
            {prefs.galleryFolder && (
              <button type="button" className="link" onClick={() => void save({ galleryFolder: null })}>
                Use default
              </button>
            )}
          </div>
        </Row>
      </div>

      <div className="card pref-card">
        <h2>App</h2>
        <Row label="Theme" error={errors.theme}>
          <Segmented name="Theme" value={prefs.theme} options={THEMES} labels={THEME_LABELS} onChange={(theme) => void save({ theme })} />
        </Row>
        <Row label="Launch at login" htmlFor="pref-login" error={errors.launchAtLogin}>
          <Toggle id="pref-login" checked={prefs.launchAtLogin} onChange={(v) => void save({ launchAtLogin: v })} />
        </Row>
        <Row label="Start in the tray" hint="Open without the main window; the shortcut and tray icon are ready." htmlFor="pref-tray" error={errors.startInTray}>
          <Toggle id="pref-tray" checked={prefs.startInTray} onChange={(v) => void save({ startInTray: v })} />
        </Row>
      </div>

      <div className="card pref-card">
        <h2>Advanced</h2>
        <Row label="Backend URL" hint="For self-hosting and development: https, or http on this computer only." htmlFor="pref-backend" error={errors.backendUrl}>
          <TextSetting id="pref-backend" value={prefs.backendUrl} onCommit={(v) => save({ backendUrl: v.trim() })} />
        </Row>
        {errors.general && (
          <p className="pref-error" role="alert">
            {errors.general}
          </p>
        )}
      </div>
    </section>
  );
}

async function savePreferencesFolder(): Promise<void> {
  const res = await mainApi().preferences.chooseGalleryFolder();
  if (res.ok) usePreferences.setState({ preferences: res.value.preferences });
  else usePreferences.setState((s) => ({ errors: { ...s.errors, galleryFolder: res.error.message } }));
}
