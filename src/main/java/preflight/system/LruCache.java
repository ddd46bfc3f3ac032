package preflight.system;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded map that forgets the least recently used entry, safe to share between threads. For
 * values that never go stale, so nothing but the bound ever removes them.
 */
public final class LruCache<K, V> {

    private final Map<K, V> entries;

    public LruCache(int capacity) {
        this.entries = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        });
    }

    /** @return the value, or null when it was never put or has been forgotten */
    public V get(K key) {
        return entries.get(key);
    }

    public void put(K key, V value) {
        entries.put(key, value);
    }
}
