import { fail, ok } from '../../shared/result.ts';
import type { IpcHandlers } from '../ipc-dispatcher.ts';
import type { CharactersService } from './characters-service.ts';

export interface CharacterHandlerDeps {
  characters: CharactersService;
}

type CharacterChannels = 'listCharacters' | 'createCharacter' | 'deleteCharacter' | 'generateWithCharacter';

/** The Characters page's channels (issue 7); results or coded failures, never throws. */
export function createCharacterHandlers(deps: CharacterHandlerDeps): Pick<IpcHandlers, CharacterChannels> {
  const { characters } = deps;
  return {
    listCharacters: async (payload) => {
      if (payload?.refresh === false) return characters.state();
      const res = await characters.refresh();
      return res.ok ? ok(res.value) : fail(res.code, res.message);
    },
    createCharacter: async (request) => {
      const res = await characters.create(request);
      return res.ok ? ok(res.value) : fail(res.code, res.message, res.details);
    },
    deleteCharacter: async ({ id }) => {
      const res = await characters.remove(id);
      return res.ok ? ok(res.value) : fail(res.code, res.message);
    },
    generateWithCharacter: async (request) => {
      const res = await characters.generate(request);
      return res.ok ? ok(res.value) : fail(res.code, res.message);
    },
  };
}
