import { zipSync, strToU8 } from 'fflate';
import type { Consents, IpcResults } from '../../shared/ipc-types.ts';
import { fail, ok, type IpcResult } from '../../shared/result.ts';
import type { AuthorizedBackend } from '../authorized-backend.ts';
import type { BackendClient, BackendResponse } from '../backend-client.ts';
import type { IpcHandlers } from '../ipc-dispatcher.ts';

export interface PrivacyDeps {
  authorized: AuthorizedBackend;
  /** The plain client, for the contact form when signed out. */
  anonymous: BackendClient;
  /** Metadata of the images kept on this computer (prompts, settings, dates), for the export. */
  localGalleryMetadata: () => Promise<unknown[]>;
  /** Asks where to save; undefined when the user cancels. */
  chooseSavePath: (suggestedName: string) => Promise<string | undefined>;
  writeFile: (path: string, bytes: Uint8Array) => Promise<void>;
  /** Forgets the session on this computer (keychain secrets, in-memory tokens). */
  forgetLocalSession: () => Promise<void>;
  deleteLocalGallery: () => Promise<void>;
  now: () => number;
}

type PrivacyHandlers = Pick<IpcHandlers, 'getConsents' | 'setConsents' | 'exportMyData' | 'deleteAccount' | 'getSupportSubjects' | 'sendSupportMessage'>;

const toResult = <T>(res: BackendResponse<T>): IpcResult<T> => (res.ok ? ok(res.body) : fail(res.error.code, res.error.message, res.error.details));

/** The user's rights from the desktop: access/export, objection, erasure, and the contact form. */
export function createPrivacyHandlers(deps: PrivacyDeps): PrivacyHandlers {
  return {
    getConsents: async () => toResult(await deps.authorized.request<Consents>('GET', '/v1/me/consents')),
    setConsents: async (change) => toResult(await deps.authorized.request<Consents>('PATCH', '/v1/me/consents', { body: change })),

    exportMyData: async (): Promise<IpcResult<IpcResults['exportMyData']>> => {
      const server = await deps.authorized.request<unknown>('GET', '/v1/me/export', { timeoutMs: 60_000 });
      if (!server.ok) return fail(server.error.code, server.error.message);
      const gallery = await deps.localGalleryMetadata();
      const date = new Date(deps.now()).toISOString().slice(0, 10);
      const archive = zipSync({
        'README.txt': strToU8(
          'Your PromptPixels data.\n\naccount-data.json: everything the PromptPixels service holds about you.\n' +
            'this-computer/gallery.json: the prompts and settings of the images kept on this computer.\n' +
            'The images themselves are in your gallery folder; the service never stores them.\n',
        ),
        'account-data.json': strToU8(JSON.stringify(server.body, null, 2)),
        'this-computer/gallery.json': strToU8(JSON.stringify(gallery, null, 2)),
      });
      const path = await deps.chooseSavePath(`promptpixels-my-data-${date}.zip`);
      if (!path) return ok({ saved: false as const, canceled: true as const });
      await deps.writeFile(path, archive);
      return ok({ saved: true as const, path, bytes: archive.byteLength });
    },

    deleteAccount: async ({ deleteLocalGallery }) => {
      const res = await deps.authorized.request<null>('DELETE', '/v1/me');
      if (!res.ok) return fail(res.error.code, res.error.message);
      // The server account is gone; now nothing of it may stay on this computer either.
      await deps.forgetLocalSession();
      if (deleteLocalGallery) await deps.deleteLocalGallery();
      return ok({ deleted: true as const, localGalleryDeleted: deleteLocalGallery });
    },

    getSupportSubjects: async () => toResult(await deps.anonymous.request<{ subjects: string[] }>('GET', '/v1/support/subjects')),

    sendSupportMessage: async (message) => {
      const via = deps.authorized.isSignedIn() ? deps.authorized : deps.anonymous;
      return toResult(await via.request<{ id: string }>('POST', '/v1/support/messages', { body: message }));
    },
  };
}
