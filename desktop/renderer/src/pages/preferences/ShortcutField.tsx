import { useState } from 'react';
import { acceleratorFromKey, displayAccelerator } from './accelerator.ts';

/**
 * Records a new global shortcut: press "Change", then the combination. Esc cancels. Main
 * registers it before saving, so a combination another app owns is refused with a reason.
 */
export function ShortcutField({ value, isMac, onChange }: { value: string; isMac: boolean; onChange: (accelerator: string) => Promise<boolean> }) {
  const [recording, setRecording] = useState(false);
  if (!recording) {
    return (
      <div className="shortcut-field">
        <kbd className="shortcut-keys" aria-label="Current shortcut">
          {displayAccelerator(value, isMac)}
        </kbd>
        <button type="button" className="button" onClick={() => setRecording(true)}>
          Change…
        </button>
      </div>
    );
  }
  return (
    <div className="shortcut-field">
      <input
        className="text-input shortcut-recorder"
        aria-label="Press the new shortcut"
        readOnly
        autoFocus
        value="Press the new shortcut… (Esc to cancel)"
        onBlur={() => setRecording(false)}
        onKeyDown={(e) => {
          e.preventDefault();
          if (e.key === 'Escape') {
            setRecording(false);
            return;
          }
          const accelerator = acceleratorFromKey(e, isMac);
          if (accelerator) {
            setRecording(false);
            void onChange(accelerator);
          }
        }}
      />
    </div>
  );
}
