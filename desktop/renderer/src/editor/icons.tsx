/** Tiny line icons for the layer list (no emoji: fonts differ between systems). */
const props = { width: 14, height: 14, viewBox: '0 0 16 16', fill: 'none', stroke: 'currentColor', strokeWidth: 1.6, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true } as const;

export const EyeIcon = ({ off }: { off: boolean }) => (
  <svg {...props}>
    <path d="M1.5 8s2.4-4.5 6.5-4.5S14.5 8 14.5 8 12.1 12.5 8 12.5 1.5 8 1.5 8z" />
    <circle cx="8" cy="8" r="2" />
    {off && <path d="M2.5 13.5l11-11" />}
  </svg>
);

export const LockIcon = ({ locked }: { locked: boolean }) => (
  <svg {...props}>
    <rect x="3" y="7" width="10" height="7" rx="1.5" />
    <path d={locked ? 'M5 7V5a3 3 0 0 1 6 0v2' : 'M5 7V5a3 3 0 0 1 5.8-1'} />
  </svg>
);

export const DuplicateIcon = () => (
  <svg {...props}>
    <rect x="5" y="5" width="8.5" height="8.5" rx="1.5" />
    <path d="M11 3.5V3a1 1 0 0 0-1-1H3a1 1 0 0 0-1 1v7a1 1 0 0 0 1 1h.5" />
  </svg>
);
