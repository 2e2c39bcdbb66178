import { protocol, type Session } from 'electron';
import { MEDIA_SCHEME } from './gallery/media-protocol.ts';

/** Must run before app ready: pp-media behaves like a standard, secure scheme (img src, fetch). */
export function registerMediaScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves gallery images through the checked handler (desktop/main/gallery/media-protocol.ts). */
export function handleMediaScheme(session: Session, handler: (request: Request) => Promise<Response>): void {
  session.protocol.handle(MEDIA_SCHEME, handler);
}
