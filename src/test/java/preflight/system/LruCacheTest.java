package preflight.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LruCacheTest {

    private final LruCache<String, Integer> cache = new LruCache<>(2);

    @Test
    void beyondItsBoundItForgetsTheLeastRecentlyUsed() {
        cache.put("a", 1);
        cache.put("b", 2);
        cache.get("a"); // "b" is now the least recently used

        cache.put("c", 3);

        assertThat(cache.get("a")).isEqualTo(1);
        assertThat(cache.get("b")).isNull();
        assertThat(cache.get("c")).isEqualTo(3);
    }
}
