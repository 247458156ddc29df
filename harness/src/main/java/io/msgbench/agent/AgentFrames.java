package io.msgbench.agent;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the frames an agent writes to its stdout: a 4-byte big-endian length of what follows, a type byte
 * ({@link #JSON} or {@link #EVENTS}), the body. One reader thread; the body buffer is reused between frames,
 * so reading events allocates only when a larger frame than any before arrives.
 */
public final class AgentFrames {
    public static final byte JSON = 0x4A;
    public static final byte EVENTS = 0x45;
    /** Larger frames are a broken stream, not a big batch (an agent flushes every 64 KiB or so). */
    static final int MAX_FRAME = 64 << 20;

    private final DataInputStream in;
    private byte[] body = new byte[64 << 10];
    private int length;
    private byte type;

    public AgentFrames(InputStream in) {
        this.in = new DataInputStream(in);
    }

    /** Reads the next frame; false at the end of the stream between frames. */
    public boolean next() throws IOException {
        int size;
        try {
            size = in.readInt();
        } catch (EOFException e) {
            return false;
        }
        if (size < 1 || size > MAX_FRAME) {
            throw new IOException("agent stream broken: a frame of " + size + " bytes");
        }
        type = in.readByte();
        length = size - 1;
        if (length > body.length) {
            body = new byte[Math.max(length, 2 * body.length)];
        }
        in.readFully(body, 0, length);
        if (type != JSON && type != EVENTS) {
            throw new IOException("agent stream broken: a frame of unknown type 0x" + Integer.toHexString(type & 0xFF));
        }
        return true;
    }

    public byte type() {
        return type;
    }

    /** The body of a {@link #JSON} frame. */
    public String text() {
        return new String(body, 0, length, StandardCharsets.UTF_8);
    }

    /** Feeds every record of an {@link #EVENTS} frame to {@code sink}. */
    public void events(AgentEvents.Sink sink) throws IOException {
        AgentEvents.decode(body, length, sink);
    }
}
