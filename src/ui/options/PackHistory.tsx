import { useEffect, useState } from 'preact/hooks';
import { updateLocalSettings } from '../../settings/local';
import { openPostCheckDb, type StoredPack } from '../../store/db';
import { listPacks } from '../../store/library';

/** JSON with keys sorted: storage may hand objects back with their keys in another order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : item,
  );
}

/** The last packs loaded here, so a school can go back to the previous edition in one click. */
export function PackHistory(props: { currentJson: unknown }) {
  const [packs, setPacks] = useState<StoredPack[]>([]);
  useEffect(() => {
    void listPacks(openPostCheckDb()).then(setPacks);
  }, [props.currentJson]);
  const current = canonical(props.currentJson);
  const earlier = packs.filter((pack) => canonical(pack.json) !== current);
  if (earlier.length === 0) return null;
  return (
    <details class="history" data-testid="pack-history">
      <summary>Packs loaded before ({earlier.length})</summary>
      <ul>
        {earlier.map((pack) => (
          <li key={pack.key}>
            {pack.schoolName}, {pack.packId} version {pack.version}, loaded {new Date(pack.loadedAt).toLocaleString('en-GB')}{' '}
            <button type="button" class="link" onClick={() => void updateLocalSettings({ pack: pack.json })}>
              Use this pack again
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
