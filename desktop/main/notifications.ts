/**
 * Desktop notifications, honouring the user's "notifications" preference. Electron's
 * Notification constructor is passed in; a click runs the caller's action (open the result).
 */
export interface NotificationLike {
  show(): void;
  on(event: 'click', listener: () => void): unknown;
}

export interface NotificationRequest {
  title: string;
  body: string;
  /** A file path (a result's thumbnail) or undefined for the app icon. */
  icon?: string;
  onClick?: () => void;
  /** Notices about the app itself (preferences repaired, still in the tray) ignore the off switch. */
  essential?: boolean;
}

export interface Notifier {
  /** Answers false when nothing was shown (turned off or unsupported). */
  notify(request: NotificationRequest): boolean;
}

export function createNotifier(deps: {
  isSupported: () => boolean;
  create: (options: { title: string; body: string; icon?: string }) => NotificationLike;
  enabled: () => boolean;
}): Notifier {
  // Electron drops notifications that are garbage-collected before they are clicked.
  const alive = new Set<NotificationLike>();
  return {
    notify(request) {
      if (!deps.isSupported()) return false;
      if (!request.essential && !deps.enabled()) return false;
      const n = deps.create(request.icon === undefined ? { title: request.title, body: request.body } : { title: request.title, body: request.body, icon: request.icon });
      alive.add(n);
      n.on('click', () => {
        alive.delete(n);
        request.onClick?.();
      });
      n.show();
      if (alive.size > 20) alive.delete(alive.values().next().value!);
      return true;
    },
  };
}
