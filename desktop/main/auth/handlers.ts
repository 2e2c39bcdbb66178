import type { BackendResponse } from '../backend-client.ts';
import type { IpcHandlers } from '../ipc-dispatcher.ts';
import { fail, ok, type IpcResult } from '../../shared/result.ts';
import type { SignInService } from './sign-in-service.ts';

type AuthHandlerNames = 'getAuthState' | 'startSignIn' | 'cancelSignIn' | 'signOut' | 'getAccount' | 'updateAccount' | 'acceptTerms' | 'listDevices' | 'revokeDevice';

const toResult = <T>(res: BackendResponse<T>): IpcResult<T> => (res.ok ? ok(res.body) : fail(res.error.code, res.error.message, res.error.details));

/** The sign-in and account channels, over the sign-in service. */
export function createAuthHandlers(auth: SignInService): Pick<IpcHandlers, AuthHandlerNames> {
  return {
    getAuthState: () => auth.getState(),
    startSignIn: async () => {
      const started = await auth.startSignIn();
      return started.ok ? ok(auth.getState()) : fail(started.error.code, started.error.message);
    },
    cancelSignIn: () => {
      auth.cancelSignIn();
      return auth.getState();
    },
    signOut: async () => {
      await auth.signOut();
      return auth.getState();
    },
    getAccount: async () => toResult(await auth.getAccount()),
    updateAccount: async ({ name, contactEmail }) =>
      toResult(await auth.updateAccount({ ...(name !== undefined ? { name } : {}), ...(contactEmail !== undefined ? { contact_email: contactEmail } : {}) })),
    acceptTerms: async () => toResult(await auth.updateAccount({ accept_terms: true, age_confirmed: true })),
    listDevices: async () => toResult(await auth.listDevices()),
    revokeDevice: async ({ id }) => toResult(await auth.revokeDevice(id)),
  };
}
