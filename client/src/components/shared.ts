// Reference-counted sharing of GPU resources by content: a thousand boxes
// with the same args and material dict use one geometry and one material.
// The value is looked up during render and counted in an effect (renders
// may be discarded); it is disposed when its last user unmounts.
import { useEffect, useMemo } from "react";

interface Disposable {
  dispose(): void;
}

export class SharedCache<T extends Disposable> {
  private readonly entries = new Map<string, { value: T; users: number }>();

  get(key: string, make: () => T): T {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { value: make(), users: 0 };
      this.entries.set(key, entry);
    }
    return entry.value;
  }

  retain(key: string, value: T): void {
    const entry = this.entries.get(key);
    if (entry && entry.value === value) entry.users++;
    // Freed meanwhile by its last other user: a disposed three.js resource
    // is uploaded again on next use, so it simply comes back.
    else if (!entry) this.entries.set(key, { value, users: 1 });
  }

  release(key: string, value: T): void {
    const entry = this.entries.get(key);
    if (!entry || entry.value !== value) return;
    if (--entry.users > 0) return;
    this.entries.delete(key);
    value.dispose();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The cache's value for `key`, made by `make` if absent, held while mounted. */
export function useShared<T extends Disposable>(cache: SharedCache<T>, key: string, make: () => T): T {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the content
  const value = useMemo(() => cache.get(key, make), [cache, key]);
  useEffect(() => {
    cache.retain(key, value);
    return () => cache.release(key, value);
  }, [cache, key, value]);
  return value;
}
