package io.msgbench.load;

import io.msgbench.api.KeyDistributor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Message keys as OpenMessaging Benchmark makes them: none, or one of 10,000 random 7-character keys
 * (base64url of 5 random bytes), in turn or by {@code nanoTime}. The keys are made once; handing one out
 * allocates nothing. Used by one sender thread.
 */
public final class KeyDistribution {
    /** How many distinct keys OMB uses. */
    public static final int KEYS = 10_000;

    private final KeyDistributor type;
    private final byte[][] keys;
    private int next;

    private KeyDistribution(KeyDistributor type, byte[][] keys) {
        this.type = type;
        this.keys = keys;
    }

    /** @param seed makes the keys reproducible */
    public static KeyDistribution of(KeyDistributor type, long seed) {
        if (type == KeyDistributor.NO_KEY) {
            return new KeyDistribution(type, new byte[0][]);
        }
        SplittableRandom random = new SplittableRandom(seed);
        byte[][] keys = new byte[KEYS][];
        byte[] raw = new byte[5];
        for (int i = 0; i < KEYS; i++) {
            random.nextBytes(raw);
            keys[i] = Base64.getUrlEncoder().withoutPadding().encodeToString(raw).getBytes(StandardCharsets.US_ASCII);
        }
        return new KeyDistribution(type, keys);
    }

    public static KeyDistribution none() {
        return of(KeyDistributor.NO_KEY, 0);
    }

    public KeyDistributor type() {
        return type;
    }

    /** The keys handed out, in round-robin order (none for {@link KeyDistributor#NO_KEY}), for an agent to use. */
    public List<String> keys() {
        List<String> all = new ArrayList<>(keys.length);
        for (byte[] key : keys) {
            all.add(new String(key, StandardCharsets.US_ASCII));
        }
        return all;
    }

    /** The key of the next message, or {@code null} for none. */
    public byte[] next() {
        switch (type) {
            case KEY_ROUND_ROBIN -> {
                byte[] key = keys[next];
                next = next + 1 == KEYS ? 0 : next + 1;
                return key;
            }
            case RANDOM_NANO -> {
                return keys[(int) Math.floorMod(System.nanoTime(), (long) KEYS)];
            }
            default -> {
                return null;
            }
        }
    }
}
