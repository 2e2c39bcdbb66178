import '../studio/studio.css';
import './characters.css';
import { useEffect, useState } from 'react';
import { CHARACTER_TOOLS } from '../../../shared/character-types.ts';
import { mainApi } from '../common/pp.ts';
import { followCharacters, useCharacters } from '../stores/characters.ts';
import { jobsNewestFirst, useJobs } from '../stores/jobs.ts';
import { AccessNotice } from '../studio/AccessNotice.tsx';
import { ErrorNotice } from '../studio/ErrorNotice.tsx';
import { JobCard } from '../studio/JobCard.tsx';
import { useAccess } from '../studio/useAccess.ts';
import { CharacterCard } from './CharacterCard.tsx';
import { CreateCharacter } from './CreateCharacter.tsx';

/** Characters & avatars: train from photos, follow training live, then generate and make avatar packs. */
export default function CharactersPage() {
  const access = useAccess();
  const items = useCharacters((s) => s.items);
  const loaded = useCharacters((s) => s.loaded);
  const loadError = useCharacters((s) => s.loadError);
  const jobs = useJobs((s) => s.jobs);
  const [packCost, setPackCost] = useState<number | undefined>();

  useEffect(() => followCharacters(), []);
  useEffect(() => {
    if (access.signedIn) void useCharacters.getState().load();
  }, [access.signedIn, access.offline]);

  const firstReady = items.find((c) => c.status === 'ready')?.id;
  useEffect(() => {
    if (!firstReady) return;
    // One pack costs the same for every character: quote it once for the buttons.
    void mainApi()
      .studio.quote(CHARACTER_TOOLS.avatarPack, { character_id: firstReady })
      .then((res) => setPackCost(res.ok ? res.value.cost : undefined));
  }, [firstReady]);

  const characterJobs = jobsNewestFirst(jobs).filter((j) => j.tool.startsWith('character/'));

  return (
    <section className="page characters">
      <AccessNotice offline={access.offline} signedIn={access.signedIn} onRetry={access.retry} />
      {loadError && access.signedIn && <ErrorNotice error={loadError} onRetry={() => void useCharacters.getState().load()} />}
      <div className="characters-grid">
        <CreateCharacter canTrain={access.canGenerate} />
        <div className="characters-list">
          <h2>Your characters</h2>
          {loaded && items.length === 0 && (
            <p className="empty muted">No characters yet. Train one from 5–20 photos; it takes a few minutes, and you can keep using the app meanwhile.</p>
          )}
          {items.map((c) => (
            <CharacterCard key={c.id} character={c} canGenerate={access.canGenerate} packCost={packCost} />
          ))}
          {characterJobs.length > 0 && (
            <>
              <h2>Recent character images</h2>
              <div className="jobs">
                {characterJobs.map((job) => (
                  <JobCard key={job.jobId} job={job} />
                ))}
              </div>
            </>
          )}
        </div>
      </div>
    </section>
  );
}
